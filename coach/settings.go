package coach

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Bounds of the pacing settings: LinkedIn's own weekly limit is about 100
// (LINKEDIN.md), so a batch above 25 a day or a cap above 100 a week is
// refused rather than silently risky.
const (
	maxBatchSize = 25
	maxWeeklyCap = 100
	maxNotes     = 50
)

// settingFields are the settings /settings offers as buttons, with the
// example shown when one is chosen.
var settingFields = []struct{ key, label, example string }{
	{"name", "Name", `your name as it signs notes, e.g. "Alex Morgan"`},
	{"account", "Account type", `"free" or "premium"`},
	{"batch", "Batch size", `invitations a day, e.g. "15 a day"`},
	{"cap", "Weekly cap", `invitations a week at most, e.g. "60 a week"`},
	{"days", "Sending days", `e.g. "Mon-Fri", "Mon, Wed, Fri" or "weekends too"`},
	{"tz", "Time zone", `an IANA name, e.g. "Europe/Berlin" or "America/New_York"`},
	{"time", "Reminder time", `e.g. "8:30" or "9am"`},
	{"news", "News", `a line for follow-ups, e.g. "I've just relaunched my website" ("none" clears it)`},
}

// settings shows every setting, or applies "/settings 15 a day".
func (t *turn) settings(arg string) error {
	if strings.TrimSpace(arg) != "" {
		return t.changeSettings(arg, "")
	}
	s := t.user.Settings
	account := "free (200-character notes, " + itoa(s.NotesPerMonth) + " a month)"
	if s.Premium {
		account = "Premium (300-character notes, no monthly limit)"
	}
	days, _ := parseDays(s.SendingDays)
	news := s.News
	if news == "" {
		news = "(none)"
	}
	m := new(text).bold("Your settings").
		plain("\nName: " + s.Name + "\nAccount: " + account).
		plain(fmt.Sprintf("\nBatch: %d a day · weekly cap %d\nSending days: %s\nReminder: %s (%s)\nNews: %s",
			s.BatchSize, s.WeeklyCap, days, s.ReminderTime, s.TimeZone, news)).
		plain("\n\nChange one with a button, or say it in plain words: \"15 a day\", \"time zone Europe/Berlin\", \"remind me at 8:30\", \"weekends too\".")
	var cs []Choice
	for _, f := range settingFields {
		cs = append(cs, choice(f.label, "st", f.key))
	}
	t.state.Step, t.state.Kind = StepSettings, ""
	t.say(m.message(cs...))
	return nil
}

// askSetting waits for one setting's new value.
func (t *turn) askSetting(key string) error {
	for _, f := range settingFields {
		if f.key == key {
			t.state.Step, t.state.Kind = StepSettings, key
			t.sayText("Type " + f.example + ".")
			return nil
		}
	}
	return t.settings("")
}

var (
	numRe     = regexp.MustCompile(`\b(\d{1,3})\b`)
	timeRe    = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s|$)`)
	tzRe      = regexp.MustCompile(`\b([A-Za-z]+(?:/[A-Za-z0-9_+\-]+)+|UTC|GMT)\b`)
	prefixRes = map[string]*regexp.Regexp{
		"name": regexp.MustCompile(`(?i)^(?:my\s+)?(?:name(?:\s+is)?|sign(?:\s+as)?|signature)\s*[:=]?\s*(.+)$`),
		"news": regexp.MustCompile(`(?i)^(?:my\s+)?news\s*[:=]?\s*(.+)$`),
	}
)

// changeSettings applies settings said in plain words. key narrows the
// reading when the user pressed a setting's button first.
func (t *turn) changeSettings(s, key string) error {
	s = strings.TrimSpace(s)
	if key == "" {
		key = settingKey(s)
	}
	if key == "" {
		t.sayText(`I didn't catch which setting. Try "15 a day", "60 a week", "weekends too", "time zone Europe/Berlin", "remind me at 8:30", "name Alex Morgan", "premium" or "news: I've just relaunched my website".`)
		return nil
	}
	msg, err := applySetting(&t.user.Settings, key, s)
	if err != nil {
		t.sayText(err.Error())
		return nil
	}
	if key == "time" || key == "tz" || key == "days" {
		// A time that has passed today sends today's reminder now, without
		// the apology for being late (see reminder).
		t.user.Settings.ReminderSetAt = t.now()
	}
	t.state.Step, t.state.Kind = StepIdle, ""
	t.sayText(msg)
	return nil
}

// settingKey guesses which setting a sentence changes.
func settingKey(s string) string {
	norm := normalise(s)
	switch {
	case prefixRes["news"].MatchString(s):
		return "news"
	case prefixRes["name"].MatchString(s):
		return "name"
	case hasAny(norm, []string{"premium", "free account", "sales navigator", "free"}):
		return "account"
	case hasAny(norm, []string{"time zone", "timezone", "tz"}) || tzRe.MatchString(s) && strings.Contains(s, "/"):
		return "tz"
	case hasAny(norm, []string{"remind", "reminder", "am", "pm"}) || regexp.MustCompile(`\d[:.h]\d\d`).MatchString(s):
		return "time"
	case hasAny(norm, []string{"a week", "per week", "weekly", "cap", "week"}):
		return "cap"
	case hasAny(norm, []string{"a day", "per day", "daily", "batch", "day"}) && numRe.MatchString(s):
		return "batch"
	case hasAny(norm, []string{"weekend", "weekends", "every day", "weekdays", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "days"}):
		return "days"
	}
	return ""
}

// applySetting changes one setting from words, returning the confirmation
// or an error whose text says what is expected, with an example.
func applySetting(st *Settings, key, s string) (string, error) {
	switch key {
	case "name":
		v := s
		if m := prefixRes["name"].FindStringSubmatch(s); m != nil {
			v = m[1]
		}
		if v = cleanName(v); v == "" {
			return "", fmt.Errorf(`Type the name your notes are signed with, e.g. "name Alex Morgan".`)
		}
		st.Name = v
		return "Your notes are signed " + v + ".", nil
	case "account":
		norm := normalise(s)
		st.Premium = has(norm, "premium") || has(norm, "sales navigator")
		if st.Premium {
			return "Premium: notes up to 300 characters, no monthly limit.", nil
		}
		return fmt.Sprintf("Free account: notes up to 200 characters, %d a month.", st.NotesPerMonth), nil
	case "batch":
		n, err := number(s, 1, maxBatchSize, `a batch size from 1 to %d a day, e.g. "15 a day"`)
		if err != nil {
			return "", err
		}
		st.BatchSize = n
		return fmt.Sprintf("Batches of %d a day, from the next batch on.", n), nil
	case "cap":
		n, err := number(s, 1, maxWeeklyCap, `a weekly cap from 1 to %d, e.g. "60 a week" (LinkedIn restricts accounts at about 100)`)
		if err != nil {
			return "", err
		}
		st.WeeklyCap = n
		return fmt.Sprintf("At most %d invitations a week.", n), nil
	case "days":
		w, err := parseDays(strings.TrimPrefix(strings.TrimSpace(s), "days"))
		if err != nil {
			return "", fmt.Errorf(`I didn't understand those days. Try "Mon-Fri", "Mon, Wed, Fri" or "weekends too".`)
		}
		st.SendingDays = w.String()
		return "Sending days: " + w.String() + ".", nil
	case "tz":
		m := tzRe.FindString(s)
		loc, err := time.LoadLocation(m)
		if m == "" || err != nil {
			return "", fmt.Errorf(`I don't know that time zone. Use an IANA name, e.g. "time zone Europe/Berlin" or "America/New_York".`)
		}
		st.TimeZone = loc.String()
		return "Time zone: " + st.TimeZone + ".", nil
	case "time":
		hm, err := clock(s)
		if err != nil {
			return "", err
		}
		st.ReminderTime = hm
		return "I'll remind you at " + hm + " (" + st.TimeZone + ").", nil
	case "news":
		v := s
		if m := prefixRes["news"].FindStringSubmatch(s); m != nil {
			v = m[1]
		}
		v = cleanContext(v)
		if isNoContext(v) || strings.EqualFold(v, "no news") {
			st.News = ""
			return "No news line in follow-ups.", nil
		}
		st.News = truncate(v, 200)
		return "Your follow-ups will mention: " + st.News, nil
	}
	return "", fmt.Errorf("unknown setting")
}

// number reads one whole number within [lo, hi].
func number(s string, lo, hi int, expect string) (int, error) {
	m := numRe.FindString(s)
	n, err := strconv.Atoi(m)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("I need "+expect+".", hi)
	}
	return n, nil
}

// clock reads "8:30", "08.30", "9am", "6:15 pm" as HH:MM.
func clock(s string) (string, error) {
	bad := fmt.Errorf(`I need a time of day, e.g. "remind me at 8:30" or "9am".`)
	m := timeRe.FindStringSubmatch(s + " ")
	if m == nil {
		return "", bad
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	switch strings.ToLower(strings.ReplaceAll(m[3], ".", "")) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 || min > 59 {
		return "", bad
	}
	return fmt.Sprintf("%02d:%02d", h, min), nil
}
