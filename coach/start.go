package coach

import (
	"strings"
	"unicode"
)

const welcome = `Hi, I'm Rapport. I help you turn a big, messy contact list into a few personal LinkedIn invitations a day.

The one rule: invite only people who will recognise your name at once, with a note that sounds like you. LinkedIn restricts accounts whose invitations are answered "I don't know this person", so I'll ask how you know each person, plan the safest way to reach them, and draft the note. I never log in to LinkedIn: you copy the note and click Connect.`

// start greets the user and asks the few settings drafting needs.
func (t *turn) start() error {
	t.say(new(text).plain(welcome).message())
	return t.askName()
}

func (t *turn) askName() error {
	t.state.Step = StepOnboardName
	offer := cleanName(t.user.Settings.Name)
	if offer == "" {
		offer = cleanName(t.displayName)
	}
	t.state.Offer = offer
	m := new(text).bold("How should I sign your notes?").plain(" Type your name as your contacts know it")
	if offer == "" {
		t.say(m.plain(".").message())
		return nil
	}
	t.say(m.plain(", or keep ").bold(offer).plain(".").message(choice("Keep "+truncate(offer, 40), "on")))
	return nil
}

// answerName stores the signature and moves on to the account question.
func (t *turn) answerName(s string) error {
	name := cleanName(s)
	if name == "" {
		t.sayText("I need a name to sign your notes with, for example: Alex Morgan.")
		return t.askName()
	}
	t.user.Settings.Name = name
	t.state.Offer = ""
	return t.askAccount()
}

func (t *turn) askAccount() error {
	t.state.Step = StepOnboardAccount
	t.say(new(text).bold("Is your LinkedIn account free or Premium?").
		plain(" Free accounts can add a 200-character note to about 5 invitations a month; Premium allows 300 characters and no monthly limit.").
		message(choice("Free", "ac", "free"), choice("Premium", "ac", "premium")))
	return nil
}

// answerAccount stores the account type, finishes onboarding and resumes.
func (t *turn) answerAccount(s string) error {
	norm := normalise(s)
	switch {
	case has(norm, "premium") || has(norm, "sales navigator") || has(norm, "paid") || has(norm, "business"):
		t.user.Settings.Premium = true
	case has(norm, "free") || has(norm, "basic") || has(norm, "normal") || has(norm, "no"):
		t.user.Settings.Premium = false
	default:
		t.sayText(`Please answer "free" or "premium" (or 1 or 2).`)
		return t.askAccount()
	}
	t.user.Settings.Onboarded = true
	noCatchUpToday(&t.user.Settings, t.now())
	t.state.Step = StepIdle
	s2 := t.user.Settings
	m := new(text).plain("Thanks, " + firstWord(s2.Name) + ". Your notes: ")
	if s2.Premium {
		m.plain("up to 300 characters, no monthly limit.")
	} else {
		m.plain("up to 200 characters, ").plain(itoa(s2.NotesPerMonth)).plain(" a month.")
	}
	m.plain(" Batches: " + itoa(s2.BatchSize) + " invitations a day, " + s2.SendingDays + ", reminder at " + s2.ReminderTime + " (" + s2.TimeZone + ").")
	t.say(m.message())
	return t.resume()
}

// cleanName keeps a signature to one tidy line of at most 60 characters.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return truncate(strings.Join(strings.Fields(s), " "), 60)
}

// truncate cuts s to at most n characters, at a word boundary when it can.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "there"
	}
	return f[0]
}

const helpText = `What I understand, on every platform:
/start  your name and LinkedIn account type
/import  paste a list after it (one person a line), or just send a CSV or vCard file
/next  the next person to talk about
/skip  skip this person for now (I'll come back to them)
/undo  take back your last answer
/drafts  every plan and draft; /drafts 3 for one person, with options
/batch  today's invitations, ready to copy; /batch 2 for more on number 2
/sent  mark invitations sent: /sent all, /sent 1 3 4
/people  list or find people: /people acme
/add  add one person: /add Jane Doe, Acme
/settings  name, account, batch size, weekly cap, days, time zone, reminder, news
/stats  progress and what works for you
/templates  see or change the notes I draft from
/pause, /resume  stop and restart the daily reminders
/warned  LinkedIn warned you: a week's pause, then half pace
/export  a spreadsheet (CSV) of everything
/forget  delete everything I have of you
/help  this list

Answer my questions with the buttons, their numbers, or in your own words: "old client, knows me well, we rebuilt the Acme site" answers three at once. "All of them are from the chamber" answers for the whole list. Settings work in plain words too: "15 a day", "remind me at 8:30", "weekends too".`

func (t *turn) help() {
	t.say(new(text).plain(helpText).message())
}
