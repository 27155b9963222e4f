package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind is what one line of pasted text turned out to be.
type lineKind int

const (
	lineNoise      lineKind = iota // chrome, heading, count: ignored
	linePeople                     // one or more people
	lineHeadline                   // "Product Manager at Acme": about the person above
	lineSelfMarker                 // "(You)" under a name: the person above is the user
	lineBadge                      // LinkedIn's "• 2nd" under a name
	lineSkip                       // not a person, reported (placeholder, bot…)
	lineStatus                     // "Approval pending" under a name on an event page
)

// lineResult is the parse of one line.
type lineResult struct {
	kind           lineKind
	recs           []record
	title, company string
	skipKind, why  string
}

// parseLine reads one non-blank line of pasted text.
func parseLine(raw string) lineResult {
	s := stripMarkers(cleanField(raw))
	switch {
	case s == "":
		return lineResult{kind: lineNoise}
	case isSelfMarkerLine(s):
		return lineResult{kind: lineSelfMarker}
	case isBadgeLine(s):
		return lineResult{kind: lineBadge}
	case len(s) < 40 && notAttending(s):
		return lineResult{kind: lineStatus, why: "marked \"" + s + "\" on the list"}
	}
	if isLoneLink(s) && normLinkedIn(s) == "" {
		return lineResult{kind: lineSkip, skipKind: KindNoIdentity, why: "a web link that is not a person's LinkedIn profile"}
	}
	if looksLikeEmailAttempt(s) && len(strings.Fields(s)) == 1 && len(findEmails(s)) == 0 {
		return lineResult{kind: lineSkip, skipKind: KindInvalid, why: "not a valid email address: " + s}
	}
	emails := findEmails(s)
	if len(emails) >= 2 {
		if recs := parseAddressList(s); len(recs) > 1 {
			return lineResult{kind: linePeople, recs: recs}
		}
	}
	if len(emails) == 0 && !strings.Contains(strings.ToLower(s), "linkedin.com/") {
		if res, ok := nonPersonLine(s); ok {
			return res
		}
	}
	rec, ok := parsePersonText(s, emails)
	if ok {
		return lineResult{kind: linePeople, recs: []record{rec}}
	}
	return headlineOrNoise(s, &rec)
}

// isLoneLink reports a line that is one web link and nothing else.
func isLoneLink(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.Contains(l, "linkedin.com/")
}

// nonPersonLine catches lines that are certainly not a person before any
// name parsing: phone and dial-in numbers, and noise.
func nonPersonLine(s string) (lineResult, bool) {
	if isPhoneLike(s) {
		if strings.Contains(s, "*") {
			return lineResult{kind: lineSkip, skipKind: KindPlaceholder, why: "a masked dial-in number, not a person"}, true
		}
		return lineResult{kind: lineSkip, skipKind: KindNoIdentity, why: "only a phone number: no name, email or LinkedIn profile"}, true
	}
	if isNoiseLine(s) {
		return lineResult{kind: lineNoise}, true
	}
	return lineResult{}, false
}

// headlineOrNoise classifies a line that is not a person: a placeholder or
// bot, a job headline for the person above, a company alone, or noise.
func headlineOrNoise(s string, rec *record) lineResult {
	name := cleanName(s).text
	if kind, why := classifyNonPerson(name); kind != "" {
		return lineResult{kind: lineSkip, skipKind: kind, why: why}
	}
	if len(strings.Fields(s)) <= 12 && (isJobTitle(s) || rec.title != "") {
		var h record
		for _, part := range strings.Split(s, ",") {
			h.addInfo(part)
		}
		if h.title != "" || h.company != "" {
			return lineResult{kind: lineHeadline, title: h.title, company: h.company}
		}
	}
	if isCompanyName(name) {
		return lineResult{kind: lineSkip, skipKind: KindNoIdentity, why: "only a company: no person's name, email or LinkedIn profile"}
	}
	return lineResult{kind: lineNoise}
}

// parsePersonText parses a line that may describe one person: "Name –
// Company", "Name, Title at Company", "Name (Title, Company) email",
// "Last, First", "Jane Doe <jane@acme.com>", an address or profile link
// alone. ok is false when the line names no one.
func parsePersonText(s string, emails []emailSpan) (record, bool) {
	var rec record
	s = takeEmails(&rec, s, emails)
	s = stripDecoration(takeURLs(&rec, s))
	s, infos := takeGroups(&rec, s)
	segs := splitSegments(s)
	nameSeg := ""
	if len(segs) > 0 {
		var more []string
		nameSeg, more = splitNameSegment(segs[0])
		infos = append(more, infos...)
		infos = append(infos, segs[1:]...)
	}
	valid := nameSeg != "" && looksLikeName(nameSeg, !hasUpper(nameSeg))
	if !valid && nameSeg != "" {
		if at, company, ok := cutAt(nameSeg); ok && looksLikeName(at, !hasUpper(at)) {
			nameSeg, valid = at, true
			infos = append([]string{"@ " + company}, infos...)
		}
	}
	for _, in := range infos {
		rec.addInfo(in)
	}
	if valid {
		rec.name.display, rec.nameOK = nameSeg, true
	}
	if !valid && (len(rec.emails) > 0 || len(rec.urls) > 0) && nameSeg != "" {
		if isCompanyName(nameSeg) && rec.company == "" {
			rec.company = nameSeg
		} else {
			rec.notes = joinNote(rec.notes, nameSeg)
		}
	}
	return rec, valid || len(rec.emails) > 0 || len(rec.urls) > 0 || rec.self && nameSeg != ""
}

// takeEmails moves the addresses found in s into rec and removes them.
func takeEmails(rec *record, s string, emails []emailSpan) string {
	for i := len(emails) - 1; i >= 0; i-- {
		e := emails[i]
		s = s[:e.start] + " " + s[e.end:]
	}
	for _, e := range emails {
		rec.emails = append(rec.emails, e.addr)
	}
	return s
}

// takeURLs moves web links out of s: LinkedIn profiles to rec.urls, other
// links to notes.
func takeURLs(rec *record, s string) string {
	l := strings.ToLower(s)
	if !strings.Contains(l, "://") && !strings.Contains(l, "www.") && !strings.Contains(l, "linkedin.com/") {
		return s
	}
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		lw := strings.ToLower(w)
		switch {
		case strings.Contains(lw, "linkedin.com/"):
			rec.urls = append(rec.urls, w)
			if normLinkedIn(w) == "" {
				rec.notes = joinNote(rec.notes, w)
			}
		case strings.Contains(lw, "://") || strings.HasPrefix(lw, "www."):
			rec.notes = joinNote(rec.notes, strings.Trim(w, "<>()[]"))
		default:
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// takeGroups removes bracketed groups from a line: role and pronoun tags
// (noting "(me)"), and trailing remarks, returned as infos ("(CTO,
// Initech)" → "CTO", "Initech"). A one-word group inside the name is a
// nickname and stays. An alternative spelling of the name ("Sam Patel
// (Samir Patel)") goes to notes.
func takeGroups(rec *record, s string) (string, []string) {
	var infos []string
	for guard := 0; guard < 8; guard++ {
		open := strings.IndexAny(s, "([")
		if open < 0 {
			break
		}
		closer := ")"
		if s[open] == '[' {
			closer = "]"
		}
		end := strings.Index(s[open:], closer)
		if end < 0 {
			s = s[:open] + " " + s[open+1:]
			continue
		}
		end += open
		content := strings.TrimSpace(s[open+1 : end])
		after := s[end+1:]
		if isTag, self := tagGroup(content); isTag {
			rec.self = rec.self || self
		} else if !strings.ContainsAny(content, " ,") && hasLetterBeforeSeparator(after) {
			s = s[:open] + "\x01" + content + "\x02" + after // nickname: keep, masked
			continue
		} else if isAltName(content, s[:open]) {
			rec.notes = joinNote(rec.notes, "also listed as "+content)
		} else {
			infos = append(infos, splitInfo(content)...)
		}
		s = s[:open] + " " + after
	}
	s = strings.NewReplacer("\x01", "(", "\x02", ")").Replace(s)
	return s, infos
}

// hasLetterBeforeSeparator reports whether the name goes on after a group.
func hasLetterBeforeSeparator(after string) bool {
	seg := splitSegments(after)
	if len(seg) == 0 || !strings.HasPrefix(strings.TrimLeft(after, " "), seg[0]) {
		return false
	}
	first, _, _ := strings.Cut(seg[0], ",")
	return hasLetter(first)
}

// isAltName reports bracketed text that is another form of the name before
// it (Zoom's "Name (Original Name)"): a name sharing a word with it.
func isAltName(content, before string) bool {
	if !looksLikeName(content, false) || isCompanyName(content) {
		return false
	}
	for _, w := range strings.Fields(content) {
		for _, b := range strings.Fields(before) {
			if strings.EqualFold(w, b) {
				return true
			}
		}
	}
	return false
}

// splitInfo splits "CTO, Initech" into its parts.
func splitInfo(s string) []string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// segmentSeparators split a line into name, company, title… Dashes count
// only with spaces around them, so hyphenated names stay whole.
var segmentSeparators = strings.NewReplacer(
	"|", "\x00", "\t", "\x00", " -- ", "\x00", " – ", "\x00", " — ", "\x00",
	" - ", "\x00", " · ", "\x00", " • ", "\x00", " ~ ", "\x00",
)

// splitSegments cuts a line at its strong separators, dropping empty parts.
func splitSegments(s string) []string {
	s = strings.TrimSpace(s)
	for _, d := range []string{" –", " —", " -", " |", " ·", " •"} {
		s = strings.TrimSuffix(s, d)
	}
	parts := strings.Split(segmentSeparators.Replace(s), "\x00")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.Trim(strings.TrimSpace(p), "–—-|•·,;:"); strings.TrimSpace(p) != "" {
			out = append(out, unquote(strings.TrimSpace(p)))
		}
	}
	return out
}

// unquote removes the double quotes around a whole segment, as in
// `"Nguyen, Linh" <linh@example.vn>`; quotes inside it (a nickname) stay.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(s[1:len(s)-1], `"`) {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// splitNameSegment separates the name from what follows it after commas:
// suffixes stay with the name ("Tom O'Malley, Jr."), "Doe, Jane" is turned
// around, and the rest ("CTO at Acme") is returned as infos.
func splitNameSegment(seg string) (name string, infos []string) {
	parts := splitInfo(seg)
	var suffixes []string
	for len(parts) > 1 && isSuffixPart(parts[len(parts)-1]) {
		suffixes = append([]string{parts[len(parts)-1]}, suffixes...)
		parts = parts[:len(parts)-1]
	}
	name, infos = parts[0], parts[1:]
	if len(parts) == 2 && isLastFirst(parts[0], parts[1]) {
		name, infos = parts[1]+" "+parts[0], nil
	}
	for _, sfx := range suffixes {
		name += ", " + sfx
	}
	return name, infos
}

// isSuffixPart reports a comma-separated part made only of suffixes.
func isSuffixPart(p string) bool {
	words := strings.Fields(p)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !isSuffixWord(nameWord{w: w, comma: true}) {
			return false
		}
	}
	return true
}

// isLastFirst recognises "Doe, Jane" in a line: one surname word (with
// particles: "van der Berg") before the comma and a short name after it.
func isLastFirst(left, right string) bool {
	lw := strings.Fields(left)
	if len(lw) == 0 || len(lw) > 3 || isPrefixWord(lw[0]) {
		return false
	}
	for _, w := range lw[:len(lw)-1] {
		if !inFold(particles, w) {
			return false
		}
	}
	lower := !hasUpper(left + right)
	if !looksLikeName(left, lower) || !looksLikeName(right, lower) || len(strings.Fields(right)) > 3 {
		return false
	}
	return !isJobTitle(right) && !isCompanyName(right)
}

// cutAt splits "Title at Company" or "Title @ Company".
func cutAt(s string) (before, after string, ok bool) {
	l := strings.ToLower(s)
	for _, sep := range []string{" @ ", " at ", "@ "} {
		if i := strings.Index(l, sep); i >= 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):]), true
		}
	}
	return "", "", false
}

// addInfo files one piece of text found beside a name: a phone number, a
// "Title at Company", a job title, or a company. What does not fit goes to
// notes. "ex-Company" is a former employer and goes to notes too.
func (r *record) addInfo(s string) {
	s = strings.TrimSpace(strings.Trim(s, " ,;:"))
	l := strings.ToLower(s)
	switch {
	case s == "":
	case isPhoneLike(s) && r.phone == "":
		r.phone = s
	case strings.HasPrefix(l, "ex-") || strings.HasPrefix(l, "former ") || strings.HasPrefix(l, "formerly "):
		r.notes = joinNote(r.notes, s)
	case strings.HasPrefix(l, "@ "):
		r.setCompany(s[2:])
	default:
		if title, company, ok := cutAt(s); ok && len(strings.Fields(title)) <= 6 && len(strings.Fields(company)) <= 6 {
			r.setTitle(title)
			r.setCompany(company)
			return
		}
		if isJobTitle(s) {
			r.setTitle(s)
			return
		}
		r.setCompany(s)
	}
}

func (r *record) setTitle(s string) {
	if s == "" {
		return
	}
	if r.title == "" {
		r.title = s
		return
	}
	r.notes = joinNote(r.notes, s)
}

func (r *record) setCompany(s string) {
	if s == "" {
		return
	}
	if r.company == "" {
		r.company = s
		return
	}
	r.notes = joinNote(r.notes, s)
}

// parseAddressList reads a line of several people with addresses, as
// copied from an e-mail's To or Cc field: `"Doe, Jane" <jane@x>; Bob
// <bob@y>`. It returns nil when the line is one person with two addresses.
func parseAddressList(s string) []record {
	for _, h := range []string{"to:", "cc:", "bcc:", "from:"} {
		if len(s) > len(h) && strings.EqualFold(s[:len(h)], h) {
			s = s[len(h):]
		}
	}
	parts := splitOutsideQuotes(s)
	var recs []record
	for _, p := range parts {
		spans := findEmails(p)
		if len(spans) != 1 {
			return nil
		}
		p = strings.ReplaceAll(p, `"`, "")
		rec, ok := parsePersonText(p, findEmails(p))
		if !ok {
			return nil
		}
		recs = append(recs, rec)
	}
	return recs
}

// splitOutsideQuotes splits at commas and semicolons that are not inside
// double quotes or angle brackets.
func splitOutsideQuotes(s string) []string {
	var parts []string
	depth, quote, start := 0, false, 0
	for i, r := range s {
		switch {
		case r == '"':
			quote = !quote
		case r == '<':
			depth++
		case r == '>' && depth > 0:
			depth--
		case (r == ',' || r == ';') && !quote && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	parts = append(parts, s[start:])
	out := parts[:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

// stripMarkers removes list bullets, numbering and checkboxes from the
// start of a line.
func stripMarkers(s string) string {
	for {
		t := strings.TrimLeft(s, " ")
		t = strings.TrimLeft(t, "•·‣◦▪●○■□➢►→✓✔☐☑")
		for _, m := range []string{"- ", "* ", "+ ", "> ", "– ", "— ", "[ ] ", "[x] ", "[X] "} {
			t = strings.TrimPrefix(t, m)
		}
		t = stripNumbering(strings.TrimLeft(t, " "))
		if t == s {
			return s
		}
		s = t
	}
}

// stripNumbering removes "1. ", "2) ", "(3) ", "#4 ", "a) ".
func stripNumbering(s string) string {
	i := 0
	if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "#") {
		i = 1
	}
	j := i
	for j < len(s) && j-i < 4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i && j+1 < len(s) && s[j] >= 'a' && s[j] <= 'z' && s[j+1] == ')' {
		j++ // "a) "
	}
	if j == i || j >= len(s) {
		return s
	}
	if strings.IndexByte(".):]", s[j]) >= 0 && j+1 < len(s) && s[j+1] == ' ' {
		return s[j+2:]
	}
	if s[0] == '#' && s[j] == ' ' {
		return s[j+1:]
	}
	return s
}

// isSelfMarkerLine reports the "(You)" line video-call panels put under
// the user's own name.
func isSelfMarkerLine(s string) bool {
	switch strings.ToLower(strings.Trim(s, " ()[]")) {
	case "you", "me", "this is you", "host, me", "me, host":
		return true
	}
	return false
}

// isBadgeLine reports LinkedIn's connection-degree line ("• 2nd", "3rd+
// degree connection").
func isBadgeLine(s string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(s, " •·")))
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !isDegreeBadge(w) && w != "degree" && w != "connection" && w != "•" && w != "·" {
			return false
		}
	}
	return isDegreeBadge(words[0])
}

func hasUpper(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf && 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
