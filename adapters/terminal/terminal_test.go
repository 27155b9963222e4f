package terminal

import (
	"context"
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

// echo is a Handler that answers every message with its text and two
// choices, so the tests see exactly what the terminal sent and printed.
type echo struct{ got []string }

func (e *echo) Handle(_ context.Context, ev coach.Event) ([]coach.Message, error) {
	e.got = append(e.got, ev.Text)
	return []coach.Message{{
		Spans:   []coach.Span{{Text: "you said: "}, {Text: ev.Text, Style: coach.Bold}},
		Choices: []coach.Choice{{Label: "Yes", Value: "y"}, {Label: "No", Value: "n"}},
	}}, nil
}

func TestScriptedInputLineByLineAndImportBlocks(t *testing.T) {
	in := "/start\nAlex\n/import\nJane Doe - Acme\nBob Smith\n\nthe breakfast\n/import\nLast One\n"
	h := &echo{}
	var out strings.Builder
	if err := Run(context.Background(), h, strings.NewReader(in), &out, Options{}); err != nil {
		t.Fatal(err)
	}
	want := []string{"/start", "Alex", "/import\nJane Doe - Acme\nBob Smith", "the breakfast", "/import\nLast One"}
	if strings.Join(h.got, "|") != strings.Join(want, "|") {
		t.Errorf("messages = %q\nwant %q", h.got, want)
	}
	if !strings.Contains(out.String(), "  [1] Yes\n  [2] No\n") {
		t.Errorf("choices not printed as [n] Label:\n%s", out.String())
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("bold escape codes printed without a terminal:\n%q", out.String())
	}
}

func TestBoldOnlyWhenAsked(t *testing.T) {
	var out strings.Builder
	Print(&out, []coach.Message{{Spans: []coach.Span{{Text: "hi", Style: coach.Bold}}}}, true)
	if out.String() != "\x1b[1mhi\x1b[0m\n\n" {
		t.Errorf("bold = %q", out.String())
	}
}

func TestSafeShowsControlCharactersInCaretNotation(t *testing.T) {
	tests := map[string]string{
		"Eve \x1b[2J":    "Eve ^[[2J",
		"bell\x07":       "bell^G",
		"tab\tand\nline": "tab\tand\nline",
		"del\x7f":        "del^?",
		"c1\u009b31m":    `c1\u009b31m`,
		"rtl\u202eevil":  "rtlevil",
		"Zoë 李 Привет":   "Zoë 李 Привет",
	}
	for in, want := range tests {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}
