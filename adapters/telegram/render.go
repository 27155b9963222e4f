package telegram

import (
	"net/url"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/rapport-bot/rapport/coach"
)

// maxCallbackData is Telegram's limit on a button's callback data, in bytes.
const maxCallbackData = 64

// htmlEscaper escapes text for Telegram's HTML parse mode: the three
// characters Telegram requires, and the double quote so that the same
// function is safe inside an attribute.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// escapeHTML escapes s; every user string goes through it, so a contact
// named "<b>Eve</b>" is shown as typed.
func escapeHTML(s string) string {
	return htmlEscaper.Replace(s)
}

// renderHTML renders spans as Telegram HTML.
func renderHTML(spans []coach.Span) string {
	var b strings.Builder
	for _, s := range spans {
		t := escapeHTML(s.Text)
		switch s.Style {
		case coach.Bold:
			b.WriteString("<b>" + t + "</b>")
		case coach.Italic:
			b.WriteString("<i>" + t + "</i>")
		case coach.Monospace:
			b.WriteString("<code>" + t + "</code>")
		case coach.Link:
			b.WriteString(renderLink(s))
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// renderLink renders a link; a URL Telegram would refuse in a text link
// is shown as text beside its label instead.
func renderLink(s coach.Span) string {
	label := s.Text
	if label == "" {
		label = s.URL
	}
	if !linkable(s.URL) {
		if s.URL == "" || s.URL == label {
			return escapeHTML(label)
		}
		return escapeHTML(label + " (" + s.URL + ")")
	}
	return `<a href="` + escapeHTML(s.URL) + `">` + escapeHTML(label) + "</a>"
}

// linkable reports whether Telegram accepts u as a text link.
func linkable(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto", "tg":
		return true
	}
	return false
}

// plainText is the text of spans without styling, the fallback when
// Telegram refuses the HTML.
func plainText(spans []coach.Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Style == coach.Link && s.URL != "" && s.URL != s.Text {
			b.WriteString(s.Text + " (" + s.URL + ")")
			continue
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// keyboard lays choices out as an inline keyboard: short labels three to a
// row, middling ones two, long ones alone. Choices whose value Telegram
// would refuse (empty, over 64 bytes, not UTF-8) are left out; the engine
// promises they do not happen. It returns nil for no buttons.
func keyboard(choices []coach.Choice) *tgbotapi.InlineKeyboardMarkup {
	var buttons []tgbotapi.InlineKeyboardButton
	longest := 0
	for _, c := range choices {
		if c.Value == "" || len(c.Value) > maxCallbackData || !utf8.ValidString(c.Value) || strings.TrimSpace(c.Label) == "" {
			continue
		}
		buttons = append(buttons, tgbotapi.NewInlineKeyboardButtonData(c.Label, c.Value))
		longest = max(longest, utf8.RuneCountInString(c.Label))
	}
	if len(buttons) == 0 {
		return nil
	}
	perRow := 1
	switch {
	case longest <= 10:
		perRow = 3
	case longest <= 20:
		perRow = 2
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for len(buttons) > 0 {
		n := min(perRow, len(buttons))
		rows = append(rows, buttons[:n])
		buttons = buttons[n:]
	}
	kb := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &kb
}

// choiceLabel finds the label of the button with this data on a message.
func choiceLabel(kb *tgbotapi.InlineKeyboardMarkup, data string) (string, bool) {
	if kb == nil {
		return "", false
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData != nil && *b.CallbackData == data {
				return b.Text, true
			}
		}
	}
	return "", false
}
