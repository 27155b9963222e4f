package terminal

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/rapport-bot/rapport/coach"
)

// render writes one coach message as terminal text. Every span is made safe
// first: a contact named "\x1b[2J" prints as "^[[2J" and clears nothing.
func render(b *strings.Builder, m coach.Message, bold bool) {
	for _, s := range m.Spans {
		t := Safe(s.Text)
		switch {
		case s.Style == coach.Bold && bold:
			b.WriteString("\x1b[1m" + t + "\x1b[0m")
		case s.Style == coach.Link && s.URL != "" && s.URL != s.Text:
			b.WriteString(t + " (" + Safe(s.URL) + ")")
		default:
			b.WriteString(t)
		}
	}
	b.WriteByte('\n')
	for i, c := range m.Choices {
		fmt.Fprintf(b, "  [%d] %s\n", i+1, Safe(c.Label))
	}
	if m.File != nil {
		fmt.Fprintf(b, "  (file %s, %d bytes)\n", Safe(m.File.Name), len(m.File.Data))
	}
}

// Safe shows control characters in caret notation (ESC as ^[) and drops
// bidirectional overrides, so no user string can move the cursor, clear
// the screen, change colours or reorder what the user reads. Newlines and
// tabs stay.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x20:
			b.WriteByte('^')
			b.WriteRune(r + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case isBidi(r):
			// dropped
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || isBidi(r)
}

// isBidi reports the Unicode bidirectional embedding, override and isolate
// controls.
func isBidi(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F
}

// Print writes messages as the terminal chat shows them.
func Print(w io.Writer, msgs []coach.Message, bold bool) error {
	var b strings.Builder
	for _, m := range msgs {
		render(&b, m, bold)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
