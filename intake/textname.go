package intake

import (
	"strings"
	"unicode"
)

// stopWords are lower-case words of prose that never appear in a name. They
// tell "call lina back re: intro" from "jane doe" when a line is written
// all in lower case.
var stopWords = map[string]bool{
	"at": true, "the": true, "and": true, "of": true, "to": true, "for": true,
	"with": true, "re": true, "re:": true, "back": true, "call": true, "met": true,
	"meet": true, "meeting": true, "intro": true, "follow": true, "up": true,
	"from": true, "in": true, "on": true, "by": true, "about": true, "is": true,
	"are": true, "was": true, "were": true, "be": true,
	"it": true, "this": true, "that": true, "my": true, "your": true, "our": true,
	"we": true, "she": true, "they": true, "them": true,
	"him": true, "her": true, "me": true, "you": true, "not": true, "but": true,
	"or": true, "if": true, "so": true, "as": true, "also": true, "thanks": true,
	"please": true, "today": true, "tomorrow": true, "yesterday": true,
	"next": true, "last": true, "week": true, "ask": true, "send": true,
	"email": true, "ping": true, "remind": true, "todo": true, "via": true,
	"who": true, "what": true, "when": true, "where": true, "why": true, "how": true,
	"knows": true, "know": true, "works": true, "work": true, "client": true,
	"friend": true, "colleague": true, "maybe": true, "probably": true,
	"definitely": true, "sure": true, "yes": true, "no": true, "ok": true,
}

// strongJobWords are job words that are never part of a person's name;
// the other job words ("Head", "Chief", "Fellow") are also surnames.
var strongJobWords = map[string]bool{
	"ceo": true, "cto": true, "cfo": true, "coo": true, "cmo": true, "cio": true,
	"ciso": true, "vp": true, "svp": true, "evp": true, "director": true,
	"manager": true, "engineer": true, "developer": true, "founder": true,
	"co-founder": true, "cofounder": true, "president": true, "recruiter": true,
	"consultant": true, "analyst": true, "designer": true, "architect": true,
	"officer": true, "executive": true, "specialist": true, "coordinator": true,
	"administrator": true, "intern": true, "scientist": true, "researcher": true,
	"investor": true, "attorney": true, "accountant": true, "programmer": true,
}

// looksLikeName reports whether text reads like a person's name: one to six
// words of letters (with apostrophes, hyphens and initials), honorifics
// and suffixes allowed, lower-case words only as particles unless the whole
// line is lower-case, no prose, no job title, no company, not only noise.
func looksLikeName(s string, lowerLine bool) bool {
	words := splitWords(s)
	if len(words) == 0 || len(words) > 7 {
		return false
	}
	sh := shapeName(words)
	if len(sh.core) == 0 || len(sh.core) > 6 || isCompanyName(s) {
		return false
	}
	allNoise, jobs := true, 0
	for _, w := range sh.core {
		if inFold(strongJobWords, w.w) || inFold(stopWords, w.w) || !nameWordOK(w.w, lowerLine) {
			return false
		}
		allNoise = allNoise && inFold(noiseWords, w.w)
		if inFold(jobWords, w.w) {
			jobs++
		}
	}
	if allNoise || jobs >= 2 || jobs == len(sh.core) {
		return false
	}
	if len(sh.core) == 1 {
		return singleNameOK(sh.core[0].w, lowerLine, len(sh.prefixes) > 0)
	}
	return true
}

// nameWordOK checks the characters and case of one word of a name.
func nameWordOK(w string, lowerLine bool) bool {
	lw := strings.ToLower(w)
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			letters++
		case r == '\'' || r == '’' || r == '-' || r == '.':
		default:
			return false
		}
	}
	if letters == 0 {
		return false
	}
	first := []rune(w)[0]
	if unicode.IsLower(first) && !lowerLine {
		// Mixed-case text: a lower-case word must be a particle ("van").
		return particles[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-") ||
			strings.HasPrefix(lw, "d'") || strings.HasPrefix(lw, "d’")
	}
	return true
}

// singleNameOK accepts a one-word name only when it is clearly one: a
// capitalised word of two letters or more that is not avatar initials or
// a noise word, or a word of a script without case.
func singleNameOK(w string, lowerLine, titled bool) bool {
	lw := strings.ToLower(w)
	if noiseWords[lw] || stopWords[lw] || isInitials(w) {
		return false
	}
	rs := []rune(w)
	if len(rs) < 2 {
		return false
	}
	if !unicode.IsUpper(rs[0]) && !unicode.IsLower(rs[0]) {
		return true // Chinese, Arabic…
	}
	return titled || unicode.IsUpper(rs[0]) && !lowerLine
}

// isJobTitle reports a phrase that names a job ("VP Sales", "Head of
// Product", "CTO").
func isJobTitle(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '/' || r == '&' || r == '(' || r == ')'
	}) {
		if jobWords[w] {
			return true
		}
	}
	return false
}

// isPhoneLike reports a phone number as people write them: at least seven
// digits with only "+()-./ " and an extension between them.
func isPhoneLike(s string) bool {
	digits := 0
	l := strings.ToLower(s)
	l = strings.ReplaceAll(strings.ReplaceAll(l, "ext.", ""), "ext", "")
	for _, r := range l {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune("+()-./ x*", r):
		default:
			return false
		}
	}
	return digits >= 7
}
