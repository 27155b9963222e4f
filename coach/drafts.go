package coach

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rapport-bot/rapport/prompts"
)

// maxDraftsListed bounds one /drafts reply; /drafts N shows any one person.
const maxDraftsListed = 50

// drafts lists every planned person with plan and draft, or with an
// argument N shows person N with buttons to change plan or draft.
func (t *turn) drafts(arg string) error {
	people, err := t.tx.People(t.ctx, PeopleFilter{Planned: true})
	if err != nil {
		return fmt.Errorf("list drafts: %w", err)
	}
	if len(people) == 0 {
		t.sayText("No drafts yet: once we've talked about someone, their plan and draft appear here.")
		return t.resume()
	}
	b, err := t.notesBudget(Person{})
	if err != nil {
		return err
	}
	if arg != "" {
		n, err := strconv.Atoi(strings.TrimSpace(arg))
		if err != nil || n < 1 || n > len(people) {
			t.sayText(fmt.Sprintf("Give a number from 1 to %d, for example /drafts 1.", len(people)))
			return nil
		}
		t.showDraft(people[n-1], b)
		return nil
	}
	m := new(text).bold(plural(len(people), "draft", "drafts")).plain(" · " + b.String() + "\n")
	for i, p := range people {
		if i == maxDraftsListed {
			m.plain(fmt.Sprintf("\n…and %d more: /drafts %d shows number %d.", len(people)-i, i+1, i+1))
			break
		}
		t.draftEntry(m, i+1, p)
	}
	m.plain("\n/drafts N to change a plan, get another variant or a shorter draft.")
	t.say(m.message())
	return nil
}

// draftEntry writes one person of the /drafts list.
func (t *turn) draftEntry(m *text, n int, p Person) {
	m.plain(fmt.Sprintf("\n%d. ", n)).bold(p.Name()).plain(" — " + planLabel(p.Plan))
	if p.Draft != "" {
		if p.DraftKind == string(prompts.KindNote) {
			m.plain(fmt.Sprintf(" (%d/%d characters)", utf8.RuneCountInString(p.Draft), prompts.Limit(prompts.KindNote, t.user.Settings.Premium)))
		}
		m.plain("\n" + indent(p.Draft) + "\n")
	}
}

func indent(s string) string {
	return "   " + strings.ReplaceAll(s, "\n", "\n   ")
}

// showDraft shows one person's plan and draft with buttons to change them.
func (t *turn) showDraft(p Person, b budget) {
	m := new(text).bold(p.Name()).plain(" — " + planLabel(p.Plan) + " · " + b.String())
	if p.Context != "" {
		m.plain("\nContext: " + p.Context)
	}
	if p.Draft != "" {
		m.plain("\n\n" + p.Draft)
	}
	pid := id(p.ID)
	choices := []Choice{choice("Another variant", "dr", pid, "variant"), choice("Shorter", "dr", pid, "shorter")}
	for _, alt := range []struct {
		plan  Plan
		label string
		op    string
	}{
		{PlanInviteNote, "Invite with a note", "note"},
		{PlanInviteThenMessage, "Invite, message later", "message"},
		{PlanEmailFirst, "Email first", "email"},
		{PlanSkip, "Skip", "skip"},
	} {
		if alt.plan != p.Plan {
			choices = append(choices, choice(alt.label, "dr", pid, alt.op))
		}
	}
	t.say(m.message(choices...))
}

// draftOp applies a /drafts button: another variant, shorter, or a plan.
func (t *turn) draftOp(pid int64, op string) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	b, err := t.notesBudget(p)
	if err != nil {
		return err
	}
	switch op {
	case "variant":
		p.Variant++
		if err := t.draft(&p); err != nil {
			return err
		}
	case "shorter":
		if !t.shorten(&p) {
			t.sayText("That draft is as short as I can make it without losing the greeting or your name.")
			return nil
		}
	default:
		plan := map[string]Plan{"note": PlanInviteNote, "message": PlanInviteThenMessage, "email": PlanEmailFirst, "skip": PlanSkip}[op]
		if plan == "" {
			return t.resume()
		}
		if plan == PlanInviteNote && !b.Unlimited && b.Left == 0 {
			t.sayText(fmt.Sprintf("All %d notes of this month are planned. Change someone else's plan first, or invite %s without a note and send a message once they accept.", b.Total, greetingName(p)))
			return nil
		}
		p.Plan, p.PlanByUser = plan, true
		if err := t.draft(&p); err != nil {
			return err
		}
	}
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	nb, err := t.notesBudget(Person{})
	if err != nil {
		return err
	}
	t.showDraft(p, nb)
	return nil
}

// shorten renders p's draft again, one step shorter than it is now.
func (t *turn) shorten(p *Person) bool {
	kind := draftKind(p.Plan)
	if kind == "" {
		return false
	}
	src, err := t.templateSource(templateSegment(p.Segment), kind, p.Variant)
	if err != nil {
		return false
	}
	data, err := t.draftData(*p)
	if err != nil {
		return false
	}
	cur := utf8.RuneCountInString(p.Draft)
	limit := prompts.Limit(kind, t.user.Settings.Premium)
	for step := 1; step <= 8; step++ {
		out, err := prompts.Shorter(src, data, limit, step)
		if utf8.RuneCountInString(out) < cur && out != "" {
			p.Draft = out
			return true
		}
		if err != nil {
			return false
		}
	}
	return false
}

// draftsFor shows one person's plan and draft with the options of /drafts N.
func (t *turn) draftsFor(pid int64) error {
	p, err := t.tx.Person(t.ctx, pid)
	if err != nil {
		t.sayText("That person is no longer in your list.")
		return nil
	}
	b, err := t.notesBudget(Person{})
	if err != nil {
		return err
	}
	t.showDraft(p, b)
	return nil
}
