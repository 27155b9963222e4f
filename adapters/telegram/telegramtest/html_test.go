package telegramtest

import (
	"reflect"
	"testing"
)

func TestParseHTMLAcceptsTelegramHTML(t *testing.T) {
	tests := []struct {
		in, text string
		ents     []Entity
	}{
		{"plain", "plain", nil},
		{"<b>bold</b> &amp; <i>it</i>", "bold & it", []Entity{{Type: "bold", Length: 4}, {Type: "italic", Offset: 7, Length: 2}}},
		{`<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">x</a>`, "x", []Entity{{Type: "text_link", Length: 1, URL: `https://x.example/?a=1&b="2"`}}},
		{"🙂<b>a</b>", "🙂a", []Entity{{Type: "bold", Offset: 2, Length: 1}}}, // offsets in UTF-16
		{"<pre><code class=\"language-go\">x := 1</code></pre>", "x := 1", []Entity{{Type: "code", Length: 6}, {Type: "pre", Length: 6, Language: "go"}}},
		{"&lt;b&gt; &#65;&#x42;", "<b> AB", nil},
		{`<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler><blockquote expandable>q</blockquote>`, "stq",
			[]Entity{{Type: "spoiler", Length: 1}, {Type: "spoiler", Offset: 1, Length: 1}, {Type: "expandable_blockquote", Offset: 2, Length: 1}}},
	}
	for _, tt := range tests {
		text, ents, err := ParseHTML(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if text != tt.text || !reflect.DeepEqual(ents, tt.ents) {
			t.Errorf("%q: got %q %+v, want %q %+v", tt.in, text, ents, tt.text, tt.ents)
		}
	}
}

func TestParseHTMLRefusesWhatTelegramRefuses(t *testing.T) {
	for _, in := range []string{
		"<b>Eve</b> & friends",         // bare &
		"a < b",                        // bare <
		"a > b",                        // bare >
		"<b>open",                      // unclosed
		"<b><i>x</b></i>",              // bad nesting
		"<div>x</div>",                 // unknown tag
		"<br>",                         // unknown tag
		`<a>x</a>`,                     // link without href
		`<a href="javascript:x">x</a>`, // bad protocol
		"&nbsp;",                       // unsupported named entity
		"<code><b>x</b></code>",        // formatting inside code
		`<b class="x">y</b>`,           // unknown attribute
		"\xff",                         // not UTF-8
	} {
		if _, _, err := ParseHTML(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestCheckText(t *testing.T) {
	long := make([]byte, MaxTextUTF16+1)
	for i := range long {
		long[i] = 'a'
	}
	for in, ok := range map[string]bool{"hi": true, " \n ": false, string(long): false, string(long[1:]): true} {
		if err := CheckText(in); (err == nil) != ok {
			t.Errorf("CheckText(%d chars) = %v", len(in), err)
		}
	}
}
