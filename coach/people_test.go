package coach_test

import (
	"strings"
	"testing"
)

// triaged imports two clients and plans both.
func triaged(c *chat) {
	c.t.Helper()
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	for range 2 {
		c.say("client, probably, we rebuilt the shop")
		c.say("yes")
	}
}

func TestPeopleSearchAndCorrections(t *testing.T) {
	c := newChat(t)
	triaged(c)
	out := c.say("/people acme")
	mustContain(t, out, "1 person matching \"acme\"", "Jane Doe · Acme — invite with a note")
	if strings.Contains(out, "Bob") {
		t.Errorf("search for acme lists Bob:\n%s", out)
	}
	c.press("Jane Doe")
	c.press("Greeting name")
	out = c.say("Janet")
	mustContain(t, out, "Saved", "Greeting: Janet", "Hi Janet")
	c.press("Context")
	mustContain(t, c.say("we ran the spring fair together"), "We ran the spring fair together")
}

func TestNeverContactAndDelete(t *testing.T) {
	c := newChat(t)
	triaged(c)
	c.say("/people bob")
	c.press("Bob Smith")
	mustContain(t, c.press("Never contact"), "never suggest contacting Bob Smith")
	out := c.say("/batch")
	if strings.Contains(out, "Bob") {
		t.Errorf("never-contact Bob is in the batch:\n%s", out)
	}
	c.say("/people jane")
	c.press("Jane Doe")
	mustContain(t, c.press("Delete"), "Delete Jane Doe")
	mustContain(t, c.press("Yes, delete"), "Deleted Jane Doe")
	mustContain(t, c.say("/people"), "1 person", "Bob Smith")
}

func TestAddByHandStartsTriage(t *testing.T) {
	c := newChat(t)
	c.onboard()
	out := c.say("/add Jane Doe, Acme")
	mustContain(t, out, "Added Jane Doe", "How do you know Jane?")
	mustContain(t, c.say("/add Jane Doe, Acme"), "already know Jane Doe")
}

func TestSettingsInPlainWords(t *testing.T) {
	c := newChat(t)
	c.onboard()
	tests := []struct{ say, want string }{
		{"15 a day", "Batches of 15 a day"},
		{"time zone Europe/Berlin", "Time zone: Europe/Berlin"},
		{"remind me at 8:30", "remind you at 08:30 (Europe/Berlin)"},
		{"weekends too", "Sending days: every day"},
		{"60 a week", "At most 60 invitations a week"},
		{"premium", "Premium: notes up to 300"},
		{"news: I've just relaunched my website", "mention: I've just relaunched my website"},
		{"500 a day", "from 1 to 25 a day"},
		{"time zone Mars/Olympus", "Use an IANA name"},
		{"remind me at 25:99", `e.g. "remind me at 8:30"`},
	}
	for _, tt := range tests {
		mustContain(t, c.say(tt.say), tt.want)
	}
	out := c.say("/settings")
	mustContain(t, out, "Batch: 15 a day · weekly cap 60", "Sending days: every day", "Reminder: 08:30 (Europe/Berlin)", "Premium")
	c.press("Batch size")
	mustContain(t, c.say("12"), "Batches of 12 a day")
}

func TestBatchLaterAndSent(t *testing.T) {
	c := newChat(t)
	triaged(c)
	out := c.say("/batch")
	mustContain(t, out, "Today's batch · Wed 25 Nov", "1. Jane Doe", "2. Bob Smith", "3 of 5 notes left")
	c.say("/batch 1")
	mustContain(t, c.press("Later"), "Jane moves to Thu 26 Nov")
	mustContain(t, c.say("/batch"), "1. Jane Doe · Acme — later (2026-11-26)", "2. Bob Smith")
	mustContain(t, c.say("/sent 2"), "Marked 1 sent: Bob")
	mustContain(t, c.say("/sent 7"), `"7" is not a number of today's batch`)
	c.say("/people bob")
	c.press("Bob Smith")
	mustContain(t, c.press("Accepted"), "Bob accepted")
	mustContain(t, c.say("/stats"), "1 sent · 1 accepted", "Clients: 1 sent, 100% accepted (1 of 1 answered)")
}

func TestForgetAsksFirstAndKeepsOtherUsers(t *testing.T) {
	c := newChat(t)
	triaged(c)
	other := *c
	other.user = "test:2"
	other.onboard()
	other.say("/import\nZed Zulu - Zeta\nYan Yu - Ypsilon")
	mustContain(t, c.say("/forget"), "Delete everything?", "2 people")
	mustContain(t, c.say("no"), "Kept everything")
	mustContain(t, c.say("/people"), "2 people")
	c.say("/forget")
	mustContain(t, c.press("Yes, delete everything"), "deleted everything")
	mustContain(t, c.say("/people"), "No people yet")
	mustContain(t, other.say("/people"), "2 people", "Zed Zulu")
}
