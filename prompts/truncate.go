package prompts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// trailingTrim is what a cut context must not end with before its "…":
// spaces, and marks that would dangle ("in 2022,…", "the (…").
const trailingTrim = " ,;:.!?…—–-(\"'“‘«、，。；："

// cutWords returns the longest prefix of s with at most max code points
// that ends at a word boundary, without trailing punctuation. Words are
// separated by spaces; in Chinese and Japanese, which do not use spaces, a
// break may fall between any two ideographs or kana, as line breaking
// allows. It returns "" when no boundary fits.
func cutWords(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	best, count := 0, 0
	var prev rune
	for i, r := range s {
		if count > max {
			break
		}
		if count > 0 && (r == ' ' || breaksAnywhere(r) || breaksAnywhere(prev)) {
			best = i
		}
		prev = r
		count++
	}
	return strings.TrimRight(s[:best], trailingTrim)
}

// breaksAnywhere reports scripts written without spaces between words.
func breaksAnywhere(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}
