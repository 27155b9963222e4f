package telegram_test

import (
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

// TestGroupsGetOneReplyAndNothingIsStored: contact lists are private, so
// in a group the bot says once where to find it, and keeps nothing.
func TestGroupsGetOneReplyAndNothingIsStored(t *testing.T) {
	h := newHarness(t, nil)
	group := telegramtest.Chat{ID: -1001234567890, Type: "supergroup", Title: "Founders"}
	kim := telegramtest.User{ID: 3003, FirstName: "Kim"}
	var ids []int
	for _, m := range []struct {
		u    telegramtest.User
		text string
	}{{alex, "/start"}, {kim, "Jane Doe - Acme\nBob Smith - Initech"}, {alex, "/drafts@rapport_test_bot"}} {
		ids = append(ids, h.srv.SendGroupText(group, m.u, m.text))
	}
	h.waitFor("the group's updates", func() bool {
		for _, id := range ids {
			if !h.srv.Handled(id) {
				return false
			}
		}
		return true
	})
	sent := h.srv.SentTo(group.ID)
	if len(sent) != 1 || !strings.Contains(sent[0].Text, "private chat") || !hasLink(sent, "t.me/rapport_test_bot") {
		t.Errorf("the group got %d messages, want one pointing to a private chat: %+v", len(sent), sent)
	}
	if n := h.countRows("users"); n != 0 {
		t.Errorf("%d users stored from a group", n)
	}
	h.checkClean("Jane Doe")
}

// TestAllowedUsersOnly: with RAPPORT_ALLOWED_USERS set, others get a
// polite refusal (a toast for a pressed button) and nothing is stored.
func TestAllowedUsersOnly(t *testing.T) {
	allow, err := telegram.ParseAllowlist([]string{"telegram:@alexm", "slack:U0123"})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, func(o *telegram.Options) { o.Allow = allow })
	bob := telegramtest.User{ID: 2002, FirstName: "Bob", UserName: "bobby"}
	got := h.say(bob, "/start")
	if len(got) != 1 || !strings.Contains(got[0].Text, "not on its list") || !strings.Contains(got[0].Text, "2002") {
		t.Errorf("refusal: %+v", got)
	}
	got = h.step(bob.ID, func() (int, error) { return h.srv.PressData(bob, got[0].MessageID, "ac:free") })
	if len(got) != 1 || got[0].Method != "answerCallbackQuery" || !got[0].Alert {
		t.Errorf("a stranger's button press: %+v, want one alert", got)
	}
	if got := h.say(alex, "/start"); !strings.Contains(texts(got), "How should I sign") {
		t.Errorf("an allowed user was not served:\n%s", texts(got))
	}
	if n := h.countRows("users"); n != 1 {
		t.Errorf("%d users stored, want Alex only", n)
	}
	if n := h.countRows("users WHERE key = 'telegram:2002'"); n != 0 {
		t.Errorf("the refused user was stored")
	}
	if logs := h.logs.String(); !strings.Contains(logs, "restricted by RAPPORT_ALLOWED_USERS") {
		t.Errorf("the log does not say the bot is restricted:\n%s", logs)
	}
}

func TestOpenBotSaysSoInTheLog(t *testing.T) {
	h := newHarness(t, nil)
	if !strings.Contains(h.logs.String(), "RAPPORT_ALLOWED_USERS is not set") {
		t.Errorf("no warning that anyone may use the bot:\n%s", h.logs.String())
	}
	if len(h.srv.Commands()) < 16 {
		t.Errorf("command menu: %v", h.srv.Commands())
	}
}
