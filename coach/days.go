package coach

import (
	"fmt"
	"strings"
	"time"
)

// weekdays is a set of sending days, bit i for time.Weekday(i).
type weekdays uint8

var dayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

func (w weekdays) has(d time.Weekday) bool { return w&(1<<d) != 0 }

// String writes the set the way users write it: "Mon-Fri", "Mon, Wed, Fri",
// "every day".
func (w weekdays) String() string {
	switch w {
	case 0x7f:
		return "every day"
	case 0x3e:
		return "Mon-Fri"
	}
	var names []string
	for i := 1; i <= 7; i++ {
		if d := time.Weekday(i % 7); w.has(d) {
			names = append(names, dayNames[d])
		}
	}
	return strings.Join(names, ", ")
}

// parseDays reads "Mon-Fri", "mon,wed,fri", "Tue-Sat", "weekdays", "every
// day", "weekends too". Ranges wrap around the week ("Fri-Mon").
func parseDays(s string) (weekdays, error) {
	norm := strings.TrimSpace(normalise(s))
	switch {
	case norm == "":
		return 0, fmt.Errorf("no days given")
	case hasAny(" "+norm+" ", []string{"every day", "everyday", "daily", "all days", "weekends too", "weekend too", "including weekends", "7 days"}):
		return 0x7f, nil
	case norm == "weekdays" || norm == "workdays" || norm == "no weekends":
		return 0x3e, nil
	}
	var w weekdays
	for _, part := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ',' || r == ' ' || r == '/' || r == '&' }) {
		if part == "and" || part == "" {
			continue
		}
		from, to, isRange := strings.Cut(part, "-")
		a, ok := weekdayOf(from)
		if !ok {
			return 0, fmt.Errorf("%q is not a day", from)
		}
		if !isRange {
			w |= 1 << a
			continue
		}
		b, ok := weekdayOf(to)
		if !ok {
			return 0, fmt.Errorf("%q is not a day", to)
		}
		for d := a; ; d = (d + 1) % 7 {
			w |= 1 << d
			if d == b {
				break
			}
		}
	}
	if w == 0 {
		return 0, fmt.Errorf("no days given")
	}
	return w, nil
}

// weekdayOf reads "mon", "Monday", "tues".
func weekdayOf(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 {
		return 0, false
	}
	for i, n := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if strings.HasPrefix(n, s) && (len(s) >= 3 || s == "mo" || s == "we" || s == "fr") {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// localDay is a calendar day in the user's time zone.
type localDay struct {
	date time.Time // midnight local
}

func dayOf(t time.Time, loc *time.Location) localDay {
	t = t.In(loc)
	return localDay{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)}
}

func (d localDay) String() string         { return d.date.Format(time.DateOnly) }
func (d localDay) addDays(n int) localDay { return localDay{d.date.AddDate(0, 0, n)} }
func (d localDay) weekday() time.Weekday  { return d.date.Weekday() }
func (d localDay) label() string          { return d.date.Format("Mon 2 Jan") }
func (d localDay) monthStart() time.Time {
	return time.Date(d.date.Year(), d.date.Month(), 1, 0, 0, 0, 0, d.date.Location())
}
func (d localDay) before(s string) bool { return s != "" && d.String() < s }

// nextSendingDay is the first sending day on or after d (d itself when it
// is one). With no sending days at all it returns d.
func nextSendingDay(d localDay, days weekdays) localDay {
	for i := 0; i < 7; i++ {
		if days.has(d.addDays(i).weekday()) {
			return d.addDays(i)
		}
	}
	return d
}

// location loads the user's time zone, UTC when it is unknown.
func location(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil {
		return loc
	}
	return time.UTC
}
