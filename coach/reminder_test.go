package coach

import (
	"testing"
	"time"
)

func remindSettings(tz, at string) Settings {
	s := DefaultSettings()
	s.TimeZone, s.ReminderTime, s.Onboarded = tz, at, true
	return s
}

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// A 09:00 reminder is at 09:00 local on both sides of a DST change.
func TestNextReminderAcrossDST(t *testing.T) {
	tests := []struct {
		zone       string
		before     time.Time // a Friday evening before the change, local
		wantBefore string    // that day's… next reminder, local wall time and UTC offset
		after      time.Time // the Monday after the change
		wantAfter  string
	}{
		// Europe/Berlin leaves summer time on Sun 25 Oct 2026.
		{"Europe/Berlin", date(2026, 10, 23, 8, 0), "2026-10-23 09:00 +0200", date(2026, 10, 23, 12, 0), "2026-10-26 09:00 +0100"},
		// America/New_York leaves summer time on Sun 1 Nov 2026.
		{"America/New_York", date(2026, 10, 30, 8, 0), "2026-10-30 09:00 -0400", date(2026, 10, 30, 12, 0), "2026-11-02 09:00 -0500"},
		// Australia/Adelaide (+9:30, a half-hour zone) enters summer time on Sun 4 Oct 2026.
		{"Australia/Adelaide", date(2026, 10, 2, 8, 0), "2026-10-02 09:00 +0930", date(2026, 10, 2, 12, 0), "2026-10-05 09:00 +1030"},
		// America/St_Johns (-3:30) leaves summer time on Sun 1 Nov 2026.
		{"America/St_Johns", date(2026, 10, 30, 8, 0), "2026-10-30 09:00 -0230", date(2026, 10, 30, 12, 0), "2026-11-02 09:00 -0330"},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			loc := mustLoc(t, tt.zone)
			s := remindSettings(tt.zone, "09:00")
			at, day, ok := NextReminder(s, inLoc(tt.before, loc))
			if got := at.In(loc).Format("2006-01-02 15:04 -0700"); !ok || got != tt.wantBefore || day != got[:10] {
				t.Errorf("before: %s (%s, %v), want %s", got, day, ok, tt.wantBefore)
			}
			s.LastReminderDay = day // Friday's went out
			at, day, ok = NextReminder(s, inLoc(tt.after, loc))
			if got := at.In(loc).Format("2006-01-02 15:04 -0700"); !ok || got != tt.wantAfter || day != got[:10] {
				t.Errorf("after: %s (%s, %v), want %s", got, day, ok, tt.wantAfter)
			}
		})
	}
}

// date is a wall-clock time, placed in a zone by inLoc.
func date(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func inLoc(wall time.Time, loc *time.Location) time.Time {
	return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, 0, loc)
}

func TestNextReminderCatchUpButNeverYesterday(t *testing.T) {
	loc := mustLoc(t, "Europe/Berlin")
	s := remindSettings("Europe/Berlin", "09:00")
	s.LastReminderDay = "2026-11-23" // Monday's went out; the bot was down all Tuesday
	// Wednesday 11:30: today's 09:00 reminder is due now, late; Tuesday's is not.
	at, day, ok := NextReminder(s, time.Date(2026, 11, 25, 11, 30, 0, 0, loc))
	if !ok || day != "2026-11-25" || !at.Equal(time.Date(2026, 11, 25, 9, 0, 0, 0, loc)) {
		t.Errorf("got %s %s %v; want today's 09:00", at, day, ok)
	}
	s.LastReminderDay = "2026-11-25"
	at, day, _ = NextReminder(s, time.Date(2026, 11, 25, 11, 30, 0, 0, loc))
	if day != "2026-11-26" || at.In(loc).Hour() != 9 {
		t.Errorf("after today's went out: %s %s; want tomorrow 09:00", at, day)
	}
}

func TestNextReminderSettings(t *testing.T) {
	loc := mustLoc(t, "Europe/Berlin")
	fri := time.Date(2026, 11, 27, 10, 0, 0, 0, loc)
	base := remindSettings("Europe/Berlin", "09:00")
	base.LastReminderDay = "2026-11-27"
	tests := []struct {
		name string
		mod  func(*Settings)
		want string // local "2006-01-02 15:04", or "" for none
	}{
		{"no weekends: Monday", nil, "2026-11-30 09:00"},
		{"weekends too: Saturday", func(s *Settings) { s.SendingDays = "every day" }, "2026-11-28 09:00"},
		{"reminder moved to 8:30", func(s *Settings) { s.ReminderTime = "08:30" }, "2026-11-30 08:30"},
		{"snoozed an hour", func(s *Settings) { s.SnoozeUntil = fri.Add(time.Hour) }, "2026-11-27 11:00"},
		{"paused", func(s *Settings) { s.PausedUntil = fri.Add(pauseForever) }, ""},
		{"warned on Friday: a week off", func(s *Settings) { s.PausedUntil = fri.Add(warnedPause) }, "2026-12-07 09:00"},
		{"skip Monday", func(s *Settings) { s.SkipDay = "2026-11-30" }, "2026-12-01 09:00"},
		{"blocked the bot", func(s *Settings) { s.Unreachable = true }, ""},
		{"time zone moved to New York", func(s *Settings) { s.TimeZone = "America/New_York" }, "2026-11-30 15:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base
			if tt.mod != nil {
				tt.mod(&s)
			}
			at, _, ok := NextReminder(s, fri)
			got := ""
			if ok {
				got = at.In(loc).Format("2006-01-02 15:04")
			}
			if got != tt.want {
				t.Errorf("next = %q, want %q", got, tt.want)
			}
		})
	}
}
