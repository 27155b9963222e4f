package remind_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/remind"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// burstRate is Telegram's 30 messages/s overall, scaled up 10× to keep a
// run of 10,000 reminders near half a minute.
const burstRate = 300

// BenchmarkReminderBurst: 10,000 users (1,000 with -short) whose reminder
// is due in the same minute, delivered by the scheduler through the real
// engine, SQLite store, River and Telegram adapter (its limiter set to
// 300 messages/s, burst 5) to the fake Bot API server, which answers 429
// to any message beyond 300/s. It fails unless every reminder arrives,
// none twice, no 429 is provoked, River records every job completed once,
// and the last message arrives within 10 % of the theoretical minimum
// after the first. It waits up to two minutes for the reminders' minute.
// Run it once:
//
//	go test -run '^$' -bench ReminderBurst -benchtime 1x ./remind/
func BenchmarkReminderBurst(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	for range b.N {
		burst(b, n)
	}
}

func burst(b *testing.B, n int) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := telegramtest.NewServer()
	defer srv.Close()
	lim := newRateCheck(burstRate, 50*time.Millisecond)
	srv.FailWith(lim.check)
	path := filepath.Join(b.TempDir(), "rapport.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	due := time.Now().UTC().Add(time.Minute).Truncate(time.Minute).Add(time.Minute)
	addUsers(b, srv, st, n, due)
	eng := coach.New(st, coach.Options{Logger: quiet})
	bot, err := telegram.New(ctx, eng, telegram.Options{Token: telegramtest.Token, Endpoint: srv.Endpoint(), Logger: quiet,
		Limits: &telegram.Limits{PerSecond: burstRate, Burst: limiterBurst(), ChatPerSecond: 1, ChatBurst: 3}})
	if err != nil {
		b.Fatal(err)
	}
	db, err := remind.OpenSQLite(sqlite.DSN(path))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := remind.New(ctx, riversqlite.New(db), remind.Config{Engine: eng, Users: st, Notifier: remind.Router{"telegram:": bot}, Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	if time.Until(due) < 5*time.Second {
		b.Fatalf("setup took too long: the reminders are due in %s", time.Until(due))
	}
	b.ResetTimer()
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	for lim.accepted() < n && time.Now().Before(due.Add(3*time.Minute)) {
		time.Sleep(100 * time.Millisecond)
	}
	b.StopTimer()
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	report(b, srv, lim, n, due)
	var completed int
	if err := db.QueryRow(`SELECT count(*) FROM river_job WHERE kind = ? AND state = 'completed'`, remind.JobKind).Scan(&completed); err != nil {
		b.Fatal(err)
	}
	if completed != n {
		b.Errorf("River recorded %d completed reminder jobs, want %d", completed, n)
	}
}

// addUsers makes n onboarded Telegram users, with a chat on the fake,
// whose reminder is due at `due`, every day, in UTC.
func addUsers(b *testing.B, srv *telegramtest.Server, st *sqlite.Store, n int, due time.Time) {
	b.Helper()
	for i := range n {
		u := telegramtest.User{ID: int64(500000 + i), FirstName: "U"}
		srv.SendText(u, "hi") // opens the chat; the bot never polls it
		err := st.Update(context.Background(), userKey(u.ID), "", func(ctx context.Context, tx coach.Tx) error {
			usr, err := tx.User(ctx)
			if err != nil {
				return err
			}
			usr.Settings.Name, usr.Settings.Onboarded = "U Tester", true
			usr.Settings.ReminderTime, usr.Settings.SendingDays = due.Format("15:04"), "every day"
			return tx.SaveUser(ctx, usr)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func userKey(id int64) string { return "telegram:" + strconv.FormatInt(id, 10) }

// report checks the run and reports its figures.
func report(b *testing.B, srv *telegramtest.Server, lim *rateCheck, n int, due time.Time) {
	b.Helper()
	per := map[int64]int{}
	var first, last time.Time
	for _, s := range srv.Sent() {
		if s.Method != "sendMessage" {
			continue
		}
		per[s.ChatID]++
		if first.IsZero() || s.At.Before(first) {
			first = s.At
		}
		if s.At.After(last) {
			last = s.At
		}
	}
	twice := 0
	for _, c := range per {
		if c > 1 {
			twice++
		}
	}
	span := last.Sub(first)
	// The limiter lets its burst go at once, then one message per 1/300 s.
	minimum := time.Duration(n-limiterBurst()) * time.Second / burstRate
	ratio := span.Seconds() / minimum.Seconds()
	b.ReportMetric(float64(len(per)), "delivered")
	b.ReportMetric(float64(twice), "twice")
	b.ReportMetric(float64(lim.refused()), "429s")
	b.ReportMetric(first.Sub(due).Seconds(), "s_due_to_first")
	b.ReportMetric(span.Seconds(), "s_first_to_last")
	b.ReportMetric(ratio, "x_minimum")
	b.ReportMetric(float64(n-1)/span.Seconds(), "msgs/s")
	switch {
	case len(per) != n:
		b.Errorf("%d of %d users got their reminder", len(per), n)
	case twice > 0:
		b.Errorf("%d users got their reminder twice", twice)
	case lim.refused() > 0:
		b.Errorf("%d messages provoked a 429", lim.refused())
	case ratio > 1.10:
		b.Errorf("%s from first to last, %.2f× the minimum %s; want within 10 %%", span, ratio, minimum)
	}
}

// rateCheck is the fake's rate limit: a GCRA at rate messages a second
// that lets a message arrive up to slack ahead of its turn, for the jitter
// of the way from the bot's limiter to the server (the adapter's own
// limit tests allow the same 50 ms).
type rateCheck struct {
	mu         sync.Mutex
	interval   time.Duration
	slack      time.Duration
	tat        time.Time // the theoretical arrival time of the next message
	sent, over int
}

func newRateCheck(rate int, slack time.Duration) *rateCheck {
	return &rateCheck{interval: time.Second / time.Duration(rate), slack: slack}
}

// check is the server's FailWith hook; it runs under the server's lock.
func (r *rateCheck) check(method string) *telegramtest.Fault {
	if method != "sendMessage" && method != "sendDocument" && method != "editMessageText" {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if r.tat.Sub(now) > r.slack {
		r.over++
		return &telegramtest.Fault{Code: 429, RetryAfter: 1}
	}
	r.tat = maxTime(r.tat, now).Add(r.interval)
	r.sent++
	return nil
}

func (r *rateCheck) accepted() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sent
}

func (r *rateCheck) refused() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.over
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// limiterBurst is the burst of the adapter's overall limiter in this
// run: the adapter's default (2) unless REMIND_BENCH_BURST says otherwise.
// With 1, every late wake-up of a waiting sender is time the limiter never
// gives back, and the run is 11–14 % slower than the rate allows.
func limiterBurst() int {
	if n, err := strconv.Atoi(os.Getenv("REMIND_BENCH_BURST")); err == nil && n > 0 {
		return n
	}
	return telegram.DefaultLimits().Burst
}
