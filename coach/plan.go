package coach

import (
	"fmt"
)

// budget is the notes budget of a free LinkedIn account: notes a month, and
// how many are still free. Premium accounts have no budget (Unlimited).
type budget struct {
	Total, Left int
	Unlimited   bool
}

func (b budget) String() string {
	if b.Unlimited {
		return "notes: no monthly limit (Premium)"
	}
	return fmt.Sprintf("%d of %d notes left this month", b.Left, b.Total)
}

// notesBudget is the month's notes budget: notes sent this (local) month
// and notes planned but not yet sent count against it. except is a person
// whose own note is being re-planned (zero Person for none).
func (t *turn) notesBudget(except Person) (budget, error) {
	s := t.user.Settings
	if s.Premium {
		return budget{Unlimited: true}, nil
	}
	withNote, err := t.tx.People(t.ctx, PeopleFilter{Plan: PlanInviteNote})
	if err != nil {
		return budget{}, fmt.Errorf("list notes: %w", err)
	}
	month := dayOf(t.now(), location(s.TimeZone)).monthStart()
	used := 0
	for _, p := range withNote {
		switch {
		case p.ID == except.ID:
		case p.SentAt.IsZero() && !p.NeverContact && p.Triage == TriageDone:
			used++
		case !p.SentAt.IsZero() && !p.SentAt.Before(month):
			used++
		}
	}
	return budget{Total: s.NotesPerMonth, Left: max(s.NotesPerMonth-used, 0)}, nil
}

// choosePlan picks how to reach p (PRODUCT.md flow 4, LINKEDIN.md): notes go
// where context matters most — people who will probably, not certainly,
// recognise the user; people who certainly will get a plain invitation and
// a message once they accept; uncertain people an email first. A plan the
// user chose stays, except that a note needs the budget.
func choosePlan(p Person, premium bool, notesLeft int) Plan {
	switch {
	case p.Segment == SegmentUnknown, p.LinkedIn == LinkedInConnected:
		return PlanSkip
	case p.PlanByUser && p.Plan != PlanInviteNote && p.Plan != PlanInviteThenMessage:
		return p.Plan
	case p.LinkedIn == LinkedInNotOn:
		return PlanEmailInvite
	case risky(p) && !p.PlanByUser:
		return PlanEmailFirst
	case p.PlanByUser && p.Plan == PlanInviteThenMessage:
		return PlanInviteThenMessage
	case premium:
		return PlanInviteNote
	case p.Recognition == RecognitionDefinitely && !p.PlanByUser:
		return PlanInviteThenMessage
	case notesLeft > 0:
		return PlanInviteNote
	}
	return PlanInviteThenMessage
}

// planLabel names a plan for the user.
func planLabel(p Plan) string {
	switch p {
	case PlanInviteNote:
		return "invite with a note"
	case PlanInviteThenMessage:
		return "invite without a note, then a message once they accept"
	case PlanEmailFirst:
		return "email first"
	case PlanEmailInvite:
		return "invite by email (not on LinkedIn)"
	case PlanSkip:
		return "skip"
	}
	return "no plan yet"
}

// finish plans and drafts p, closes their triage and goes on.
func (t *turn) finish(p Person) error {
	b, err := t.notesBudget(p)
	if err != nil {
		return err
	}
	want := p.Plan
	p.Plan = choosePlan(p, t.user.Settings.Premium, b.Left)
	if p.Plan == PlanInviteNote && !b.Unlimited {
		b.Left--
	}
	p.Triage = TriageDone
	if err := t.draft(&p); err != nil {
		return err
	}
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	t.sayPlan(p, b, want == PlanInviteNote && p.PlanByUser && p.Plan != PlanInviteNote || budgetSpent(p, b))
	t.state.PersonID = 0
	return t.resume()
}

// budgetSpent reports whether p would have had a note but for the budget.
func budgetSpent(p Person, b budget) bool {
	return !b.Unlimited && b.Left == 0 && p.Plan == PlanInviteThenMessage && p.Recognition == RecognitionProbably
}

// sayPlan shows p's plan and draft.
func (t *turn) sayPlan(p Person, b budget, noNotes bool) {
	m := new(text).plain("✓ ").bold(p.Name()).plain(": " + planLabel(p.Plan))
	switch {
	case p.Segment == SegmentUnknown:
		m.plain(" (you don't remember them, so I won't suggest contacting them)")
	case p.LinkedIn == LinkedInConnected:
		m.plain(" (already connected)")
	case p.Plan == PlanInviteNote:
		m.plain(" · " + b.String())
	case noNotes:
		m.plain(" · no notes left this month, so no note this time")
	}
	m.plain(".")
	if p.Draft != "" {
		m.plain("\n" + draftIntro(p.Plan) + "\n").plain(p.Draft)
	}
	if p.Plan == PlanEmailFirst && p.Email == "" || p.Plan == PlanEmailInvite && p.Email == "" {
		m.plain("\nI have no email address for them: a LinkedIn search or a mutual contact may find one.")
	}
	t.say(m.message())
}

func draftIntro(p Plan) string {
	switch p {
	case PlanInviteNote:
		return "Note:"
	case PlanInviteThenMessage:
		return "Message for after they accept:"
	case PlanEmailFirst, PlanEmailInvite:
		return "Email:"
	}
	return "Draft:"
}
