package remind

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// withPeople onboards a user in Berlin with n people triaged for an
// invitation and the batch size and weekly cap said in words.
func (e *env) withPeople(n int, pace ...string) *user {
	e.t.Helper()
	u := e.onboard("telegram:1", "time zone Europe/Berlin", "remind me at 9:00")
	var list []string
	for i := range n {
		list = append(list, fmt.Sprintf("Person%c Tester - Co%d", 'A'+i, i))
	}
	u.say("/import\n" + strings.Join(list, "\n"))
	u.say("my address book")
	for range list {
		u.say("client, definitely")
		u.say("yes")
		u.say("nothing")
	}
	for _, p := range pace {
		u.say(p)
	}
	return u
}

// remindAt runs the user's reminder job of the day of at, at that time,
// as River would, and returns what was sent.
func (e *env) remindAt(u *user, at time.Time) string {
	e.t.Helper()
	e.clock.Set(at)
	u.touch()
	j := e.jobWithDay(u.key, at.Format(time.DateOnly))
	if err := e.s.deliver(context.Background(), j.reminderJob); err != nil {
		e.t.Fatalf("reminder of %s: %v", j.Day, err)
	}
	got := e.inbox.of(u.key)
	return got[len(got)-1]
}

var batchEntry = regexp.MustCompile(`\d+\. (Person\S+ Tester)`)

// batchNames lists the people of a reminder's batch.
func batchNames(reminder string) []string {
	var names []string
	for _, m := range batchEntry.FindAllStringSubmatch(reminder, -1) {
		names = append(names, m[1])
	}
	return names
}

// The pacing rules reach the user through the engine's reminder: the
// scheduler sends what the engine builds, day after day.
func TestPacingComesFromTheEngine(t *testing.T) {
	day := func(d int) time.Time { return local(t, "Europe/Berlin", time.November, d, 9, 0) } // 25 is a Monday

	t.Run("weekly cap and carry-over", func(t *testing.T) {
		e := newEnv(t, day(25).Add(-2*time.Hour))
		u := e.withPeople(12, "4 a day", "6 a week")
		mon := e.remindAt(u, day(25))
		mustContain(t, mon, "4 invitations for today", "6 of 6 left this week")
		e.clock.Set(day(25).Add(time.Hour))
		u.say("/sent all")

		tue := e.remindAt(u, day(26))
		mustContain(t, tue, "2 invitations for today", "2 of 6 left this week")
		wed := e.remindAt(u, day(27)) // Tuesday's two were not sent
		mustContain(t, wed, "2 invitations for today")
		if a, b := batchNames(tue), batchNames(wed); len(a) != 2 || strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("Wednesday's batch %v, want Tuesday's unsent %v carried over, no more", b, a)
		}
		e.clock.Set(day(27).Add(time.Hour))
		u.say("/sent all")
		// The cap is reached: nobody is offered on Thursday, though six
		// people wait.
		if thu := e.remindAt(u, day(28)); len(batchNames(thu)) != 0 || strings.Contains(thu, "invitations for today") {
			t.Errorf("Thursday offers invitations beyond the weekly cap:\n%s", thu)
		}
	})

	t.Run("slow-down", func(t *testing.T) {
		e := newEnv(t, day(25).Add(-2*time.Hour))
		u := e.withPeople(16, "4 a day")
		e.answered(u, 10, 2) // 2 of the last 10 answered invitations accepted
		mon := e.remindAt(u, day(25))
		mustContain(t, mon, "2 invitations for today", "I halved the batch: only 2 of your last 10 answered invitations were accepted")
	})
}

// answered marks the user's first n people as invited a month ago and
// answered three weeks ago, accepted of them accepted and the rest
// ignored, as the check-in buttons would have.
func (e *env) answered(u *user, n, accepted int) {
	e.t.Helper()
	now := e.clock.Now()
	err := e.store.Update(context.Background(), u.key, "", func(ctx context.Context, tx coach.Tx) error {
		people, err := tx.People(ctx, coach.PeopleFilter{Limit: n})
		if err != nil {
			return err
		}
		for i, p := range people {
			p.SentAt, p.OutcomeAt = now.AddDate(0, -1, 0), now.AddDate(0, 0, -21)
			p.Outcome = coach.OutcomeIgnored
			if i < accepted {
				p.Outcome = coach.OutcomeAccepted
			}
			if err := tx.SavePerson(ctx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
}
