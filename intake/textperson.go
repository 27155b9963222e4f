package intake

import (
	"strings"
)

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
