package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// personName is a person's name in the parts Rapport uses. See the package
// documentation for the rules.
type personName struct {
	full  string // display form: as written, tidied, re-cased, nickname removed
	first string // greeting name: the nickname when there is one, else the given name
	given string // given name, ignoring nicknames (used for de-duplication)
	last  string // family name without suffixes; particles kept ("van der Berg")
	nick  string // nickname written inside the name, if any
}

// nameWord is one word of a name and whether a comma preceded it.
type nameWord struct {
	w     string
	comma bool
}

// splitWords cuts a name into words, remembering commas ("O'Malley, Jr.").
func splitWords(s string) []nameWord {
	words := make([]nameWord, 0, 4)
	comma := false
	for f := range strings.FieldsSeq(s) {
		lead := strings.HasPrefix(f, ",")
		f = strings.TrimLeft(f, ",")
		trail := strings.HasSuffix(f, ",")
		f = strings.TrimRight(f, ",")
		if f != "" {
			words = append(words, nameWord{w: f, comma: comma || lead})
			comma = false
		}
		comma = comma || trail
	}
	return words
}

// nameShape is a name's words sorted into honorifics, the name proper,
// suffixes and a nickname.
type nameShape struct {
	prefixes []nameWord
	core     []nameWord
	suffixes []nameWord
	nick     string
}

// shapeName classifies words. Honorifics are only taken from the front and
// suffixes only from the back, and never the last remaining word, so that
// "Miss" or "Ma" alone stay a name.
func shapeName(words []nameWord) nameShape {
	var sh nameShape
	words = sh.takeNick(words)
	for len(words) > 1 && isPrefixWord(words[0].w) {
		sh.prefixes = append(sh.prefixes, words[0])
		words = words[1:]
	}
	end := len(words)
	for end > 1 && isSuffixWord(words[end-1]) {
		end--
	}
	sh.suffixes = words[end:]
	sh.core = words[:end]
	return sh
}

// takeNick removes a quoted or bracketed nickname ("Bob 'Bobby' Smith",
// `Robert "Bob" Smith`, "Robert (Bob) Smith") and remembers the first one.
func (sh *nameShape) takeNick(words []nameWord) []nameWord {
	quoted := false
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w.w)
		_, q := nickQuotes[r]
		quoted = quoted || q
	}
	if !quoted {
		return words
	}
	out := words[:0:0]
	for i := 0; i < len(words); i++ {
		w := words[i].w
		open, size := utf8.DecodeRuneInString(w)
		closer, ok := nickQuotes[open]
		if !ok || len(words) == 1 {
			out = append(out, words[i])
			continue
		}
		j := i
		for j < len(words) && !strings.HasSuffix(strings.TrimRight(words[j].w, ".,"), string(closer)) {
			j++
		}
		if j == len(words) || (j == i && len(w) <= size+utf8.RuneLen(closer)) {
			out = append(out, words[i])
			continue
		}
		var parts []string
		for _, nw := range words[i : j+1] {
			parts = append(parts, nw.w)
		}
		nick := strings.Join(parts, " ")
		nick = strings.TrimRight(nick, ".,")
		nick = strings.TrimSpace(nick[size : len(nick)-utf8.RuneLen(closer)])
		if sh.nick == "" && nick != "" {
			sh.nick = nick
		}
		i = j
	}
	return out
}

// nickQuotes maps an opening nickname quote to its closing one. Apostrophes
// count only as a pair around a whole word, never inside one (O'Neil).
var nickQuotes = map[rune]rune{'"': '"', '\'': '\'', '“': '”', '‘': '’', '«': '»', '(': ')', '„': '“'}

func isPrefixWord(w string) bool {
	_, ok := lookupFold(namePrefixes, w)
	return ok
}

func isSuffixWord(nw nameWord) bool {
	if _, ok := lookupFold(strongSuffixes, nw.w); ok {
		return true
	}
	if !nw.comma {
		return false
	}
	_, ok := lookupFold(weakSuffixes, nw.w)
	return ok
}

// isInitial reports "J", "J." or "J.R.".
func isInitial(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	return letters > 0 && (letters == 1 || strings.Contains(w, "."))
}

// isCJK reports a rune of the scripts whose names are written family name
// first and often without a space.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func allCJK(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isCJK(r) && r != '・' && r != '·' {
			return false
		}
	}
	return true
}

// nameFromDisplay parses a name written as one string. A "Last, First"
// form is turned around ("Ng, Kevin" → "Kevin Ng").
func nameFromDisplay(display string) personName {
	s := fixNameCase(display)
	if left, right, ok := cutLastFirst(s); ok {
		s = right + " " + left
	}
	sh := shapeName(splitWords(s))
	pn := personName{full: joinShape(sh)}
	pn.given, pn.last = givenLast(sh.core)
	pn.first = pn.given
	if sh.nick != "" {
		pn.nick = fixNameCase(sh.nick)
		pn.first = pn.nick
	}
	return pn
}

// cutLastFirst recognises "Doe, Jane" and "van der Berg, Anna": a short
// surname before the comma and a short given name after it that is not a
// suffix ("O'Malley, Jr."), a job or a company.
func cutLastFirst(s string) (left, right string, ok bool) {
	i := strings.IndexByte(s, ',')
	if i <= 0 {
		return "", "", false
	}
	left, right = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if strings.ContainsRune(right, ',') || right == "" {
		return "", "", false
	}
	rw := splitWords(right)
	if len(rw) > 3 || len(splitWords(left)) > 3 {
		return "", "", false
	}
	allSuffix := true
	for _, w := range rw {
		k := strings.ToLower(w.w)
		_, strong := strongSuffixes[k]
		_, weak := weakSuffixes[k]
		allSuffix = allSuffix && (strong || weak)
		if jobWords[k] || companySuffixes[k] {
			return "", "", false
		}
	}
	return left, right, !allSuffix
}

// joinShape writes a name back without its nickname, keeping honorifics
// and suffixes with their commas.
func joinShape(sh nameShape) string {
	var b strings.Builder
	add := func(ws []nameWord) {
		for _, w := range ws {
			if b.Len() > 0 {
				if w.comma {
					b.WriteByte(',')
				}
				b.WriteByte(' ')
			}
			b.WriteString(w.w)
		}
	}
	add(sh.prefixes)
	add(sh.core)
	add(sh.suffixes)
	return b.String()
}

// givenLast picks the given and the family name from the name proper.
func givenLast(core []nameWord) (given, last string) {
	switch {
	case len(core) == 0:
		return "", ""
	case allCJK(core[0].w):
		return cjkGivenLast(core)
	case len(core) == 1:
		if isInitial(core[0].w) {
			return "", ""
		}
		return core[0].w, ""
	}
	start := lastNameStart(core)
	for _, w := range core[:start] {
		if !isInitial(w.w) {
			return w.w, wordsText(core[start:])
		}
	}
	return "", wordsText(core[start:])
}

// lastNameStart finds where the family name begins: the last word, with
// the particles before it ("de la Cruz") and the surname before a joining
// "y" ("Ortega y Gasset"). The first word is always the given name.
func lastNameStart(core []nameWord) int {
	i := len(core) - 1
	for i > 1 && inFold(particles, core[i-1].w) {
		i--
		if inFold(conjunctionParticles, core[i].w) && i > 1 {
			i--
		}
	}
	return i
}

// cjkGivenLast splits a Chinese, Japanese or Korean name, written family
// name first. Two words are family and given name; one word of two or
// three characters has a one-character family name; four characters split
// two and two. Longer runs are left whole as the given name.
func cjkGivenLast(core []nameWord) (given, last string) {
	if len(core) >= 2 {
		return wordsText(core[1:]), core[0].w
	}
	rs := []rune(core[0].w)
	switch len(rs) {
	case 2, 3:
		return string(rs[1:]), string(rs[0])
	case 4:
		return string(rs[2:]), string(rs[:2])
	}
	return core[0].w, ""
}

func wordsText(ws []nameWord) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0].w
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.w)
	}
	return b.String()
}
