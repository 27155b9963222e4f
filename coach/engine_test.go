package coach_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// chat drives the engine on a real SQLite store, as an adapter would.
type chat struct {
	t     *testing.T
	e     *coach.Engine
	st    *sqlite.Store
	user  string
	last  []coach.Message
	clock *time.Time // the engine's now; tests move it
}

var fixedNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func newChat(t *testing.T) *chat {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := fixedNow
	e := coach.New(st, coach.Options{Clock: func() time.Time { return now }, Rand: func(int) int { return 0 }})
	return &chat{t: t, e: e, st: st, user: "test:1", clock: &now}
}

func (c *chat) handle(ev coach.Event) string {
	c.t.Helper()
	ev.User = c.user
	out, err := c.e.Handle(context.Background(), ev)
	if err != nil {
		c.t.Fatalf("handle %+v: %v", ev, err)
	}
	c.last = out
	var b strings.Builder
	for _, m := range out {
		b.WriteString(m.PlainText())
		b.WriteString("\n")
	}
	return b.String()
}

func (c *chat) say(text string) string { return c.handle(coach.Event{Text: text}) }

// press presses the button with this label among the last replies' choices.
func (c *chat) press(label string) string {
	c.t.Helper()
	for _, m := range c.last {
		for _, ch := range m.Choices {
			if ch.Label == label {
				return c.handle(coach.Event{Choice: ch.Value})
			}
		}
	}
	c.t.Fatalf("no button %q in the last reply", label)
	return ""
}

// choiceValue returns the value of a button of the last replies.
func (c *chat) choiceValue(label string) string {
	for _, m := range c.last {
		for _, ch := range m.Choices {
			if ch.Label == label {
				return ch.Value
			}
		}
	}
	c.t.Fatalf("no button %q", label)
	return ""
}

func (c *chat) onboard() {
	c.t.Helper()
	c.say("/start")
	c.say("Alex Morgan")
	c.press("Free")
}

func mustContain(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("reply lacks %q:\n%s", w, got)
		}
	}
}

func TestRedeliveredEventChangesNothingAndRepeatsItsReplies(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	first := c.handle(coach.Event{ID: "upd-7", Text: "client"})
	mustContain(t, first, "Would Jane recognise")
	// A crash may have kept the replies from the user: the last event's
	// redelivery sends them again, and applies nothing a second time.
	if again := c.handle(coach.Event{ID: "upd-7", Text: "client"}); again != first {
		t.Errorf("redelivery replied %q, want the first replies %q", again, first)
	}
	c.handle(coach.Event{ID: "upd-8", Text: "probably"})
	if late := c.handle(coach.Event{ID: "upd-7", Text: "client"}); late != "" {
		t.Errorf("an older event's redelivery replied %q", late)
	}
	mustContain(t, c.say("/next"), "Is Jane on LinkedIn?")
}

func TestLateButtonSaysAlreadyAnswered(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	stale := c.choiceValue("Client")
	c.press("Former colleague")
	got := c.handle(coach.Event{Choice: stale})
	mustContain(t, got, "already answered", "Would Jane recognise")
	c.press("Probably")
	c.press("On LinkedIn")
	out := c.press("Nothing to add")
	mustContain(t, out, "✓ Jane Doe", "worked together") // the note speaks to a former colleague
}

func TestUndoRestoresTheLastAnswer(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	c.say("client")
	mustContain(t, c.say("definitely"), "Is Jane on LinkedIn?")
	mustContain(t, c.say("/undo"), "Undone", "Would Jane recognise")
	mustContain(t, c.say("not sure"), "Careful")
}

func TestSkipAndComeBackLater(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	mustContain(t, c.say("/skip"), "come back to Jane later", "How do you know Bob?")
	c.say("friend")
	c.say("definitely")
	c.say("yes")
	out := c.say("nothing")
	mustContain(t, out, "✓ Bob Smith", "1 person you skipped for later")
	mustContain(t, c.say("/next"), "How do you know Jane?")
}

func TestOneAnswerForTheWholeList(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech\nCarol White - Globex")
	c.say("a mix")
	out := c.say("all of them are from the chamber")
	mustContain(t, out, "all 3 remaining", "Would Jane recognise")
	c.say("probably")
	c.say("yes")
	c.say("nothing")
	// Bob was answered by the group answer: triage starts at recognition.
	mustContain(t, c.last[len(c.last)-1].PlainText(), "Would Bob recognise")
}

func TestNotesBudgetIsShownAndNeverRunsOutSilently(t *testing.T) {
	c := newChat(t)
	c.onboard()
	var list []string
	for _, n := range []string{"Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus"} {
		list = append(list, n+" Tester - Co"+n)
	}
	c.say("/import\n" + strings.Join(list, "\n"))
	c.say("my address book")
	var outs []string
	for range list {
		c.say("client, probably")
		c.say("on linkedin")
		outs = append(outs, c.say("we worked on the rollout together"))
	}
	mustContain(t, outs[0], "4 of 5 notes left this month")
	mustContain(t, outs[4], "0 of 5 notes left this month")
	mustContain(t, outs[5], "invite without a note", "no notes left this month")
}

func TestReimportAddsNobodyAndAsksNothing(t *testing.T) {
	c := newChat(t)
	c.onboard()
	list := "/import\nJane Doe - Acme\nBob Smith - Initech"
	c.say(list)
	c.say("my address book")
	for range 2 {
		c.say("client, probably")
		c.say("yes")
		c.say("nothing")
	}
	out := c.say(list)
	mustContain(t, out, "2 of them I already know", "0 are new")
	if strings.Contains(out, "Where do these") || strings.Contains(out, "recognise") {
		t.Errorf("re-import asked again:\n%s", out)
	}
}

func TestUsersAreSeparate(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	other := *c
	other.user = "test:2"
	out := other.say("/drafts")
	if strings.Contains(out, "Jane") {
		t.Errorf("another user sees Jane:\n%s", out)
	}
}

func TestTemplateOverride(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/templates client")
	c.press("Edit note")
	mustContain(t, c.say("Hello {frist_name}"), "frist_name")
	mustContain(t, c.say("Hey {first_name}! [{context}. ]Let's connect. {my_name}"), "Saved", "Hey Jane!")
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	c.say("client, probably, we ran the spring fair")
	c.say("yes")
	mustContain(t, c.last[0].PlainText(), "Hey Jane! We ran the spring fair")
}

func TestOutOfRangeOptionIsReasked(t *testing.T) {
	c := newChat(t)
	c.onboard()
	c.say("/import\nJane Doe - Acme\nBob Smith - Initech")
	c.say("my address book")
	c.say("client, probably")
	c.say("yes")
	out := c.say("2") // the context question has one button
	mustContain(t, out, "There is no option 2 here: choose 1 to 1", "Anything personal to mention to Jane?")
	if strings.Contains(out, "✓") {
		t.Errorf("a stray number became Jane's context:\n%s", out)
	}
}
