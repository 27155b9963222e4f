package prompts

import (
	"strings"
	"unicode/utf8"
)

// tidy turns filled template text into finished prose. Whatever optional
// parts were dropped and whatever slots were empty, the result has single
// spaces, no space before a closing mark, no dangling mark (", ." "— ."),
// at most one blank line in a row, and no blank or weak mark at either end.
func tidy(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		l := tidyLine(line)
		if l == "" {
			blank = out.Len() > 0
			continue
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
			if blank {
				out.WriteByte('\n')
			}
		}
		blank = false
		out.WriteString(l)
	}
	return strings.TrimRight(out.String(), " ,;:—–")
}

// tidyLine applies tidy's rules within one line.
func tidyLine(line string) string {
	b := make([]byte, 0, len(line))
	space := false
	for _, r := range line {
		switch {
		case r == ' ' || r == '\t' || r == '\r':
			space = len(b) > 0
		case isClosing(r):
			space = false
			b = addClosing(b, r)
		default:
			if space {
				b = append(b, ' ')
				space = false
			}
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// isClosing reports marks that attach to the word before them.
func isClosing(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '…':
		return true
	}
	return false
}

// isWeak reports marks that a following full stop replaces.
func isWeak(r rune) bool {
	switch r {
	case ',', ';', ':', '—', '–':
		return true
	}
	return false
}

// isFinal reports marks that end a sentence.
func isFinal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// addClosing appends the closing mark r to b, which holds no trailing
// space, merging it with the mark before when the two would dangle.
func addClosing(b []byte, r rune) []byte {
	if len(b) == 0 {
		return b // a line never starts with a closing mark
	}
	last, size := utf8.DecodeLastRune(b)
	switch {
	case isFinal(r) && isWeak(last):
		return addClosing(trimSpaceRight(b[:len(b)-size]), r)
	case r == '.' && isFinal(last):
		return b
	case r == last && isWeak(r):
		return b
	}
	return utf8.AppendRune(b, r)
}

func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}
