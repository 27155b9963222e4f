package telegram_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

// benchTurns is what each user says, one update a wave, round and round:
// /start (two replies), the name (two), "Free" typed (two), /help (one).
var benchTurns = []string{"/start", "Sam Lee", "Free", "/help"}

// BenchmarkWebhookUpdates measures updates handled end to end in webhook
// mode with 1,000 users: the fake delivers each update to the bot's
// webhook over HTTP (up to 40 connections at once, one at a time per chat,
// as Telegram does), the bot runs the real engine on SQLite and sends its
// replies back to the fake, which parses and records them. An op is one
// update; updates/s counts them over the wall time. "unlimited" turns the
// outbound limits off, to measure the bot; "telegram_limits" keeps
// Telegram's 30 messages/s, which then sets the pace (run it with
// -benchtime 600x or so: it is slow by design).
func BenchmarkWebhookUpdates(b *testing.B) {
	b.Run("unlimited", func(b *testing.B) { benchWebhook(b, &telegram.Limits{}) })
	b.Run("telegram_limits", func(b *testing.B) { benchWebhook(b, nil) })
}

func benchWebhook(b *testing.B, limits *telegram.Limits) {
	const users = 1000
	h := benchHarness(b, limits)
	us := make([]telegramtest.User, users)
	for i := range us {
		us[i] = telegramtest.User{ID: int64(100000 + i), FirstName: fmt.Sprintf("U%d", i)}
	}
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	for done, wave := 0, 0; done < b.N; wave++ {
		n := min(users, b.N-done)
		ids := make([]int, n)
		for i := range n {
			ids[i] = h.srv.SendText(us[i], benchTurns[wave%len(benchTurns)])
		}
		if err := h.srv.WaitHandled(ctx, ids...); err != nil {
			b.Fatal(err)
		}
		done += n
	}
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "updates/s")
	if v := h.srv.Violations(); len(v) > 0 {
		b.Fatalf("Telegram would refuse: %v", v[0])
	}
}

// benchHarness is a bot in webhook mode with these limits (nil: the
// defaults).
func benchHarness(b *testing.B, limits *telegram.Limits) *harness {
	h, o := setupHarness(b)
	webhookMode(b, &o)
	o.Limits = limits
	h.start(o)
	return h
}
