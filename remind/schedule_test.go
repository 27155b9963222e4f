package remind

import (
	"context"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// The job of the next reminder is scheduled at the reminder time in the
// user's zone on both sides of a DST change, so the interval between two
// daily jobs is 23 or 25 hours (NextReminder's own rules are coach's
// tests; these prove the job's ScheduledAt).
func TestJobsLandAtTheLocalTimeAcrossDST(t *testing.T) {
	for _, tc := range []struct {
		zone  string
		month time.Month
		gap   time.Duration
	}{
		{"America/New_York", time.March, 23 * time.Hour},     // spring forward
		{"Europe/Berlin", time.October, 25 * time.Hour},      // fall back
		{"Australia/Adelaide", time.October, 23 * time.Hour}, // +9:30 → +10:30
		{"America/St_Johns", time.November, 25 * time.Hour},  // −2:30 → −3:30
	} {
		t.Run(tc.zone, func(t *testing.T) {
			before, on := dstChange(t, tc.zone, tc.month)
			e := newEnv(t, before.Add(-time.Hour))
			u := e.onboard("telegram:1", "time zone "+tc.zone, "remind me at 9:00", "weekends too")
			if err := e.s.planAll(context.Background()); err != nil {
				t.Fatal(err)
			}
			first := e.jobsIn(u.key, rivertype.JobStateScheduled)
			if len(first) != 1 || !first[0].scheduledAt.Equal(before) || first[0].Day != before.Format(time.DateOnly) {
				t.Fatalf("jobs %+v, want one at %s", first, before)
			}
			e.clock.Set(before)
			if err := e.s.deliver(context.Background(), first[0].reminderJob); err != nil {
				t.Fatal(err)
			}
			if err := e.s.planAll(context.Background()); err != nil { // the next minute's pass
				t.Fatal(err)
			}
			next := e.jobWithDay(u.key, on.Format(time.DateOnly))
			if !next.scheduledAt.Equal(on) {
				t.Errorf("the job after the change at %s (%s local), want %s", next.scheduledAt.UTC(), next.scheduledAt.In(on.Location()), on)
			}
			if got := next.scheduledAt.Sub(first[0].scheduledAt); got != tc.gap {
				t.Errorf("%s between the two 09:00 reminders, want %s", got, tc.gap)
			}
		})
	}
}

// jobWithDay is the user's one job for a local day.
func (e *env) jobWithDay(userKey, day string) job {
	e.t.Helper()
	var found []job
	for _, j := range e.jobs(userKey) {
		if j.Day == day {
			found = append(found, j)
		}
	}
	if len(found) != 1 {
		e.t.Fatalf("%d jobs for %s, want 1: %+v", len(found), day, e.jobs(userKey))
	}
	return found[0]
}

// Planning every user again inserts nothing while nothing changes; after
// a restart (no notes) it tries once, and River's unique args refuse.
func TestSteadyStatePlanningInsertsNothing(t *testing.T) {
	now := local(t, "Europe/Berlin", time.November, 26, 7, 0)
	e := newEnv(t, now)
	for _, key := range []string{"telegram:1", "telegram:2", "telegram:3"} {
		e.onboard(key, "time zone Europe/Berlin")
	}
	e.onboard("terminal:local") // no notifier for the terminal: not planned
	counted := &countingQueue{queue: e.s.q}
	e.s.q = counted
	ctx := context.Background()
	for range 3 {
		if err := e.s.planAll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if counted.inserted != 3 {
		t.Errorf("%d inserts after planning three times, want the 3 first ones", counted.inserted)
	}
	e.s.notes = newNotes() // a restart
	if err := e.s.planAll(ctx); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"telegram:1", "telegram:2", "telegram:3"} {
		if n := len(e.jobs(key)); n != 1 {
			t.Errorf("%s has %d jobs, want 1", key, n)
		}
	}
	if n := len(e.jobs("terminal:local")); n != 0 {
		t.Errorf("the terminal user has %d jobs, want none", n)
	}
}

type countingQueue struct {
	queue
	inserted int
}

func (q *countingQueue) insertMany(ctx context.Context, p []river.InsertManyParams) ([]*rivertype.JobInsertResult, error) {
	q.inserted += len(p)
	return q.queue.insertMany(ctx, p)
}

// A settings change moves the reminder at once: Touch inserts the new
// job, the old one ends without sending, and moving the reminder back the
// same day after the old job ended plans it anew (now late).
func TestSettingsChangeReschedulesAtOnce(t *testing.T) {
	day := "2126-11-26"
	at := func(hh, mm int) time.Time { return local(t, "Europe/Berlin", time.November, 26, hh, mm) }
	e := newEnv(t, at(7, 0))
	ctx := context.Background()
	u := e.onboard("telegram:1", "time zone Europe/Berlin", "remind me at 9:00")
	u.touch()
	nine := e.jobWithDay(u.key, day)
	if !nine.scheduledAt.Equal(at(9, 0)) {
		t.Fatalf("job at %s, want 09:00", nine.scheduledAt)
	}

	u.say("remind me at 10:00")
	u.touch()
	var ten job
	for _, j := range e.jobsIn(u.key, rivertype.JobStateScheduled) {
		if j.scheduledAt.Equal(at(10, 0)) {
			ten = j
		}
	}
	if ten.User == "" {
		t.Fatalf("no job at 10:00 right after the change: %+v", e.jobs(u.key))
	}

	e.clock.Set(at(9, 0)) // the 09:00 job runs: no longer due
	if err := e.s.deliver(ctx, nine.reminderJob); !isCancel(err) {
		t.Errorf("the moved 09:00 job: err %v, want a cancellation", err)
	}
	if got := e.inbox.of(u.key); len(got) != 0 {
		t.Fatalf("the moved reminder was sent: %q", got)
	}
	e.markCancelled(nine) // as River does with the cancellation

	e.clock.Set(at(9, 5))
	u.say("remind me at 9:00") // back again, after the 09:00 job ended
	u.touch()
	again := e.jobsIn(u.key, rivertype.JobStateAvailable)
	if len(again) != 1 || again[0].At != nine.At {
		t.Fatalf("available jobs %+v, want 09:00 planned again to run now", again)
	}
	if err := e.s.deliver(ctx, again[0].reminderJob); err != nil {
		t.Fatal(err)
	}
	e.clock.Set(at(10, 0))
	if err := e.s.deliver(ctx, ten.reminderJob); !isCancel(err) {
		t.Errorf("the 10:00 job after delivery: err %v, want a cancellation", err)
	}
	if got := e.inbox.of(u.key); len(got) != 1 {
		t.Errorf("%d reminders sent, want 1", len(got))
	}
}
