package coach

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Reminder pacing figures.
const (
	// lateAfter: a reminder delivered this long after its time says so.
	lateAfter = 10 * time.Minute
	// checkInAfter: a sent invitation is asked about after a week.
	checkInAfter = 7 * 24 * time.Hour
	// withdrawAfter: an invitation pending this long should be withdrawn;
	// LinkedIn then blocks a new one to that person for three weeks.
	withdrawAfter = 21 * 24 * time.Hour
	relockDays    = 21
	// maxCheckIns bounds the check-in questions of one reminder.
	maxCheckIns = 5
	// warnedPause and warnedSlow: after "LinkedIn warned me", a week
	// without reminders, then two weeks at half pace.
	warnedPause = 7 * 24 * time.Hour
	warnedSlow  = 14 * 24 * time.Hour
	// pauseForever is how far ahead /pause pauses: until /resume.
	pauseForever = 100 * 365 * 24 * time.Hour
)

// NextReminder returns when the user's next daily reminder is due and the
// local day (YYYY-MM-DD) it is for. It is today's reminder time when today
// is a sending day whose reminder has not gone out — even if that time has
// passed, so that a bot that was down at 09:00 still sends today's batch
// when it comes back — and otherwise the reminder time of the next sending
// day. Yesterday's reminder is never due. A snooze makes today's reminder
// due again at the snooze time. The instant is computed in the user's time
// zone, so 09:00 stays 09:00 local across a DST change; a reminder time
// that does not exist that day (inside a spring-forward gap) moves forward
// with the clock. ok is false when no reminder is due: paused
// indefinitely, unreachable, not onboarded, or no sending days.
func NextReminder(s Settings, now time.Time) (at time.Time, day string, ok bool) {
	days, err := parseDays(s.SendingDays)
	if err != nil || s.Unreachable || !s.Onboarded {
		return time.Time{}, "", false
	}
	loc := location(s.TimeZone)
	hh, mm := reminderClock(s.ReminderTime)
	today := dayOf(now, loc)
	if !s.SnoozeUntil.IsZero() && s.SnoozeUntil.After(now.Add(-12*time.Hour)) && dayOf(s.SnoozeUntil, loc) == today && !paused(s, s.SnoozeUntil) {
		return s.SnoozeUntil, today.String(), true
	}
	for i := range 400 {
		d := today.addDays(i)
		if !days.has(d.weekday()) || d.String() == s.SkipDay || d.String() <= s.LastReminderDay {
			continue
		}
		at := time.Date(d.date.Year(), d.date.Month(), d.date.Day(), hh, mm, 0, 0, loc)
		if paused(s, at) {
			continue
		}
		return at, d.String(), true
	}
	return time.Time{}, "", false
}

func paused(s Settings, at time.Time) bool { return at.Before(s.PausedUntil) }

// reminderClock reads "HH:MM", 09:00 when it cannot.
func reminderClock(hm string) (int, int) {
	h, m, ok := strings.Cut(hm, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 9, 0
	}
	return hh, mm
}

// Reminder builds the daily reminder due at `at` for the local day `day`
// (ErrNotFound for a user it does not know; it creates none):
// today's batch ready to copy, the invitations to ask about, and buttons.
// It returns no messages when that reminder is no longer due — already
// delivered, for another day, moved by a settings change, paused — so a
// stale or repeated job sends nothing. Deliver the messages, then call
// ReminderDelivered.
func (e *Engine) Reminder(ctx context.Context, userKey, day string, at time.Time) ([]Message, error) {
	var out []Message
	err := e.store.UpdateExisting(ctx, userKey, func(ctx context.Context, tx Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return fmt.Errorf("load user: %w", err)
		}
		wantAt, wantDay, ok := NextReminder(u.Settings, e.now())
		if !ok || wantDay != day || !wantAt.Equal(at) || e.now().Before(at.Add(-time.Minute)) {
			return nil
		}
		t := &turn{e: e, ctx: ctx, tx: tx, user: u, state: u.State}
		if err := t.reminder(at); err != nil {
			return err
		}
		out = t.out
		t.user.State = t.state
		return tx.SaveUser(ctx, t.user)
	})
	if err != nil {
		return nil, fmt.Errorf("reminder for %s: %w", day, err)
	}
	return out, nil
}

// ReminderDelivered records that the reminder of day reached the user, so
// that it is not sent again, and ends a snooze that it answered.
func (e *Engine) ReminderDelivered(ctx context.Context, userKey, day string) error {
	return e.updateSettings(ctx, userKey, func(s *Settings) {
		if day > s.LastReminderDay {
			s.LastReminderDay = day
		}
		if !s.SnoozeUntil.IsZero() && !s.SnoozeUntil.After(e.now()) {
			s.SnoozeUntil = time.Time{}
		}
	})
}

// Unreachable records that the user's platform refused delivery (they
// blocked the bot): no reminder is scheduled until they write again.
func (e *Engine) Unreachable(ctx context.Context, userKey string) error {
	return e.updateSettings(ctx, userKey, func(s *Settings) { s.Unreachable = true })
}

// Settings returns a user's settings, for the scheduler; ErrNotFound for
// a user it does not know (never created, or forgotten).
func (e *Engine) Settings(ctx context.Context, userKey string) (Settings, error) {
	var s Settings
	err := e.store.UpdateExisting(ctx, userKey, func(ctx context.Context, tx Tx) error {
		u, err := tx.User(ctx)
		s = u.Settings
		return err
	})
	return s, err
}

func (e *Engine) updateSettings(ctx context.Context, userKey string, f func(*Settings)) error {
	return e.store.UpdateExisting(ctx, userKey, func(ctx context.Context, tx Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return fmt.Errorf("load user: %w", err)
		}
		f(&u.Settings)
		return tx.SaveUser(ctx, u)
	})
}

// reminder writes the daily reminder.
func (t *turn) reminder(at time.Time) error {
	b, err := t.loadBatch()
	if err != nil {
		return err
	}
	// Late means missed: the bot was down. A reminder time the user set
	// after it had passed today is simply due now.
	late := t.now().Sub(at) > lateAfter && !at.Before(t.user.Settings.ReminderSetAt)
	m := new(text)
	if late {
		m.plain(fmt.Sprintf("Sorry, this comes late: I was offline at %s. ", at.In(location(t.user.Settings.TimeZone)).Format("15:04")))
	}
	sendable := 0
	for _, p := range b.People {
		if batchStatus(p, b) == "" {
			sendable++
		}
	}
	switch {
	case sendable == 0 && len(b.Emails) == 0 && b.CapLeft == 0:
		m.plain(greeting(t.now(), location(t.user.Settings.TimeZone)) + fmt.Sprintf(" You reached your weekly cap of %d invitations, so none today: the people waiting carry over, and the next ones come as the week rolls on.", t.user.Settings.WeeklyCap))
		t.say(m.message())
	case sendable == 0 && len(b.Emails) == 0:
		m.plain(greeting(t.now(), location(t.user.Settings.TimeZone)) + " Nobody is queued for today. Paste a list of people, or /next to plan more.")
		t.say(m.message())
	default:
		m.plain(greeting(t.now(), location(t.user.Settings.TimeZone)) + " " + plural(sendable, "invitation", "invitations") + " for today.")
		t.say(m.message())
		t.showBatch(b)
		t.out[len(t.out)-1].Choices = append(t.out[len(t.out)-1].Choices,
			choice("Snooze 1 h", "rm", "snooze"), choice("Skip today", "rm", "skip"), choice("LinkedIn warned me", "rm", "warned"))
		t.state.Choices = t.out[len(t.out)-1].Choices
	}
	return t.checkIns()
}

// checkIns asks about invitations sent a week ago and suggests withdrawing
// those pending for three weeks.
func (t *turn) checkIns() error {
	sent, err := t.tx.People(t.ctx, PeopleFilter{Sent: true})
	if err != nil {
		return fmt.Errorf("list sent: %w", err)
	}
	now := t.now()
	asked := 0
	for _, p := range sent {
		if p.Outcome != OutcomePending || !isInvitation(p.Plan) || asked == maxCheckIns {
			continue
		}
		age := now.Sub(p.SentAt)
		pid := id(p.ID)
		switch {
		case age >= withdrawAfter:
			t.say(new(text).plain("Your invitation to ").bold(p.Name()).plain(" has been pending for three weeks. Withdraw it (on LinkedIn: My Network → Manage → Sent): old pending invitations count against you. LinkedIn then blocks a new invitation to them for three weeks; I'll remember.").
				message(choice("Withdrawn", "po", pid, "withdrawn"), choice("Accepted after all", "po", pid, "accepted")))
		case age >= checkInAfter && now.Sub(p.OutcomeAt) >= checkInAfter:
			t.say(new(text).plain("A week ago you invited ").bold(p.Name()).plain(". Did they accept?").
				message(choice("Accepted", "po", pid, "accepted"), choice("Still pending", "po", pid, "pending"), choice("Ignored", "po", pid, "ignored")))
		default:
			continue
		}
		asked++
	}
	return nil
}

// reminderButton handles the reminder's own buttons.
func (t *turn) reminderButton(op string) error {
	s := &t.user.Settings
	loc := location(s.TimeZone)
	switch op {
	case "snooze":
		s.SnoozeUntil = t.now().Add(time.Hour).Truncate(time.Minute)
		t.sayText("I'll remind you again at " + s.SnoozeUntil.In(loc).Format("15:04") + ".")
	case "skip":
		s.SkipDay = dayOf(t.now(), loc).String()
		s.SnoozeUntil = time.Time{}
		t.sayText("No more reminders today. Today's people carry over to the next sending day.")
	case "warned":
		return t.warned()
	}
	return nil
}

// warned is "LinkedIn warned me": a week's pause, then half pace.
func (t *turn) warned() error {
	s := &t.user.Settings
	s.PausedUntil = t.now().Add(warnedPause)
	s.HalfPaceUntil = s.PausedUntil.Add(warnedSlow)
	loc := location(s.TimeZone)
	t.sayText(fmt.Sprintf("Thanks for telling me. I've paused invitations until %s, and after that we go at half pace for two weeks. Meanwhile: withdraw old pending invitations, and don't send any by hand. /resume lifts the pause early if you must.",
		s.PausedUntil.In(loc).Format("Mon 2 Jan")))
	return nil
}

// pause stops reminders until /resume.
func (t *turn) pause() error {
	t.user.Settings.PausedUntil = t.now().Add(pauseForever)
	t.sayText("Reminders paused. Nothing is lost: /resume when you're ready.")
	return nil
}

// resumeReminders restarts reminders (/resume).
func (t *turn) resumeReminders() error {
	s := &t.user.Settings
	if s.PausedUntil.IsZero() || s.PausedUntil.Before(t.now()) {
		t.sayText("Reminders are on.")
	} else {
		t.sayText("Reminders are back on.")
	}
	s.PausedUntil = time.Time{}
	if at, _, ok := NextReminder(*s, t.now()); ok {
		t.sayText("Next reminder: " + at.In(location(s.TimeZone)).Format("Mon 2 Jan 15:04") + ".")
	}
	return nil
}

// DueReminder returns today's reminder if it is due and not yet delivered,
// and records it delivered: for a chat that shows it when it opens (the
// terminal), where showing is delivering.
func (e *Engine) DueReminder(ctx context.Context, userKey string) ([]Message, error) {
	s, err := e.Settings(ctx, userKey)
	if errors.Is(err, ErrNotFound) {
		return nil, nil // a new user: nothing is due
	} else if err != nil {
		return nil, err
	}
	at, day, ok := NextReminder(s, e.now())
	if !ok || at.After(e.now()) {
		return nil, nil
	}
	out, err := e.Reminder(ctx, userKey, day, at)
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return out, e.ReminderDelivered(ctx, userKey, day)
}

// noCatchUpToday keeps the reminder time of a user who has only just
// started from counting as missed: if today's reminder time is already
// past, today's reminder is considered done, and the first one comes on
// the next sending day. Catch-up is for a bot that was down, not for a
// user who arrived after the reminder time.
func noCatchUpToday(s *Settings, now time.Time) {
	at, day, ok := NextReminder(*s, now)
	if ok && !at.After(now) && day == dayOf(now, location(s.TimeZone)).String() && s.SnoozeUntil.IsZero() {
		s.LastReminderDay = day
	}
}

// greeting fits the user's local time of day.
func greeting(now time.Time, loc *time.Location) string {
	switch h := now.In(loc).Hour(); {
	case h >= 4 && h < 12:
		return "Good morning!"
	case h >= 12 && h < 18:
		return "Good afternoon!"
	}
	return "Good evening!"
}
