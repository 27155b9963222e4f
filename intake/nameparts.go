package intake

import (
	"strings"
)

// nameParts are the separate name fields of an address book or export.
type nameParts struct {
	display, prefix, first, middle, last, suffix, nick string
}

func (p nameParts) empty() bool {
	return p.display == "" && p.first == "" && p.middle == "" && p.last == "" && p.nick == ""
}

// nameFromParts builds a name from separate fields. The display name, when
// present, is the full name; the structured fields decide the given and
// family names, because they say which is which.
func nameFromParts(p nameParts) personName {
	if p.display == "" && p.middle == "" && p.prefix == "" && p.suffix == "" && p.nick == "" &&
		isSimpleGiven(p.first) && isSimpleFamily(p.last) {
		// The common case of an export: one given name, one family name.
		first, last := fixNameCase(p.first), fixNameCase(p.last)
		return personName{full: first + " " + last, first: first, given: first, last: last}
	}
	first := fixNameCase(p.first)
	last := fixNameCase(p.last)
	if last == "" && p.middle == "" && p.display == "" {
		if w := splitWords(first); len(w) > 1 && !isPrefixWord(w[0].w) {
			return nameFromDisplay(first) // a full name typed into "First Name"
		}
	}
	fs := shapeName(splitWords(first))
	given := givenOfFirstField(fs)
	lastName := familyOfLastField(last)

	var pn personName
	if p.display != "" {
		pn = nameFromDisplay(p.display)
	} else {
		pn.full = fullFromFields(p, fs, last)
		if given == "" && lastName == "" {
			pn = nameFromDisplay(pn.full)
		}
	}
	if given != "" {
		pn.given = given
	}
	if lastName != "" {
		pn.last = lastName
	}
	pn.first = pn.given
	if nick := firstNonEmpty(fixNameCase(p.nick), fixNameCase(fs.nick), pn.nick); nick != "" {
		pn.first = nick
	}
	return pn
}

// isSimpleGiven reports a "First Name" field that is one plain word: no
// honorific, initial, nickname or script that needs the full rules.
func isSimpleGiven(s string) bool {
	return isPlainName(s) && !strings.ContainsAny(s, " .") && len(s) > 1 && !isPrefixWord(s)
}

// isSimpleFamily reports a "Last Name" field of plain words that does not
// end with a suffix or credential.
func isSimpleFamily(s string) bool {
	if !isPlainName(s) || strings.Contains(s, ".") {
		return false
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return !isSuffixWord(nameWord{w: last})
}

// givenOfFirstField is the given name from a "First Name" field: all of it
// ("María José", "Mary-Kate") except honorifics, nickname and initials
// ("Dr. Andrew J." → "Andrew").
func givenOfFirstField(sh nameShape) string {
	ws := sh.core
	if len(sh.suffixes) > 0 {
		ws = append(ws[:len(ws):len(ws)], sh.suffixes...)
	}
	for len(ws) > 0 && isInitial(ws[len(ws)-1].w) {
		ws = ws[:len(ws)-1]
	}
	for len(ws) > 0 && isInitial(ws[0].w) {
		ws = ws[1:]
	}
	if len(ws) > 0 && allCJK(ws[0].w) {
		return ws[0].w
	}
	return wordsText(ws)
}

// familyOfLastField is the family name from a "Last Name" field without
// suffixes and credentials ("Birol III", "González, MBA, PMP").
func familyOfLastField(last string) string {
	ws := splitWords(last)
	end := len(ws)
	for end > 1 && isSuffixWord(ws[end-1]) {
		end--
	}
	return wordsText(ws[:end])
}

// fullFromFields assembles the display name from separate fields: family
// name first without a space for Chinese, Japanese and Korean names.
func fullFromFields(p nameParts, fs nameShape, last string) string {
	firstText := joinShape(nameShape{prefixes: fs.prefixes, core: fs.core, suffixes: fs.suffixes})
	if allCJK(firstText) && allCJK(strings.ReplaceAll(last, " ", "")) {
		return last + firstText
	}
	parts := []string{fixNameCase(p.prefix), firstText, fixNameCase(p.middle), last, fixNameCase(p.suffix)}
	var b strings.Builder
	for _, s := range parts {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
