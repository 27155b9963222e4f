package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normEmail turns one written address into its canonical form: trimmed of
// white space, brackets and "mailto:", lower-cased. ok is false when what
// remains is not a plausible address (no "@", "(at)" forms, an Exchange
// X.500 path, spaces inside…).
func normEmail(s string) (addr string, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "<>()[]\"',;")
	if len(s) > 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
		if i := strings.IndexByte(s, '?'); i >= 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(s)
	if !validEmail(s) {
		return "", false
	}
	return strings.ToLower(s), true
}

// validEmail checks the shape of an address: a dot-atom local part of at
// most 64 bytes, and a domain of at least two labels whose last one is
// alphabetic (or an IDN "xn--" label). Quoted local parts and IP-literal
// domains are refused: people do not write them in contact lists.
func validEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at > 64 || len(s) > 254 || at == len(s)-1 {
		return false
	}
	return validLocal(s[:at]) && validDomain(s[at+1:])
}

func validLocal(l string) bool {
	if l[0] == '.' || l[len(l)-1] == '.' || strings.Contains(l, "..") {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", c) >= 0:
		case c >= utf8.RuneSelf: // internationalised local parts (RFC 6531)
		default:
			return false
		}
	}
	return true
}

func validDomain(d string) bool {
	if !strings.Contains(d, ".") {
		return false
	}
	tld := d[strings.LastIndexByte(d, '.')+1:]
	for lb := range strings.SplitSeq(d, ".") {
		if lb == "" || len(lb) > 63 || lb[0] == '-' || lb[len(lb)-1] == '-' {
			return false
		}
		for _, r := range lb {
			if !(r == '-' || r < utf8.RuneSelf && (isASCIIAlnum(byte(r))) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))) {
				return false
			}
		}
	}
	if strings.HasPrefix(strings.ToLower(tld), "xn--") {
		return true
	}
	if utf8.RuneCountInString(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// looksLikeEmailAttempt reports a value that was meant as an address but
// is not valid ("name(at)example.com", "jane@acme"), so that it can be kept
// in notes rather than dropped silently. Exchange X.500 paths and empty
// cells are not attempts.
func looksLikeEmailAttempt(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || strings.HasPrefix(s, "/o=") {
		return false
	}
	return strings.Contains(s, "@") || strings.Contains(s, "(at)") || strings.Contains(s, "[at]")
}

// splitEmailCell splits a cell that holds several addresses: Google's
// " ::: ", or semicolons, commas and spaces from hand-made sheets.
func splitEmailCell(s string) []string {
	var out []string
	eachInCell(s, func(v string) { out = append(out, v) })
	return out
}

// eachInCell calls yield with each value of a multi-value cell, without
// allocating in the usual case of a single value.
func eachInCell(s string, yield func(string)) {
	if !strings.ContainsAny(s, ":;, \t") {
		yield(s)
		return
	}
	s = strings.ReplaceAll(s, ":::", " ")
	for v := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return r == ';' || r == ',' || unicode.IsSpace(r)
	}) {
		yield(v)
	}
}

// systemLocalParts are mailboxes that belong to software, not people.
var systemLocalParts = map[string]bool{
	"noreply": true, "no-reply": true, "no_reply": true, "donotreply": true,
	"do-not-reply": true, "do_not_reply": true, "mailer-daemon": true,
	"postmaster": true, "bounce": true, "bounces": true, "notifications": true,
	"notification": true, "notify": true, "daemon": true, "auto-reply": true,
	"autoreply": true, "unsubscribe": true,
}

// isSystemAddress reports automatic sender addresses (no-reply and the like).
func isSystemAddress(addr string) bool {
	local, _, _ := strings.Cut(addr, "@")
	if plus := strings.IndexByte(local, '+'); plus > 0 {
		local = local[:plus]
	}
	if systemLocalParts[local] {
		return true
	}
	return strings.HasPrefix(local, "noreply") || strings.HasPrefix(local, "no-reply") ||
		strings.HasSuffix(local, "-noreply") || strings.HasSuffix(local, ".noreply") ||
		strings.HasPrefix(local, "bounce-") || strings.HasPrefix(local, "bounces+")
}

// roleLocalParts are shared mailboxes whose local part is no one's name.
var roleLocalParts = map[string]bool{
	"info": true, "sales": true, "hello": true, "team": true, "support": true,
	"admin": true, "office": true, "contact": true, "hr": true, "jobs": true,
	"billing": true, "partnerships": true, "press": true, "marketing": true,
	"careers": true, "help": true, "enquiries": true, "inquiries": true,
	"accounts": true, "finance": true, "legal": true, "events": true,
}

// nameFromEmail derives a name from an address whose local part clearly is
// one: two or three alphabetic words of two letters or more separated by
// ".", "_" or "-" ("jane.doe@" → "Jane Doe"). Trailing digits are ignored.
// "jdoe@", "jane@" and "dana.w@" are not clear enough and give "".
func nameFromEmail(addr string) string {
	local, _, _ := strings.Cut(addr, "@")
	if plus := strings.IndexByte(local, '+'); plus > 0 {
		local = local[:plus]
	}
	local = strings.TrimRight(local, "0123456789")
	// Dots and underscores separate names; a hyphen does too unless the
	// name parts are already separated, where it joins "mary-kate".
	parts := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' })
	if len(parts) < 2 {
		parts = strings.Split(local, "-")
	}
	if len(parts) < 2 || len(parts) > 3 {
		return ""
	}
	for _, p := range parts {
		letters := strings.ReplaceAll(p, "-", "")
		if len(letters) < 2 || roleLocalParts[p] || !isAllASCIILetters(letters) || strings.Trim(p, "-") != p {
			return ""
		}
	}
	for i, p := range parts {
		parts[i] = titleWord(p, i == 0)
	}
	return strings.Join(parts, " ")
}

func isAllASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

// emailSpan is an address found inside a line of text, with the byte range
// it occupied including any brackets or "mailto:" around it.
type emailSpan struct {
	addr       string
	start, end int
}

// findEmails locates addresses in free text.
func findEmails(s string) []emailSpan {
	var spans []emailSpan
	for off := 0; off < len(s); {
		at := strings.IndexByte(s[off:], '@')
		if at < 0 {
			break
		}
		at += off
		start, end := at, at+1
		for start > off { // never back into the previous address
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !isEmailRune(r) {
				break
			}
			start -= size
		}
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !isEmailRune(r) {
				break
			}
			end += size
		}
		raw := strings.TrimRight(s[start:end], ".-")
		end = start + len(raw)
		if addr, ok := normEmail(raw); ok {
			spans = append(spans, widenSpan(s, off, emailSpan{addr: addr, start: start, end: end}))
		}
		off = end
		if off <= at {
			off = at + 1
		}
	}
	return spans
}

func isEmailRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", byte(r)) >= 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// widenSpan grows a span over "mailto:" and the brackets around it, but
// not back past floor, the end of the previous address.
func widenSpan(s string, floor int, sp emailSpan) emailSpan {
	if sp.start-7 >= floor && strings.EqualFold(s[sp.start-7:sp.start], "mailto:") {
		sp.start -= 7
	}
	if sp.start > floor && sp.end < len(s) {
		o, c := s[sp.start-1], s[sp.end]
		if (o == '<' && c == '>') || (o == '(' && c == ')') || (o == '[' && c == ']') {
			sp.start--
			sp.end++
		}
	}
	return sp
}
