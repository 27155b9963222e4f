package remind

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/rapport-bot/rapport/coach"
)

// A bot that was down at 09:00 sends today's reminder when it comes back,
// once, saying it is late; a job of yesterday's left over from before the
// downtime sends nothing.
func TestCatchUpAfterDowntime(t *testing.T) {
	tue := func(hh, mm int) time.Time { return local(t, "Europe/Berlin", time.November, 26, hh, mm) }
	e := newEnv(t, tue(11, 30))
	u := e.onboard("telegram:1", "time zone Europe/Berlin", "remind me at 9:00")
	// Monday's job, never run: River's scheduler makes such a job
	// available at start (within 5 s); here it is inserted available.
	mon := reminderJob{User: u.key, Day: "2126-11-25", At: tue(9, 0).AddDate(0, 0, -1).Unix()}
	if _, err := e.s.q.insertMany(context.Background(), []river.InsertManyParams{{Args: mon}}); err != nil {
		t.Fatal(err)
	}
	e.run()
	waitFor(t, "today's job to complete", func() bool { return len(e.jobsIn(u.key, rivertype.JobStateCompleted)) == 1 })
	waitFor(t, "yesterday's job to be cancelled", func() bool { return len(e.jobsIn(u.key, rivertype.JobStateCancelled)) == 1 })
	got := e.inbox.of(u.key)
	if len(got) != 1 {
		t.Fatalf("%d reminders sent, want today's once: %q", len(got), got)
	}
	mustContain(t, got[0], "Sorry, this comes late: I was offline at 09:00")
	if done := e.jobsIn(u.key, rivertype.JobStateCompleted)[0]; done.Day != "2126-11-26" || done.attempt != 1 {
		t.Errorf("completed job %+v, want today's, in one attempt", done)
	}
	if err := e.s.planAll(context.Background()); err != nil { // the next minute's pass
		t.Fatal(err)
	}
	if next := e.jobsIn(u.key, rivertype.JobStateScheduled); len(next) != 1 || !next[0].scheduledAt.Equal(tue(9, 0).AddDate(0, 0, 1)) {
		t.Errorf("next jobs %+v, want Wednesday 09:00", next)
	}
}

// Closing the bot and opening another on the same file sends nothing
// twice: a delivered reminder is not sent again, an undelivered one is
// sent once, and a delivered job run again (as after a crash before River
// recorded its completion) asks the engine and sends nothing.
func TestNoDuplicateAfterRestart(t *testing.T) {
	const today, tomorrow = "2126-11-26", "2126-11-27"
	at := func(hh, mm int) time.Time { return local(t, "Europe/Berlin", time.November, 26, hh, mm) }
	path := filepath.Join(t.TempDir(), "rapport.db")
	c, in := &clock{t: at(8, 0)}, newInbox()
	first := open(t, path, c, in)
	a := first.onboard("telegram:1", "time zone Europe/Berlin", "remind me at 7:30")
	first.run()
	waitFor(t, "a's reminder", func() bool { return len(first.jobsIn(a.key, rivertype.JobStateCompleted)) == 1 })
	aToday := first.jobWithDay(a.key, today)
	first.cancel()
	<-first.done
	first.cancel = nil
	// b's job is inserted and the bot stops before it runs.
	b := first.onboard("telegram:2", "time zone Europe/Berlin", "remind me at 7:45")
	b.touch()
	first.close()

	c.Set(at(8, 5))
	second := open(t, path, c, in)
	second.run()
	waitFor(t, "b's reminder", func() bool { return len(second.jobsIn(b.key, rivertype.JobStateCompleted)) == 1 })
	if err := second.s.deliver(context.Background(), aToday.reminderJob); !isCancel(err) {
		t.Errorf("a's delivered job run again: err %v, want a cancellation", err)
	}
	if err := second.s.planAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, u := range []*user{a, b} {
		if got := in.of(u.key); len(got) != 1 {
			t.Errorf("%s got %d reminders, want 1", u.key, len(got))
		}
		if done := second.jobsIn(u.key, rivertype.JobStateCompleted); len(done) != 1 || done[0].Day != today {
			t.Errorf("%s: completed jobs %+v, want today's once", u.key, done)
		}
		if next := second.jobsIn(u.key, rivertype.JobStateScheduled); len(next) != 1 || next[0].Day != tomorrow {
			t.Errorf("%s: scheduled jobs %+v, want tomorrow's once", u.key, next)
		}
	}
}

// A user who blocked the bot is marked unreachable, the job cancelled, and
// the user no longer planned, until they write again.
func TestUnreachableUserIsNoLongerScheduled(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"sentinel", fmt.Errorf("telegram: sendMessage: %w", ErrUnreachable)},
		{"method", fmt.Errorf("notify: %w", blockedError{})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := local(t, "Europe/Berlin", time.November, 26, 9, 0)
			e := newEnv(t, now)
			ctx := context.Background()
			u := e.onboard("telegram:1", "time zone Europe/Berlin", "remind me at 9:00")
			u.touch()
			e.inbox.failWith(func(string) error { return tc.err })
			if err := e.s.deliver(ctx, e.jobWithDay(u.key, "2126-11-26").reminderJob); !isCancel(err) {
				t.Fatalf("err %v, want a cancellation", err)
			}
			if s, _ := e.eng.Settings(ctx, u.key); !s.Unreachable {
				t.Error("the user is not marked unreachable")
			}
			e.clock.Set(now.Add(24 * time.Hour))
			if err := e.s.planAll(ctx); err != nil {
				t.Fatal(err)
			}
			u.touch()
			if n := len(e.jobs(u.key)); n != 1 {
				t.Fatalf("%d jobs, want only the refused one: %+v", n, e.jobs(u.key))
			}
			u.say("hi") // they write again
			u.touch()
			if next := e.jobWithDay(u.key, "2126-11-27"); next.state != rivertype.JobStateAvailable {
				t.Errorf("after writing again: job %+v, want today's, due now", next)
			}
		})
	}
}

// blockedError is an adapter's own "blocked" error, recognised by method.
type blockedError struct{}

func (blockedError) Error() string     { return "blocked" }
func (blockedError) Unreachable() bool { return true }

// rateLimited asks to wait.
type rateLimited time.Duration

func (r rateLimited) Error() string             { return "429" }
func (r rateLimited) RetryAfter() time.Duration { return time.Duration(r) }

// The worker's answer to each outcome of a delivery.
func TestWorkerOutcomes(t *testing.T) {
	now := local(t, "UTC", time.November, 26, 9, 0)
	e := newEnv(t, now)
	ctx := context.Background()
	u := e.onboard("telegram:1", "remind me at 9:00")
	j := reminderJob{User: u.key, Day: "2126-11-26", At: now.Unix()}

	e.inbox.failWith(func(string) error { return fmt.Errorf("send: %w", rateLimited(7*time.Second)) })
	var snooze *rivertype.JobSnoozeError
	if err := e.s.deliver(ctx, j); !errors.As(err, &snooze) || snooze.Duration != 7*time.Second {
		t.Errorf("rate limited: err %v, want a 7 s snooze", err)
	}
	e.inbox.failWith(func(string) error { return errors.New("connection reset") })
	if err := e.s.deliver(ctx, j); err == nil || isCancel(err) || errors.As(err, &snooze) {
		t.Errorf("failed send: err %v, want an error to retry", err)
	}
	early := reminderJob{User: u.key, Day: "2126-11-26", At: now.Add(10 * time.Minute).Unix()}
	if err := e.s.deliver(ctx, early); !errors.As(err, &snooze) || snooze.Duration != 10*time.Minute {
		t.Errorf("early job: err %v, want a snooze until its time", err)
	}
	var waits []time.Duration
	for attempt := 1; attempt <= 3; attempt++ {
		waits = append(waits, e.s.retryWait(attempt))
	}
	if want := []time.Duration{time.Second, 3 * time.Second, 9 * time.Second}; fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("retry waits %v, want %v (RetryBase 1 s, tripled)", waits, want)
	}
	e.inbox.failWith(nil)
	if err := e.s.deliver(ctx, j); err != nil {
		t.Fatalf("delivery: %v", err)
	}
	if got := e.inbox.of(u.key); len(got) != 1 || !strings.Contains(got[0], "Good morning") {
		t.Errorf("sent %q, want the reminder once", got)
	}
}

// Run stops softly: a delivery in hand when its context ends finishes and
// is recorded.
func TestRunLetsTheDeliveryInHandFinish(t *testing.T) {
	now := local(t, "UTC", time.November, 26, 9, 0)
	e := newEnv(t, now)
	u := e.onboard("telegram:1", "remind me at 9:00")
	started, release := make(chan struct{}), make(chan struct{})
	e.inbox.failWith(func(string) error {
		close(started)
		<-release
		return nil
	})
	u.touch()
	e.run()
	<-started
	e.cancel()
	time.AfterFunc(200*time.Millisecond, func() { close(release) })
	if err := <-e.done; err != nil {
		t.Fatal(err)
	}
	e.cancel = nil
	if done := e.jobsIn(u.key, rivertype.JobStateCompleted); len(done) != 1 {
		t.Errorf("jobs %+v, want the one in hand completed", e.jobs(u.key))
	}
	if s, _ := e.eng.Settings(context.Background(), u.key); s.LastReminderDay != "2126-11-26" {
		t.Errorf("LastReminderDay %q, want the delivery recorded", s.LastReminderDay)
	}
}

// forgotten is an engine that no longer knows the user, as after /forget
// once the engine stops re-creating users it is asked about.
type forgotten struct{ Engine }

func (forgotten) Reminder(context.Context, string, string, time.Time) ([]coach.Message, error) {
	return nil, fmt.Errorf("load user: %w", coach.ErrNotFound)
}

func (forgotten) Settings(context.Context, string) (coach.Settings, error) {
	return coach.Settings{}, coach.ErrNotFound
}

// A job or a Touch for a user the engine does not know ends quietly.
func TestForgottenUserIsDropped(t *testing.T) {
	now := local(t, "UTC", time.November, 26, 9, 0)
	e := newEnv(t, now)
	u := e.onboard("telegram:1", "remind me at 9:00")
	u.touch()
	e.s.cfg.Engine = forgotten{e.eng}
	if err := e.s.deliver(context.Background(), e.jobWithDay(u.key, "2126-11-26").reminderJob); !isCancel(err) {
		t.Errorf("job of a forgotten user: err %v, want a cancellation", err)
	}
	if err := e.s.Touch(context.Background(), u.key); err != nil {
		t.Errorf("touch of a forgotten user: %v", err)
	}
	if e.s.notes.len() != 0 || len(e.inbox.of(u.key)) != 0 {
		t.Error("a forgotten user is still noted or was sent something")
	}
}
