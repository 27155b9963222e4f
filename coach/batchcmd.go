package coach

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// loadBatch works out the day's batch and saves the numbers of people newly
// placed in it, so the batch stays fixed. Once the day's batch is full it
// reads only that batch, the sent invitations (for the pace) and the email
// plans, not every queued person.
func (t *turn) loadBatch() (batchPlan, error) {
	s := t.user.Settings
	people, err := t.pacingPeople(batchDay(s, t.now()).String())
	if err != nil {
		return batchPlan{}, err
	}
	events, err := t.eventDates(people)
	if err != nil {
		return batchPlan{}, err
	}
	b := planBatch(people, events, s, t.now())
	if len(b.People) < b.Size {
		// Room left: read the people planned for an invitation too (through
		// the plan index: not the untriaged, skipped or emailed).
		if people, err = t.morePeople(people, PeopleFilter{Plan: PlanInviteNote}, PeopleFilter{Plan: PlanInviteThenMessage}); err != nil {
			return batchPlan{}, err
		}
		if events, err = t.eventDates(people); err != nil {
			return batchPlan{}, err
		}
		b = planBatch(people, events, s, t.now())
	}
	for _, p := range b.Fresh {
		if err := t.tx.SavePerson(t.ctx, p); err != nil {
			return batchPlan{}, fmt.Errorf("fix batch: %w", err)
		}
	}
	return b, nil
}

// pacingPeople reads the people a full batch needs: those fixed in the
// day's batch, every sent invitation, and the email plans.
func (t *turn) pacingPeople(day string) ([]Person, error) {
	return t.morePeople(nil, PeopleFilter{BatchDay: day}, PeopleFilter{Sent: true},
		PeopleFilter{Plan: PlanEmailFirst}, PeopleFilter{Plan: PlanEmailInvite})
}

// morePeople adds to have the people each filter selects, once each.
func (t *turn) morePeople(have []Person, filters ...PeopleFilter) ([]Person, error) {
	seen := make(map[int64]bool, len(have))
	for _, p := range have {
		seen[p.ID] = true
	}
	for _, f := range filters {
		ps, err := t.tx.People(t.ctx, f)
		if err != nil {
			return nil, fmt.Errorf("list people: %w", err)
		}
		for _, p := range ps {
			if !seen[p.ID] {
				seen[p.ID] = true
				have = append(have, p)
			}
		}
	}
	return have, nil
}

// eventDates maps the imports of people to their event dates.
func (t *turn) eventDates(people []Person) (map[int64]string, error) {
	dates := map[int64]string{}
	for _, p := range people {
		if _, seen := dates[p.ImportID]; seen || p.ImportID == 0 {
			continue
		}
		im, err := t.tx.Import(t.ctx, p.ImportID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return nil, fmt.Errorf("load import: %w", err)
		}
		dates[p.ImportID] = im.EventDate
	}
	return dates, nil
}

// batch shows the day's batch; "/batch N" shows number N with its options.
func (t *turn) batch(arg string) error {
	b, err := t.loadBatch()
	if err != nil {
		return err
	}
	if arg != "" {
		n, err := strconv.Atoi(strings.TrimSpace(arg))
		if err != nil || n < 1 || n > len(b.People) {
			t.sayText(fmt.Sprintf("Give a number from today's batch, 1 to %d: /batch 2.", len(b.People)))
			return nil
		}
		t.batchPerson(b, b.People[n-1])
		return nil
	}
	t.showBatch(b)
	return nil
}

// showBatch writes the batch: a header with the pace, each person with the
// draft ready to copy and a link to find them, and the email list.
func (t *turn) showBatch(b batchPlan) {
	m := new(text)
	if b.Today {
		m.bold("Today's batch · " + b.Day.label())
	} else {
		m.plain("No sending today. ").bold("Next batch · " + b.Day.label())
	}
	m.plain(fmt.Sprintf(" · %s · %d of %d left this week", plural(len(b.People), "invitation", "invitations"), b.CapLeft, t.user.Settings.WeeklyCap))
	if nb, err := t.notesBudget(Person{}); err == nil {
		m.plain(" · " + nb.String())
	}
	if b.SlowDown {
		m.plain(fmt.Sprintf("\nI halved the batch: only %d of your last %d answered invitations were accepted. Fewer, better-chosen invitations keep your account safe.", b.Accepted, b.Answered))
	}
	if b.HalfPace {
		m.plain("\nHalf pace for now, since LinkedIn warned you. It goes back to normal by itself.")
	}
	if len(b.People) == 0 {
		m.plain("\n\nNobody is waiting for an invitation. ")
		if b.CapLeft == 0 {
			m.plain("You reached your weekly cap; the next batch comes when the week rolls on.")
		} else {
			m.plain("Paste a list of people or /next to plan more.")
		}
	}
	var unsent []Choice
	for i, p := range b.People {
		t.batchEntry(m, i+1, p, b)
		if p.SentAt.IsZero() && p.Plan != PlanSkip {
			unsent = append(unsent, choice(fmt.Sprintf("Sent %d", i+1), "bs", id(p.ID)))
		}
	}
	t.emailList(m, b.Emails)
	if len(unsent) > 0 {
		m.plain("\n\nSent some? /sent 1 3 4 or the buttons. /batch 2 for more about number 2 (can't find, already connected, later, skip).")
		unsent = append([]Choice{choice("All sent", "bs", "all")}, unsent...)
	}
	t.say(m.message(unsent...))
}

// batchEntry writes one person of the batch.
func (t *turn) batchEntry(m *text, n int, p Person, b batchPlan) {
	m.plain(fmt.Sprintf("\n\n%d. ", n)).bold(p.Name())
	if p.Company != "" {
		m.plain(" · " + p.Company)
	}
	switch status := batchStatus(p, b); {
	case status != "":
		m.plain(" — " + status)
		return
	case p.Plan == PlanInviteNote && !b.NoNote[p.ID]:
		m.plain(" — invite with this note:\n").plain(p.Draft)
	case b.NoNote[p.ID]:
		m.plain(" — no notes left this month: invite without a note; I'll have a message ready for when they accept.")
	default:
		m.plain(" — invite without a note (a message follows once they accept).")
	}
	m.plain("\n").link(findLabel(p), findURL(p))
}

// batchStatus is what happened to a person of the batch today, if anything.
func batchStatus(p Person, b batchPlan) string {
	switch {
	case !p.SentAt.IsZero():
		return "✓ sent"
	case p.Plan == PlanSkip:
		return "skipped"
	case p.LinkedIn == LinkedInConnected:
		return "already connected"
	case p.Unfound:
		return "can't find them"
	case p.NeverContact:
		return "never contact"
	case b.Day.before(p.NotBefore):
		return "later (" + p.NotBefore + ")"
	}
	return ""
}

func findLabel(p Person) string {
	if p.LinkedInURL != "" {
		return "Their profile"
	}
	return "Find them on LinkedIn"
}

// findURL is the person's profile when known, else a LinkedIn people
// search for name and company: as far as Rapport goes on LinkedIn.
func findURL(p Person) string {
	if p.LinkedInURL != "" {
		return p.LinkedInURL
	}
	q := strings.TrimSpace(p.FullName + " " + p.Company)
	return "https://www.linkedin.com/search/results/people/?keywords=" + url.QueryEscape(q)
}

// emailList writes the email-first people of the day.
func (t *turn) emailList(m *text, people []Person) {
	if len(people) == 0 {
		return
	}
	m.plain("\n\n").bold("Emails first").plain(" (they may not recognise your name yet):")
	for _, p := range people {
		m.plain("\n• ").bold(p.Name())
		if p.Email != "" {
			m.plain(" · " + p.Email)
		} else {
			m.plain(" · no address yet: ").link("search", findURL(p))
		}
	}
	m.plain("\n/drafts shows their emails.")
}

// batchPerson shows one person of the batch with every option.
func (t *turn) batchPerson(b batchPlan, p Person) {
	m := new(text)
	t.batchEntry(m, p.BatchPos, p, b)
	m.spans = trimLead(m.spans)
	m.spans[0].Text = strings.TrimLeft(m.spans[0].Text, "\n")
	pid := id(p.ID)
	t.say(m.message(choice("Sent", "bs", pid), choice("Can't find them", "bo", pid, "unfound"),
		choice("Already connected", "bo", pid, "connected"), choice("Later", "bo", pid, "later"), choice("Skip", "bo", pid, "skip")))
}

// sent marks people of the day's batch sent: "all", or numbers "1 3 4".
func (t *turn) sent(arg string) error {
	b, err := t.loadBatch()
	if err != nil {
		return err
	}
	var picked []Person
	arg = strings.TrimSpace(strings.ToLower(arg))
	switch {
	case arg == "all" || arg == "":
		if arg == "" {
			t.sayText("Which ones? /sent all, or numbers from the batch: /sent 1 3 4.")
			return nil
		}
		picked = b.People
	default:
		for _, f := range strings.FieldsFunc(arg, func(r rune) bool { return r == ' ' || r == ',' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(b.People) {
				t.sayText(fmt.Sprintf("%q is not a number of today's batch (1 to %d). For example: /sent 1 3 4.", f, len(b.People)))
				return nil
			}
			picked = append(picked, b.People[n-1])
		}
	}
	return t.markSent(picked)
}

// markSent records invitations as sent now.
func (t *turn) markSent(people []Person) error {
	var names []string
	for _, p := range people {
		if !p.SentAt.IsZero() || batchStatus(p, batchPlan{}) != "" {
			continue
		}
		p.SentAt, p.Outcome, p.OutcomeAt = t.now(), OutcomePending, t.now()
		if err := t.tx.SavePerson(t.ctx, p); err != nil {
			return fmt.Errorf("mark sent: %w", err)
		}
		names = append(names, greetingName(p))
	}
	if len(names) == 0 {
		t.sayText("Those are already marked.")
		return nil
	}
	t.sayText(fmt.Sprintf("Marked %d sent: %s. I'll ask in about a week whether they accepted.", len(names), strings.Join(names, ", ")))
	return nil
}

// batchButton handles "Sent N" and "All sent".
func (t *turn) batchButton(arg string) error {
	if arg == "all" {
		return t.sent("all")
	}
	pid, _ := strconv.ParseInt(arg, 10, 64)
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	return t.markSent([]Person{p})
}

// batchOption applies "can't find", "already connected", "later", "skip".
func (t *turn) batchOption(pid int64, op string) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	switch op {
	case "unfound":
		p.Unfound = true
		t.sayText("Noted: you couldn't find " + greetingName(p) + ". If you find their profile, /people lets you add it.")
	case "connected":
		p.LinkedIn, p.Plan, p.PlanByUser = LinkedInConnected, PlanSkip, true
		t.sayText("Noted: " + greetingName(p) + " is already a connection. I won't suggest inviting them again.")
	case "later":
		days, err := parseDays(t.user.Settings.SendingDays)
		if err != nil {
			days = 0x3e
		}
		next := nextSendingDay(dayOf(t.now(), location(t.user.Settings.TimeZone)).addDays(1), days)
		p.NotBefore = next.String()
		t.sayText(greetingName(p) + " moves to " + next.label() + ".")
	case "skip":
		p.Plan, p.PlanByUser = PlanSkip, true
		t.sayText("Skipped " + greetingName(p) + ". /people can bring them back.")
	default:
		return t.resume()
	}
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	return nil
}
