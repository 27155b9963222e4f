package telegram_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
	"github.com/rapport-bot/rapport/coach"
)

// TestNotifySendsLongMessagesInParts: the scheduler's way in. A reply
// over 4,096 characters arrives as several messages cut at line ends, the
// buttons on the last, each valid HTML.
func TestNotifySendsLongMessagesInParts(t *testing.T) {
	h := newHarness(t, nil)
	h.say(alex, "/start") // Alex has a chat with the bot
	var spans []coach.Span
	for range 120 {
		spans = append(spans, coach.Span{Text: "Person ", Style: coach.Plain}, coach.Span{Text: `<b>Eve</b> & <a href="x">`, Style: coach.Bold},
			coach.Span{Text: " — invite with this note: Hi, it was good to meet you at the breakfast.\n"})
	}
	msg := coach.Message{Spans: spans, Choices: []coach.Choice{{Label: "All sent", Value: "bs:all"}}}
	before := len(h.srv.SentTo(alex.ID, "sendMessage"))
	if err := h.bot.Notify(context.Background(), "telegram:1001", []coach.Message{msg}); err != nil {
		t.Fatal(err)
	}
	parts := h.srv.SentTo(alex.ID, "sendMessage")[before:]
	if len(parts) < 3 {
		t.Fatalf("%d messages for %d characters", len(parts), utf8.RuneCountInString(msg.PlainText()))
	}
	var joined []string
	for i, p := range parts {
		if telegramtest.UTF16Len(p.Text) > telegramtest.MaxTextUTF16 {
			t.Errorf("part %d has %d characters", i, telegramtest.UTF16Len(p.Text))
		}
		if hasKB := p.Keyboard != nil; hasKB != (i == len(parts)-1) {
			t.Errorf("part %d: keyboard %v", i, hasKB)
		}
		if !strings.HasSuffix(p.Text, "breakfast.") {
			t.Errorf("part %d does not end at a line end", i)
		}
		joined = append(joined, p.Text)
	}
	if strings.Join(joined, "\n") != strings.TrimSpace(msg.PlainText()) {
		t.Errorf("the parts do not add up to the message")
	}
	h.checkClean()
}

func TestNotifyReportsABlockedUser(t *testing.T) {
	h := newHarness(t, nil)
	h.say(alex, "/start")
	h.srv.Block(alex.ID)
	err := h.bot.Notify(context.Background(), "telegram:1001", []coach.Message{{Spans: []coach.Span{{Text: "Today's batch"}}}})
	var be *telegram.BlockedError
	if !errors.As(err, &be) || be.User != "telegram:1001" || !errors.Is(err, telegram.ErrBlocked) {
		t.Errorf("Notify to a user who blocked the bot: %v, want a *BlockedError", err)
	}
	if err := h.bot.Notify(context.Background(), "slack:U123", nil); !errors.Is(err, telegram.ErrNotTelegramUser) {
		t.Errorf("Notify to a Slack user: %v", err)
	}
}

// TestTokenNeverLogged: when the API cannot be reached, the transport's
// errors (which hold the request URL, token included) are logged without
// the token.
func TestTokenNeverLogged(t *testing.T) {
	h := newHarness(t, nil)
	h.srv.Close()
	h.logs.waitFor(t, "getUpdates failed")
	h.shutdown()
	logs := h.logs.String()
	if strings.Contains(logs, telegramtest.Token) || !strings.Contains(logs, "<token>") {
		t.Errorf("token not redacted from the log:\n%s", logs)
	}
}
