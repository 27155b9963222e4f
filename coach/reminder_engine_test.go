package coach_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// due returns the user's next reminder as the scheduler sees it.
func (c *chat) due() (time.Time, string) {
	c.t.Helper()
	s, err := c.e.Settings(context.Background(), c.user)
	if err != nil {
		c.t.Fatal(err)
	}
	at, day, ok := coach.NextReminder(s, *c.clock)
	if !ok {
		c.t.Fatalf("no reminder due")
	}
	return at, day
}

func (c *chat) remind(at time.Time, day string) string {
	c.t.Helper()
	out, err := c.e.Reminder(context.Background(), c.user, day, at)
	if err != nil {
		c.t.Fatal(err)
	}
	c.last = out
	var b strings.Builder
	for _, m := range out {
		b.WriteString(m.PlainText() + "\n")
	}
	return b.String()
}

func TestReminderIsSentOnceAndNeverForYesterday(t *testing.T) {
	c := newChat(t)
	*c.clock = fixedNow.Add(-3 * time.Hour) // Wed 25 Nov, 07:00 UTC
	triaged(c)
	c.say("remind me at 9:00")
	*c.clock = fixedNow // 10:00: the bot was down at 09:00
	at, day := c.due()
	if day != "2026-11-25" || at.Hour() != 9 {
		t.Fatalf("due %s %s; want today's 09:00 (late)", at, day)
	}
	out := c.remind(at, day)
	mustContain(t, out, "Sorry, this comes late", "2 invitations for today", "1. Jane Doe", "2. Bob Smith")
	if err := c.e.ReminderDelivered(context.Background(), c.user, day); err != nil {
		t.Fatal(err)
	}
	if again := c.remind(at, day); again != "" {
		t.Errorf("a delivered reminder was built again:\n%s", again)
	}
	*c.clock = fixedNow.Add(24 * time.Hour) // Thursday 10:00: Wednesday's job is stale
	if stale := c.remind(at, day); stale != "" {
		t.Errorf("yesterday's reminder was sent:\n%s", stale)
	}
	at, day = c.due()
	mustContain(t, c.remind(at, day), "Good morning")
}

func TestSettingsChangeMovesTheReminderAtOnce(t *testing.T) {
	c := newChat(t)
	triaged(c)
	c.say("remind me at 18:00")
	at, day := c.due()
	c.say("remind me at 19:30")
	if out := c.remind(at, day); out != "" {
		t.Errorf("the 18:00 reminder still went out after moving it:\n%s", out)
	}
	if at2, _ := c.due(); at2.Hour() != 19 || at2.Minute() != 30 {
		t.Errorf("next reminder %s, want 19:30", at2)
	}
}

func TestCheckInsAndWithdrawal(t *testing.T) {
	c := newChat(t)
	triaged(c)
	c.say("/batch")
	c.say("/sent all")
	*c.clock = fixedNow.Add(8 * 24 * time.Hour) // Thursday next week
	at, day := c.due()
	out := c.remind(at, day)
	mustContain(t, out, "A week ago you invited Jane Doe. Did they accept?", "A week ago you invited Bob Smith")
	c.press("Still pending") // the first check-in's button: Jane
	*c.clock = fixedNow.Add(22 * 24 * time.Hour)
	c.e.ReminderDelivered(context.Background(), c.user, day)
	at, day = c.due()
	out = c.remind(at, day)
	mustContain(t, out, "Jane Doe has been pending for three weeks", "Withdraw it")
	out = c.press("Withdrawn")
	mustContain(t, out, "Jane withdrawn", "won't let you invite them again before 2027-01-07")
}

func TestLinkedInWarnedPausesAWeekThenHalfPace(t *testing.T) {
	c := newChat(t)
	c.onboard()
	var list []string
	for _, n := range []string{"Ann", "Ben", "Cat", "Dan", "Eve", "Fay"} {
		list = append(list, n+" Tester - Co"+n)
	}
	c.say("/import\n" + strings.Join(list, "\n"))
	c.say("my address book")
	for range list {
		c.say("client, definitely")
		c.say("yes")
		c.say("nothing")
	}
	c.say("4 a day")
	mustContain(t, c.say("/warned"), "paused invitations until Wed 2 Dec", "half pace for two weeks")
	at, _ := c.due()
	if want := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC); !at.Equal(want) {
		t.Errorf("next reminder %s, want %s (after the week's pause)", at, want)
	}
	*c.clock = time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	mustContain(t, c.say("/batch"), "2 invitations", "Half pace")
	mustContain(t, c.say("/pause"), "Reminders paused")
	s, _ := c.e.Settings(context.Background(), c.user)
	if _, _, ok := coach.NextReminder(s, *c.clock); ok {
		t.Errorf("a reminder is due while paused")
	}
	mustContain(t, c.say("/resume"), "back on", "Next reminder: Thu 3 Dec 09:00")
}

func TestDueReminderShowsOnceWhenTheChatOpens(t *testing.T) {
	c := newChat(t)
	*c.clock = fixedNow.Add(-3 * time.Hour) // set up at 07:00
	triaged(c)
	*c.clock = fixedNow // opened again at 10:00: today's 09:00 reminder is due
	out, err := c.e.DueReminder(context.Background(), c.user)
	if err != nil || len(out) == 0 || !strings.Contains(out[0].PlainText(), "2 invitations for today") {
		t.Fatalf("due reminder = %v, %v", out, err)
	}
	if again, _ := c.e.DueReminder(context.Background(), c.user); len(again) != 0 {
		t.Errorf("shown twice")
	}
}

func TestASettingMadeAfterTheReminderTimeIsNotALateReminder(t *testing.T) {
	c := newChat(t) // Wed 10:00 UTC
	triaged(c)      // onboarded after today's 09:00: the first reminder is tomorrow's
	if at, day := c.due(); day != "2026-11-26" {
		t.Errorf("after onboarding at 10:00 the next reminder is %s (%s), want tomorrow's", at, day)
	}
	*c.clock = fixedNow.Add(24 * time.Hour) // Thursday 10:00, before the 09:00 reminder ran
	c.say("remind me at 17:00")
	c.say("remind me at 8:30") // changed their mind: 08:30 has passed
	at, day := c.due()
	if day != "2026-11-26" || at.Hour() != 8 || at.Minute() != 30 {
		t.Fatalf("due %s %s, want today's 08:30, now", at, day)
	}
	out := c.remind(at, day)
	mustContain(t, out, "Good morning")
	if strings.Contains(out, "comes late") {
		t.Errorf("a time just set is not a missed reminder:\n%s", out)
	}
}

func TestSchedulerCallsDoNotCreateUsers(t *testing.T) {
	c := newChat(t)
	ctx := context.Background()
	if _, err := c.e.Settings(ctx, "telegram:404"); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("Settings of an unknown user: %v, want ErrNotFound", err)
	}
	if _, err := c.e.Reminder(ctx, "telegram:404", "2026-11-25", fixedNow); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("Reminder of an unknown user: %v, want ErrNotFound", err)
	}
	if err := c.e.Unreachable(ctx, "telegram:404"); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("Unreachable of an unknown user: %v, want ErrNotFound", err)
	}
	users, err := c.st.Users(ctx, 0, 10)
	if err != nil || len(users) != 0 {
		t.Errorf("users after scheduler calls: %d, %v; want none", len(users), err)
	}
}

func TestWeeklyCapReachedSaysSoInTheReminder(t *testing.T) {
	c := newChat(t)
	*c.clock = fixedNow.Add(-3 * time.Hour)
	triaged(c)
	c.say("1 a week")
	c.say("/batch")
	c.say("/sent all")
	*c.clock = fixedNow.Add(21 * time.Hour) // Thursday 07:00
	at, day := c.due()
	*c.clock = at
	mustContain(t, c.remind(at, day), "You reached your weekly cap of 1")
}
