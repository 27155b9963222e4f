package telegram

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapport-bot/rapport/coach"
)

// maxText is Telegram's limit on a message's text after entity parsing, in
// UTF-16 code units (what Telegram counts).
const maxText = 4096

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// splitSpans cuts a reply into parts of at most limit UTF-16 units of
// text, at line boundaries; a single line longer than limit is cut between
// words, and a word longer than limit between characters. It works on
// spans, before any markup exists, so no part can end inside a tag; white
// space at the edges of a part is dropped (Telegram drops it too), and
// nothing else is lost.
func splitSpans(spans []coach.Span, limit int) [][]coach.Span {
	var parts [][]coach.Span
	var cur []coach.Span
	n := 0
	flush := func() {
		if p := trimSpans(cur); len(p) > 0 {
			parts = append(parts, p)
		}
		cur, n = nil, 0
	}
	for _, line := range lines(spans) {
		ln := spansLen(line)
		if n+ln > limit {
			flush()
		}
		if ln <= limit {
			cur, n = append(cur, line...), n+ln
			continue
		}
		for _, piece := range cutLine(line, limit) {
			cur = piece
			flush()
		}
	}
	flush()
	return parts
}

// lines regroups spans into lines, each ending with its "\n" (but the last).
func lines(spans []coach.Span) [][]coach.Span {
	var out [][]coach.Span
	var cur []coach.Span
	for _, s := range spans {
		text := s.Text
		for text != "" {
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				cur = append(cur, withText(s, text))
				break
			}
			cur = append(cur, withText(s, text[:i+1]))
			out = append(out, cur)
			cur, text = nil, text[i+1:]
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// cutLine cuts one over-long line into pieces of at most limit units,
// after a space where there is one.
func cutLine(line []coach.Span, limit int) [][]coach.Span {
	var out [][]coach.Span
	var cur []coach.Span
	n := 0
	for _, s := range line {
		text := s.Text
		for text != "" {
			room := limit - n
			head, tail := cutText(text, room, n == 0)
			if head != "" {
				cur = append(cur, withText(s, head))
				n += utf16Len(head)
			}
			text = tail
			if text != "" {
				out = append(out, cur)
				cur, n = nil, 0
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// cutText returns the longest head of s that fits in room units, ending
// after a space when s has one there; when nothing fits and the part is
// empty (mustTake), it cuts between characters instead.
func cutText(s string, room int, mustTake bool) (string, string) {
	if utf16Len(s) <= room {
		return s, ""
	}
	end, lastSpace, n := 0, -1, 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > room {
			break
		}
		n += w
		end = i + len(string(r))
		if unicode.IsSpace(r) {
			lastSpace = end
		}
	}
	switch {
	case lastSpace > 0:
		return s[:lastSpace], s[lastSpace:]
	case mustTake:
		if end == 0 { // room for less than one character: take one anyway
			_, end = utf8.DecodeRuneInString(s)
		}
		return s[:end], s[end:]
	}
	return "", s
}

// trimSpans drops white space at the start of the first span and the end
// of the last, and spans left empty.
func trimSpans(spans []coach.Span) []coach.Span {
	out := append([]coach.Span(nil), spans...)
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		last := len(out) - 1
		out[last].Text = strings.TrimRightFunc(out[last].Text, unicode.IsSpace)
		if out[last].Text != "" {
			break
		}
		out = out[:last]
	}
	return out
}

func spansLen(spans []coach.Span) int {
	n := 0
	for _, s := range spans {
		n += utf16Len(s.Text)
	}
	return n
}

func withText(s coach.Span, text string) coach.Span {
	s.Text = text
	return s
}
