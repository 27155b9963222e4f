package coach

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/rapport-bot/rapport/intake"
)

// maxPeopleListed bounds one /people reply.
const maxPeopleListed = 20

// people lists or searches people with their plan and status; each is a
// button that opens them.
func (t *turn) people(search string) error {
	f := PeopleFilter{Search: strings.TrimSpace(search), Limit: maxPeopleListed}
	found, err := t.tx.People(t.ctx, f)
	if err != nil {
		return fmt.Errorf("list people: %w", err)
	}
	total, err := t.tx.CountPeople(t.ctx, f)
	if err != nil {
		return fmt.Errorf("count people: %w", err)
	}
	if total == 0 {
		if f.Search != "" {
			t.sayText("Nobody matches \"" + f.Search + "\". /people lists everyone.")
		} else {
			t.sayText("No people yet. Paste a list, or /add Jane Doe, Acme.")
		}
		return nil
	}
	m := new(text).bold(plural(total, "person", "people"))
	if f.Search != "" {
		m.plain(" matching \"" + f.Search + "\"")
	}
	var cs []Choice
	for i, p := range found {
		m.plain(fmt.Sprintf("\n%d. ", i+1)).bold(p.Name())
		if p.Company != "" {
			m.plain(" · " + p.Company)
		}
		m.plain(" — " + personStatus(p))
		cs = append(cs, choice(truncate(p.Name(), 40), "pp", id(p.ID)))
	}
	if total > len(found) {
		m.plain(fmt.Sprintf("\n…and %d more: /people <name, company or email> finds anyone.", total-len(found)))
	}
	t.say(m.message(cs...))
	return nil
}

// personStatus says in a few words where a person stands.
func personStatus(p Person) string {
	switch {
	case p.NeverContact:
		return "never contact"
	case p.Triage != TriageDone:
		return "not talked about yet"
	case p.Outcome == OutcomeWithdrawn:
		return "invitation withdrawn; LinkedIn allows a new one from " + p.NotBefore
	case !p.SentAt.IsZero():
		s := "sent " + p.SentAt.Format("2 Jan")
		if p.Outcome != OutcomeNone {
			s += ", " + string(p.Outcome)
		}
		return s
	case p.LinkedIn == LinkedInConnected:
		return "already connected"
	}
	return planLabel(p.Plan)
}

// showPerson shows one person with what can be done about them.
func (t *turn) showPerson(pid int64) error {
	p, err := t.tx.Person(t.ctx, pid)
	if errors.Is(err, ErrNotFound) {
		t.sayText("That person is no longer in your list.")
		return nil
	} else if err != nil {
		return fmt.Errorf("load person: %w", err)
	}
	m := new(text).bold(p.Name()).plain(" — " + personStatus(p))
	for _, f := range [][2]string{{"Greeting", p.FirstName}, {"Company", p.Company}, {"Title", p.Title}, {"Email", p.Email},
		{"Profile", p.LinkedInURL}, {"Context", p.Context}, {"Plan", planLabel(p.Plan)}} {
		if f[1] != "" {
			m.plain("\n" + f[0] + ": " + f[1])
		}
	}
	if p.Draft != "" {
		m.plain("\n\n" + p.Draft)
	}
	pid2 := id(p.ID)
	var cs []Choice
	if !p.SentAt.IsZero() {
		cs = append(cs, choice("Accepted", "po", pid2, "accepted"), choice("Still pending", "po", pid2, "pending"), choice("Ignored", "po", pid2, "ignored"))
	}
	cs = append(cs, choice("Greeting name", "pe", pid2, "first"), choice("Company", "pe", pid2, "company"),
		choice("Context", "pe", pid2, "context"), choice("Profile URL", "pe", pid2, "url"))
	if p.Triage == TriageDone {
		cs = append(cs, choice("Plan and draft", "pd", pid2))
	}
	if p.NeverContact {
		cs = append(cs, choice("Allow contact again", "pn", pid2, "off"))
	} else {
		cs = append(cs, choice("Never contact", "pn", pid2, "on"))
	}
	cs = append(cs, choice("Delete", "px", pid2))
	t.say(m.message(cs...))
	return nil
}

// personOutcome records what came of an invitation.
func (t *turn) personOutcome(pid int64, o Outcome) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil || p.SentAt.IsZero() {
		t.sayText("I have no sent invitation for that person.")
		return nil
	}
	p.Outcome, p.OutcomeAt = o, t.now()
	if o == OutcomeWithdrawn {
		// LinkedIn blocks a new invitation to them for three weeks.
		p.NotBefore = dayOf(t.now(), location(t.user.Settings.TimeZone)).addDays(relockDays).String()
	}
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save outcome: %w", err)
	}
	m := new(text).plain("Noted: " + greetingName(p) + " " + string(o) + ".")
	if o == OutcomeWithdrawn {
		m.plain(" LinkedIn won't let you invite them again before " + p.NotBefore + "; I'll keep that in mind.")
	}
	if o == OutcomeAccepted && p.Plan == PlanInviteThenMessage && p.Draft != "" {
		m.plain(" Now is the time for your message:\n").plain(p.Draft)
	}
	t.say(m.message())
	return nil
}

// editPerson waits for a corrected value of one field.
func (t *turn) editPerson(pid int64, field string) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	t.state.Step, t.state.PersonID, t.state.Kind = StepPersonEdit, p.ID, field
	label := map[string]string{"first": "the name to greet them with", "company": "their company", "context": "what to mention (where you met, a project you shared)", "url": "their LinkedIn profile URL"}[field]
	t.sayText("Type " + label + " for " + p.Name() + ", or - to clear it. /next to cancel.")
	return nil
}

// answerPersonEdit stores a corrected field and redrafts.
func (t *turn) answerPersonEdit(s string) error {
	p, err := t.tx.Person(t.ctx, t.state.PersonID)
	if err != nil {
		t.state.Step = StepIdle
		return t.resume()
	}
	v := cleanContext(s)
	if v == "-" {
		v = ""
	}
	switch t.state.Kind {
	case "first":
		p.FirstName = cleanName(v)
	case "company":
		p.Company = cleanName(v)
	case "context":
		p.Context, p.ContextDone = v, true
	case "url":
		u := intake.NormalizeLinkedInURL(v)
		if v != "" && u == "" {
			t.sayText("That is not a LinkedIn profile URL. It looks like https://www.linkedin.com/in/jane-doe — type it again, or /next to cancel.")
			return nil
		}
		p.LinkedInURL = u
	}
	if p.Triage == TriageDone {
		if err := t.draft(&p); err != nil {
			return err
		}
	}
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	t.state.Step, t.state.Kind = StepIdle, ""
	t.sayText("Saved.")
	return t.showPerson(p.ID)
}

// neverContact marks or unmarks a person as never to be contacted.
func (t *turn) neverContact(pid int64, on bool) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	p.NeverContact = on
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	if on {
		t.sayText("I'll never suggest contacting " + p.Name() + ", and a re-import won't bring them back.")
	} else {
		t.sayText(p.Name() + " can be contacted again.")
	}
	return nil
}

// deletePerson asks for confirmation, then deletes.
func (t *turn) deletePerson(pid int64, confirmed bool) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	if !confirmed {
		t.say(new(text).plain("Delete ").bold(p.Name()).plain(" and everything about them? A re-import would bring them back as new; \"Never contact\" keeps them out for good.").
			message(choice("Yes, delete", "px", id(pid), "yes"), choice("Keep", "pp", id(pid))))
		return nil
	}
	if err := t.tx.DeletePerson(t.ctx, pid); err != nil {
		return fmt.Errorf("delete person: %w", err)
	}
	if t.state.PersonID == pid {
		t.state.PersonID, t.state.Step = 0, StepIdle
	}
	t.sayText("Deleted " + p.Name() + ".")
	return nil
}

// add adds one person by hand ("/add Jane Doe, Acme") and talks about them.
func (t *turn) add(line string) error {
	if strings.TrimSpace(line) == "" {
		t.sayText("Who? For example: /add Jane Doe, Acme — or with an email: /add Jane Doe <jane@acme.com>.")
		return nil
	}
	res, err := intake.Parse(context.WithoutCancel(t.ctx), strings.NewReader(line), intake.Options{})
	if err != nil || len(res.Contacts) == 0 {
		t.sayText("I couldn't read a person in that. Try: /add Jane Doe, Acme")
		return nil
	}
	p := personFromContact(res.Contacts[0], Import{}, t.now())
	p.Source = "added by hand"
	if old, found, err := t.findKnown(p); err != nil {
		return err
	} else if found {
		t.sayText("I already know " + old.Name() + ".")
		return t.showPerson(old.ID)
	}
	if err := t.tx.AddPeople(t.ctx, []*Person{p}); err != nil {
		return fmt.Errorf("add person: %w", err)
	}
	t.sayText("Added " + p.Name() + ".")
	t.state.PersonID = 0
	return t.askPerson(*p)
}
