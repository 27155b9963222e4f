package telegram

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
	"github.com/rapport-bot/rapport/coach"
)

func TestRenderHTML(t *testing.T) {
	tests := []struct {
		name  string
		spans []coach.Span
		want  string
	}{
		{"plain", []coach.Span{{Text: "Found 12 people."}}, "Found 12 people."},
		{"styles", []coach.Span{{Text: "a", Style: coach.Bold}, {Text: "b", Style: coach.Italic}, {Text: "c", Style: coach.Monospace}},
			"<b>a</b><i>b</i><code>c</code>"},
		{"markup in a name", []coach.Span{{Text: `<b>Eve</b> & <a href="x">`, Style: coach.Bold}},
			`<b>&lt;b&gt;Eve&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;</b>`},
		{"mention stays text", []coach.Span{{Text: "@channel"}}, "@channel"},
		{"link", []coach.Span{{Text: "Find them", Style: coach.Link, URL: `https://www.linkedin.com/search/results/people/?keywords=Jane%20Doe&x="1"`}},
			`<a href="https://www.linkedin.com/search/results/people/?keywords=Jane%20Doe&amp;x=&quot;1&quot;">Find them</a>`},
		{"javascript link is text", []coach.Span{{Text: "click", Style: coach.Link, URL: "javascript:alert(1)"}},
			"click (javascript:alert(1))"},
		{"link without label", []coach.Span{{Style: coach.Link, URL: "https://example.com/a"}},
			`<a href="https://example.com/a">https://example.com/a</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderHTML(tt.spans)
			if got != tt.want {
				t.Errorf("renderHTML = %q\nwant         %q", got, tt.want)
			}
			if _, _, err := telegramtest.ParseHTML(got); err != nil {
				t.Errorf("Telegram would refuse %q: %v", got, err)
			}
		})
	}
}

// FuzzRenderHTML checks that whatever a user string holds, the rendered
// HTML is valid for Telegram and shows the string exactly.
func FuzzRenderHTML(f *testing.F) {
	for _, s := range []string{`<b>Eve</b> & <a href="x">`, "@channel", "&amp;", "<", "a\"b'c", "</code>", "🙂 𝒜", "&#x1F600;", "\x00\x1b[2J"} {
		f.Add(s, uint8(0), "https://example.com/?a=1&b=<2>")
	}
	f.Fuzz(func(t *testing.T, s string, style uint8, link string) {
		if !utf8.ValidString(s) || !utf8.ValidString(link) {
			t.Skip()
		}
		span := coach.Span{Text: s, Style: coach.Style(style % 5), URL: link}
		html := renderHTML([]coach.Span{{Text: "x "}, span, {Text: " y"}})
		text, _, err := telegramtest.ParseHTML(html)
		if err != nil {
			t.Fatalf("Telegram would refuse %q: %v", html, err)
		}
		want := s
		if span.Style == coach.Link {
			want = strings.TrimPrefix(renderLinkText(span), "")
		}
		if text != "x "+want+" y" {
			t.Fatalf("shown %q, want %q", text, "x "+want+" y")
		}
	})
}

// renderLinkText is the text a link span shows.
func renderLinkText(s coach.Span) string {
	label := s.Text
	if label == "" {
		label = s.URL
	}
	if linkable(s.URL) || s.URL == "" || s.URL == label {
		return label
	}
	return label + " (" + s.URL + ")"
}

func TestKeyboardLayout(t *testing.T) {
	short := []coach.Choice{ch("Free", "ac:free"), ch("Premium", "ac:premium"), ch("Later", "x"), ch("Never", "y")}
	kb := keyboard(short)
	if len(kb.InlineKeyboard) != 2 || len(kb.InlineKeyboard[0]) != 3 {
		t.Errorf("short labels: rows %v, want 3 + 1", kb.InlineKeyboard)
	}
	long := []coach.Choice{ch("Yes, delete everything", "fg:yes"), ch("No, keep it", "fg:no")}
	if kb := keyboard(long); len(kb.InlineKeyboard) != 2 {
		t.Errorf("long labels: %d rows, want one each", len(kb.InlineKeyboard))
	}
	bad := []coach.Choice{ch("ok", "v"), ch("too long", strings.Repeat("x", 65)), ch("empty", ""), ch("", "no-label")}
	kb = keyboard(bad)
	if n := len(kb.InlineKeyboard[0]); n != 1 {
		t.Errorf("%d buttons kept of 4 (3 invalid), want 1", n)
	}
	if keyboard(nil) != nil {
		t.Errorf("no choices gave a keyboard")
	}
	if _, ok := choiceLabel(keyboard(short), "ac:premium"); !ok {
		t.Errorf("choiceLabel did not find Premium")
	}
}

func ch(label, value string) coach.Choice { return coach.Choice{Label: label, Value: value} }
