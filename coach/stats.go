package coach

import (
	"fmt"
	"slices"
)

// tally counts invitations and their outcomes for one group of people.
type tally struct{ sent, accepted, ignored int }

func (t tally) rate() string {
	answered := t.accepted + t.ignored
	if answered == 0 {
		return "no answers yet"
	}
	return fmt.Sprintf("%d%% accepted (%d of %d answered)", 100*t.accepted/answered, t.accepted, answered)
}

// stats shows progress, acceptance per segment and per plan, and the
// notes budget.
func (t *turn) stats() error {
	people, err := t.tx.People(t.ctx, PeopleFilter{})
	if err != nil {
		return fmt.Errorf("list people: %w", err)
	}
	var total, triaged, planned, sent, accepted int
	bySegment, byPlan := map[Segment]*tally{}, map[Plan]*tally{}
	for _, p := range people {
		total++
		if p.Triage == TriageDone {
			triaged++
		}
		if p.Triage == TriageDone && p.Plan != PlanSkip && p.Plan != PlanNone {
			planned++
		}
		if p.SentAt.IsZero() {
			continue
		}
		sent++
		for _, tl := range []*tally{get(bySegment, p.Segment), get(byPlan, p.Plan)} {
			tl.sent++
			switch p.Outcome {
			case OutcomeAccepted:
				tl.accepted++
			case OutcomeIgnored:
				tl.ignored++
			}
		}
		if p.Outcome == OutcomeAccepted {
			accepted++
		}
	}
	b, err := t.notesBudget(Person{})
	if err != nil {
		return err
	}
	m := new(text).bold("Progress").
		plain(fmt.Sprintf("\n%d people · %d talked about · %d planned · %d sent · %d accepted\n%s",
			total, triaged, planned, sent, accepted, capitalise(b.String())))
	if sent > 0 {
		m.plain("\n\n").bold("Acceptance by relationship")
		for _, s := range append(slices.Clone(segmentOrder), SegmentUnknown) {
			if tl, ok := bySegment[s]; ok {
				m.plain(fmt.Sprintf("\n%s: %d sent, %s", segmentLabel(s), tl.sent, tl.rate()))
			}
		}
		m.plain("\n\n").bold("Acceptance by plan")
		for _, pl := range []Plan{PlanInviteNote, PlanInviteThenMessage, PlanEmailFirst, PlanEmailInvite} {
			if tl, ok := byPlan[pl]; ok {
				m.plain(fmt.Sprintf("\n%s: %d sent, %s", planLabel(pl), tl.sent, tl.rate()))
			}
		}
	}
	t.say(m.message())
	return nil
}

func get[K comparable](m map[K]*tally, k K) *tally {
	if m[k] == nil {
		m[k] = &tally{}
	}
	return m[k]
}

func segmentLabel(s Segment) string {
	switch s {
	case SegmentClient:
		return "Clients"
	case SegmentColleague:
		return "Former colleagues"
	case SegmentGroup:
		return "Group or chamber"
	case SegmentEvent:
		return "Met at an event"
	case SegmentFriend:
		return "Friends"
	case SegmentOther:
		return "Other"
	}
	return "Don't remember"
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
