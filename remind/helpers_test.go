package remind

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivertype"

	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// clock is a settable clock shared by the engine, the scheduler and River.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// inbox is a Notifier that records what each user was sent, and fails
// when fail says so.
type inbox struct {
	mu   sync.Mutex
	got  map[string][]string // user → each reminder's plain text
	fail func(user string) error
}

func newInbox() *inbox { return &inbox{got: map[string][]string{}} }

func (b *inbox) Notify(ctx context.Context, user string, msgs []coach.Message) error {
	b.mu.Lock()
	fail := b.fail
	b.mu.Unlock()
	if fail != nil {
		if err := fail(user); err != nil {
			return err
		}
	}
	var text strings.Builder
	for _, m := range msgs {
		text.WriteString(m.PlainText() + "\n")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.got[user] = append(b.got[user], text.String())
	return nil
}

func (b *inbox) of(user string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.got[user]...)
}

func (b *inbox) failWith(f func(user string) error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fail = f
}

// env is one bot's database, engine and scheduler on a file that outlives
// it, so that a test can close it and open another on the same file.
type env struct {
	t      testing.TB
	path   string
	clock  *clock
	inbox  *inbox
	store  *sqlite.Store
	eng    *coach.Engine
	db     *sql.DB // River's pool
	s      *Scheduler
	cancel context.CancelFunc
	done   chan error
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// open opens the bot on path. Close it with close; t.Cleanup does too.
func open(t testing.TB, path string, c *clock, in *inbox) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, path: path, clock: c, inbox: in, store: st}
	e.eng = coach.New(st, coach.Options{Clock: c.Now, Rand: func(int) int { return 0 }, Logger: quiet})
	if e.db, err = OpenSQLite(sqlite.DSN(path)); err != nil {
		t.Fatal(err)
	}
	e.s, err = New(ctx, riversqlite.New(e.db), Config{
		Engine: e.eng, Users: st, Notifier: Router{"telegram:": in}, Clock: c.Now, Logger: quiet,
		RetryBase: time.Second, StopGrace: 2 * time.Second, testOnly: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.close)
	return e
}

// newEnv opens a bot on a new database with the clock at now.
func newEnv(t testing.TB, now time.Time) *env {
	return open(t, filepath.Join(t.TempDir(), "rapport.db"), &clock{t: now}, newInbox())
}

// run runs the scheduler in the background until close.
func (e *env) run() {
	ctx, cancel := context.WithCancel(context.Background())
	e.cancel, e.done = cancel, make(chan error, 1)
	go func() { e.done <- e.s.Run(ctx) }()
}

// close stops the scheduler, if running, and closes everything. Closing
// twice does nothing.
func (e *env) close() {
	if e.cancel != nil {
		e.cancel()
		if err := <-e.done; err != nil {
			e.t.Errorf("run: %v", err)
		}
		e.cancel = nil
	}
	if e.store != nil {
		e.db.Close()
		e.store.Close()
		e.store = nil
	}
}

// user is one user talking to the engine.
type user struct {
	e    *env
	key  string
	last []coach.Message
}

// onboard makes a user who finished /start, with settings said in words
// ("time zone Europe/Berlin", "remind me at 9:00"), the day before the
// clock's time: a reminder time set after it has passed today does not
// count as missed (coach.noCatchUpToday), and these tests are about what
// happens to a user who was set up before.
func (e *env) onboard(key string, settings ...string) *user {
	e.t.Helper()
	now := e.clock.Now()
	e.clock.Set(now.Add(-24 * time.Hour))
	defer e.clock.Set(now)
	u := &user{e: e, key: key}
	u.say("/start")
	u.say("Alex Morgan")
	u.press("Free")
	for _, s := range settings {
		u.say(s)
	}
	return u
}

func (u *user) say(text string) string {
	u.e.t.Helper()
	return u.handle(coach.Event{Text: text})
}

func (u *user) press(label string) string {
	u.e.t.Helper()
	for _, m := range u.last {
		for _, c := range m.Choices {
			if c.Label == label {
				return u.handle(coach.Event{Choice: c.Value})
			}
		}
	}
	u.e.t.Fatalf("no button %q in the last reply", label)
	return ""
}

func (u *user) handle(ev coach.Event) string {
	u.e.t.Helper()
	ev.User = u.key
	out, err := u.e.eng.Handle(context.Background(), ev)
	if err != nil {
		u.e.t.Fatalf("handle %q: %v", ev.Text, err)
	}
	u.last = out
	var b strings.Builder
	for _, m := range out {
		b.WriteString(m.PlainText() + "\n")
	}
	return b.String()
}

// touch is what the bot does after each handled event.
func (u *user) touch() {
	u.e.t.Helper()
	if err := u.e.s.Touch(context.Background(), u.key); err != nil {
		u.e.t.Fatal(err)
	}
}

// job is one daily reminder job as River keeps it.
type job struct {
	reminderJob
	id          int64
	state       rivertype.JobState
	scheduledAt time.Time
	attempt     int
}

// jobs lists the user's reminder jobs, oldest first.
func (e *env) jobs(userKey string) []job {
	e.t.Helper()
	rows, err := e.s.q.list(context.Background(), river.NewJobListParams().Kinds(JobKind).First(10000))
	if err != nil {
		e.t.Fatal(err)
	}
	var out []job
	for _, r := range rows {
		var a reminderJob
		if err := json.Unmarshal(r.EncodedArgs, &a); err != nil {
			e.t.Fatal(err)
		}
		if a.User == userKey {
			out = append(out, job{reminderJob: a, id: r.ID, state: r.State, scheduledAt: r.ScheduledAt, attempt: r.Attempt})
		}
	}
	return out
}

// jobsIn lists the user's jobs in one state.
func (e *env) jobsIn(userKey string, state rivertype.JobState) []job {
	var out []job
	for _, j := range e.jobs(userKey) {
		if j.state == state {
			out = append(out, j)
		}
	}
	return out
}

// waitFor polls cond until it holds, for River's fetch and completion of
// jobs that are already available (never for its 5 s scheduler tick).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mustContain(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("reminder lacks %q:\n%s", w, got)
		}
	}
}

// year is when the tests happen: a century ahead, so that River, which
// keeps the real time, never finds a test's job due on its own (its
// scheduler would promote it) and never takes a test's running job for
// stuck. 26 November 2126 is a Tuesday.
const year = 2126

// local is a wall-clock time of year in a zone.
func local(t testing.TB, zone string, m time.Month, d, hh, mm int) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(year, m, d, hh, mm, 0, 0, loc)
}

// dstChange finds the day of month m on which the zone's UTC offset
// changes, and returns 09:00 local on the day before and on that day.
func dstChange(t *testing.T, zone string, m time.Month) (before, on time.Time) {
	t.Helper()
	prev := local(t, zone, m, 1, 9, 0)
	for d := 2; d <= 31; d++ {
		at := local(t, zone, m, d, 9, 0)
		_, off1 := prev.Zone()
		_, off2 := at.Zone()
		if off1 != off2 {
			return prev, at
		}
		prev = at
	}
	t.Fatalf("%s: no DST change in %s %d", zone, m, year)
	return
}

// markCancelled cancels a job the test ran by hand, as River does when
// the worker returns a cancellation.
func (e *env) markCancelled(j job) {
	e.t.Helper()
	c := e.s.q.(riverQueue[*sql.Tx]).c
	if _, err := c.JobCancel(context.Background(), j.id); err != nil {
		e.t.Fatal(err)
	}
}

// isCancel reports whether a worker's error cancels its job.
func isCancel(err error) bool {
	var c *rivertype.JobCancelError
	return errors.As(err, &c)
}
