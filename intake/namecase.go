package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// caseMode says how a name's capitalisation is to be repaired.
type caseMode int

const (
	caseKeep  caseMode = iota // mixed case: the writer chose it, keep it
	caseTitle                 // all capitals or all lower-case: re-case every word
)

// nameCaseMode looks at the cased letters of a name. Only a name written
// entirely in capitals (at least two letters) or entirely in lower-case is
// re-cased; "McDonald", "DeShawn" or "Jane Doe MBA" are left as written.
// Scripts without case (Chinese, Arabic…) are never touched.
func nameCaseMode(s string) caseMode {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z', r >= utf8.RuneSelf && unicode.IsLower(r):
			lower++
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			upper++
		}
	}
	if (lower == 0 && upper >= 2) || (upper == 0 && lower > 0) {
		return caseTitle
	}
	return caseKeep
}

// fixNameCase re-cases a name written in all capitals or all lower-case.
// In a mixed-case name it only re-cases a long all-capitals word, the
// French habit of writing the surname in capitals ("Jean DUPONT").
func fixNameCase(s string) string {
	mode := nameCaseMode(s)
	if mode == caseKeep && !hasCapitalRun(s) {
		return s // the common case: nothing to re-case, nothing to allocate
	}
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		var nw string
		switch {
		case mode == caseTitle:
			nw = titleWord(w, i == 0)
		case isShouting(w):
			nw = titleWord(w, i == 0)
		default:
			continue
		}
		if nw != w {
			words[i] = nw
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// hasCapitalRun reports four capital letters in a row, the only thing
// fixNameCase changes in a mixed-case name.
func hasCapitalRun(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			run++
			if run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// isShouting reports an all-capitals word of four letters or more that is
// not a known credential ("SMITH" but not "CISSP").
func isShouting(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	if letters < 4 {
		return false
	}
	k := strings.ToLower(w)
	_, strong := strongSuffixes[strings.TrimRight(k, ",")]
	return !strong
}

// titleWord re-cases one word of a name. first says whether it opens the
// name, where a particle is capitalised ("Van Morrison") rather than kept
// lower ("Ludwig van Beethoven").
func titleWord(w string, first bool) string {
	lw := strings.ToLower(w)
	bare := strings.TrimRight(lw, ",")
	tail := lw[len(bare):]
	if c, ok := strongSuffixes[bare]; ok {
		return c + tail
	}
	if c, ok := namePrefixes[bare]; ok {
		return c + tail
	}
	if !first && particles[bare] {
		return lw
	}
	return titleHyphenated(lw, first)
}

// titleHyphenated capitalises each part of a hyphenated word: "jean-luc" →
// "Jean-Luc", "al-farouk" → "al-Farouk" inside a name.
func titleHyphenated(lw string, first bool) string {
	if !strings.Contains(lw, "-") {
		return titleSimple(lw)
	}
	parts := strings.Split(lw, "-")
	for i, p := range parts {
		if i == 0 && !first && (p == "al" || p == "el") && len(parts) > 1 {
			continue
		}
		parts[i] = titleSimple(p)
	}
	return strings.Join(parts, "-")
}

// titleSimple capitalises a lower-case word, with the Irish and Scottish
// patterns: O'Neil, D'Angelo, McDonald and the listed Mac- names.
func titleSimple(lw string) string {
	if lw == "" {
		return lw
	}
	if i := strings.IndexAny(lw, "'’"); i > 0 {
		head := lw[:i]
		_, size := utf8.DecodeRuneInString(lw[i:])
		rest := lw[i+size:]
		if utf8.RuneCountInString(head) == 1 && rest != "" {
			return upperFirst(head) + lw[i:i+size] + upperFirst(rest)
		}
		return upperFirst(head) + lw[i:]
	}
	if strings.HasPrefix(lw, "mc") && len(lw) > 3 {
		return "Mc" + upperFirst(lw[2:])
	}
	if macNames[lw] {
		return "Mac" + upperFirst(lw[3:])
	}
	return upperFirst(lw)
}

// upperFirst upper-cases the first letter of s.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToTitle(r)) + s[size:]
}
