package telegram

import (
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
	"github.com/rapport-bot/rapport/coach"
)

func joinParts(parts [][]coach.Span) []string {
	var out []string
	for _, p := range parts {
		var b strings.Builder
		for _, s := range p {
			b.WriteString(s.Text)
		}
		out = append(out, b.String())
	}
	return out
}

// words returns the text's words: splitting may only drop white space.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSplitAtLineBoundaries(t *testing.T) {
	var spans []coach.Span
	var all strings.Builder
	for i := range 300 {
		line := strings.Repeat("word ", 8) + "Ωμέγα 🙂\n"
		st := coach.Plain
		if i%3 == 0 {
			st = coach.Bold
		}
		spans = append(spans, coach.Span{Text: line, Style: st})
		all.WriteString(line)
	}
	parts := splitSpans(spans, maxText)
	texts := joinParts(parts)
	if len(texts) < 3 {
		t.Fatalf("%d parts for %d characters, want at least 3", len(texts), utf16Len(all.String()))
	}
	for i, p := range texts {
		if n := utf16Len(p); n > maxText {
			t.Errorf("part %d is %d UTF-16 units", i, n)
		}
		if !strings.HasSuffix(p, "🙂") {
			t.Errorf("part %d does not end at a line's end: …%q", i, p[max(0, len(p)-20):])
		}
		html := renderHTML(parts[i])
		if _, _, err := telegramtest.ParseHTML(html); err != nil {
			t.Errorf("part %d is not valid HTML: %v", i, err)
		}
	}
	if words(strings.Join(texts, "\n")) != words(all.String()) {
		t.Errorf("splitting lost or changed text")
	}
}

func TestSplitLongLineBetweenWordsAndLongWordAnywhere(t *testing.T) {
	line := strings.Repeat("abcdefghij ", 1000) // one 11,000-character line
	parts := joinParts(splitSpans([]coach.Span{{Text: line}}, maxText))
	for i, p := range parts {
		if utf16Len(p) > maxText || strings.HasSuffix(p, "abcde") {
			t.Errorf("part %d: %d units, cut mid-word: %v", i, utf16Len(p), strings.HasSuffix(p, "abcde"))
		}
	}
	if words(strings.Join(parts, " ")) != words(line) {
		t.Errorf("text changed")
	}
	word := strings.Repeat("🙂", 5000) // 10,000 UTF-16 units, no space
	parts = joinParts(splitSpans([]coach.Span{{Text: word, Style: coach.Bold}}, maxText))
	if len(parts) != 3 || strings.Join(parts, "") != word {
		t.Errorf("emoji word: %d parts, lossless %v", len(parts), strings.Join(parts, "") == word)
	}
	for _, p := range parts {
		if utf16Len(p) > maxText {
			t.Errorf("part of %d units", utf16Len(p))
		}
	}
}

func TestSplitShortAndEmpty(t *testing.T) {
	if got := splitSpans([]coach.Span{{Text: "hi"}}, maxText); len(got) != 1 {
		t.Errorf("short text: %d parts", len(got))
	}
	if got := splitSpans([]coach.Span{{Text: " \n\n "}}, maxText); len(got) != 0 {
		t.Errorf("blank text: %d parts, want none", len(got))
	}
	got := splitSpans([]coach.Span{{Text: "a", Style: coach.Bold}, {Text: "b\nc", Style: coach.Italic}}, 2)
	if strings.Join(joinParts(got), "") != "abc" || got[0][0].Style != coach.Bold || got[len(got)-1][0].Style != coach.Italic {
		t.Errorf("tiny limit: %v", got)
	}
}
