package telegram_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

// action is one thing a user does: type text, or press a labelled button.
type action struct{ text, press string }

// onboarding is what each user of the faults test does.
var onboarding = []action{
	{text: "/start"}, {text: "Sam Lee"}, {press: "Free"},
	{text: "Jane Doe - Acme\nBob Smith - Initech\nPriya Natarajan - Globex"},
	{press: "An event"}, {press: "Leave it out"}, {press: "Definitely"}, {press: "On LinkedIn"},
	{text: "/help"},
}

// playUsers makes each user play the actions, all users at once, each
// waiting for the bot to handle one action before the next.
func playUsers(t *testing.T, h *harness, users []telegramtest.User, acts []action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, len(users))
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, a := range acts {
				var id int
				var err error
				if a.press != "" {
					id, err = h.srv.PressButton(u, a.press)
				} else {
					id = h.srv.SendText(u, a.text)
				}
				if err == nil {
					err = h.srv.WaitHandled(ctx, id)
				}
				if err != nil {
					errs <- fmt.Errorf("user %d, %+v: %w", u.ID, a, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// transcript is what one user saw: every message and edit, in order.
func transcript(srv *telegramtest.Server, chat int64) []string {
	var out []string
	for _, s := range srv.SentTo(chat, "sendMessage", "editMessageText", "sendDocument", "answerCallbackQuery") {
		out = append(out, s.Method+": "+s.Text)
	}
	return out
}

func players(n int) []telegramtest.User {
	var us []telegramtest.User
	for i := range n {
		us = append(us, telegramtest.User{ID: int64(5000 + i), FirstName: fmt.Sprintf("User%d", i)})
	}
	return us
}

// TestFaultsLoseNothingAndLimitsHold plays six users at once, first
// against a healthy server, then against one that answers 429 (with
// retry_after), 500, 502 pages that are not JSON, and dropped connections
// to a share of the calls. Each user must see exactly the same messages,
// in the same order, none twice; and every attempt the bot made must
// respect the outbound limits (measured by the fake when the request
// arrived).
func TestFaultsLoseNothingAndLimitsHold(t *testing.T) {
	users := players(6)
	// Telegram's shape (smooth overall, a short burst per chat), faster,
	// so that the test takes seconds.
	limits := telegram.Limits{PerSecond: 60, Burst: 1, ChatPerSecond: 10, ChatBurst: 3}

	clean := newHarness(t, nil)
	playUsers(t, clean, users, onboarding)
	clean.checkClean()

	faulty := newHarness(t, func(o *telegram.Options) { o.Limits = &limits })
	faulty.srv.FailWith(faultPlan())
	playUsers(t, faulty, users, onboarding)
	faulty.checkClean()

	injected := 0
	for _, c := range faulty.srv.Calls() {
		if c.Fault != nil {
			injected++
		}
	}
	if injected < 10 {
		t.Fatalf("only %d faults injected; the plan did not bite", injected)
	}
	for _, u := range users {
		want, got := transcript(clean.srv, u.ID), transcript(faulty.srv, u.ID)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("user %d saw, under faults:\n%s\n\nwithout faults:\n%s", u.ID, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	checkLimits(t, faulty.srv.Calls(), limits)
}

// faultPlan fails a share of the calls, deterministically: two 429s of a
// second, and every few calls a 5xx or a dropped connection.
func faultPlan() func(method string) *telegramtest.Fault {
	var mu sync.Mutex
	n := map[string]int{}
	tooMany := 0
	return func(method string) *telegramtest.Fault {
		mu.Lock()
		defer mu.Unlock()
		n[method]++
		i := n[method]
		switch method {
		case "sendMessage":
			switch {
			case i%11 == 5 && tooMany < 2:
				tooMany++
				return &telegramtest.Fault{Code: 429, RetryAfter: 1}
			case i%7 == 3:
				return &telegramtest.Fault{Code: 502, NotJSON: true}
			case i%9 == 4:
				return &telegramtest.Fault{Code: 500}
			case i%13 == 6:
				return &telegramtest.Fault{Disconnect: true}
			}
		case "editMessageText", "answerCallbackQuery":
			if i%5 == 2 {
				return &telegramtest.Fault{Code: 503}
			}
		case "getUpdates":
			if i == 3 {
				return &telegramtest.Fault{Code: 502}
			}
		}
		return nil
	}
}

// limited are the methods that count as messages for the limits.
var limited = map[string]bool{"sendMessage": true, "editMessageText": true, "editMessageReplyMarkup": true, "sendDocument": true}

// checkLimits checks every attempt against the limits: in any window of
// length w, at most burst + rate·w, overall and per chat, with 50 ms of
// slack for the time a request takes to arrive.
func checkLimits(t *testing.T, calls []telegramtest.Call, l telegram.Limits) {
	t.Helper()
	var all []time.Time
	per := map[int64][]time.Time{}
	for _, c := range calls {
		if limited[c.Method] {
			all = append(all, c.At)
			per[c.ChatID] = append(per[c.ChatID], c.At)
		}
	}
	envelope(t, "overall", all, l.PerSecond, l.Burst)
	for chat, ts := range per {
		envelope(t, fmt.Sprintf("chat %d", chat), ts, l.ChatPerSecond, l.ChatBurst)
	}
}

func envelope(t *testing.T, what string, ts []time.Time, rate float64, burst int) {
	t.Helper()
	const slack = 50 * time.Millisecond
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			allowed := float64(burst) + rate*(ts[j].Sub(ts[i])+slack).Seconds()
			if float64(j-i+1) > allowed {
				t.Errorf("%s: %d sends within %v (limit %.1f)", what, j-i+1, ts[j].Sub(ts[i]), allowed)
				return
			}
		}
	}
}
