package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func filterChecks() []check {
	return []check{
		{"every PeopleFilter field selects, and People, CountPeople and FirstPerson agree", filterFields},
	}
}

// filterPeople stores the people the filter cases select from and returns
// them and the IDs of the two imports.
func filterPeople(t *testing.T, s coach.Store) (ps []coach.Person, importA, importB int64) {
	importA = addImport(t, s, alice, sampleImport()).ID
	importB = addImport(t, s, alice, sampleImport()).ID
	mk := func(p coach.Person, im int64, tr coach.TriageState, pl coach.Plan) coach.Person {
		p.ImportID, p.Triage, p.Plan = im, tr, pl
		return p
	}
	stone := named("Bob Stone", "bob@y.org", "Zeta")
	stone.Emails = []string{"bob@y.org", "robert@acme.example"}
	stone.BatchDay, stone.BatchPos = "2026-11-25", 2
	cara := named("Cara 50% Off", "cara@q.com", "Foo_Bar")
	cara.BatchDay, cara.BatchPos, cara.SentAt = "2026-11-24", 1, at(5, 1)
	ps = addPeople(t, s, alice,
		mk(named("Ann Lee", "ann@x.com", "Acme"), importA, coach.TriagePending, coach.PlanNone),
		mk(stone, importA, coach.TriageDone, coach.PlanInviteNote),
		mk(named("Émile Zola", "emile@z.fr", "Les Éditions"), importB, coach.TriageLater, coach.PlanSkip),
		mk(cara, 0, coach.TriageDone, coach.PlanEmailFirst),
		mk(named("dan", "", "ACME Labs"), importB, coach.TriageDone, coach.PlanNone),
	)
	// Another user's people never match.
	addPeople(t, s, bob, mk(named("Ann Acme", "ann@x.com", "Acme"), 0, coach.TriageDone, coach.PlanInviteNote))
	return ps, importA, importB
}

func filterFields(t *testing.T, s coach.Store) {
	ps, importA, importB := filterPeople(t, s)
	cases := []struct {
		name string
		f    coach.PeopleFilter
		want []int // indexes into ps
	}{
		{"zero filter selects all", coach.PeopleFilter{}, []int{0, 1, 2, 3, 4}},
		{"import", coach.PeopleFilter{ImportID: importA}, []int{0, 1}},
		{"other import", coach.PeopleFilter{ImportID: importB}, []int{2, 4}},
		{"triage pending", coach.PeopleFilter{Triage: coach.TriagePending}, []int{0}},
		{"triage done", coach.PeopleFilter{Triage: coach.TriageDone}, []int{1, 3, 4}},
		{"triage later", coach.PeopleFilter{Triage: coach.TriageLater}, []int{2}},
		{"planned excludes none and skip", coach.PeopleFilter{Planned: true}, []int{1, 3}},
		{"plan", coach.PeopleFilter{Plan: coach.PlanInviteNote}, []int{1}},
		{"plan skip", coach.PeopleFilter{Plan: coach.PlanSkip}, []int{2}},
		{"plan and planned", coach.PeopleFilter{Plan: coach.PlanEmailFirst, Planned: true}, []int{3}},
		{"plan skip and planned select nobody", coach.PeopleFilter{Plan: coach.PlanSkip, Planned: true}, nil},
		{"search company, any case, secondary email", coach.PeopleFilter{Search: "acme"}, []int{0, 1, 4}},
		{"search upper case name", coach.PeopleFilter{Search: "ANN"}, []int{0}},
		{"search primary email", coach.PeopleFilter{Search: "y.org"}, []int{1}},
		{"search non-ASCII, other case", coach.PeopleFilter{Search: "ÉMILE"}, []int{2}},
		{"search non-ASCII company", coach.PeopleFilter{Search: "éditions"}, []int{2}},
		{"search percent is literal", coach.PeopleFilter{Search: "%"}, []int{3}},
		{"search underscore is literal", coach.PeopleFilter{Search: "_"}, []int{3}},
		{"search without match", coach.PeopleFilter{Search: "nobody"}, nil},
		{"import and triage", coach.PeopleFilter{ImportID: importA, Triage: coach.TriageDone}, []int{1}},
		{"batch day", coach.PeopleFilter{BatchDay: "2026-11-25"}, []int{1}},
		{"other batch day", coach.PeopleFilter{BatchDay: "2026-11-24"}, []int{3}},
		{"sent", coach.PeopleFilter{Sent: true}, []int{3}},
		{"sent and batch day", coach.PeopleFilter{Sent: true, BatchDay: "2026-11-25"}, nil},
		{"batch day and import", coach.PeopleFilter{BatchDay: "2026-11-25", ImportID: importA}, []int{1}},
		{"triage and planned", coach.PeopleFilter{Triage: coach.TriageDone, Planned: true}, []int{1, 3}},
		{"search and triage", coach.PeopleFilter{Search: "acme", Triage: coach.TriageDone}, []int{1, 4}},
		{"unknown import", coach.PeopleFilter{ImportID: importB + 1000}, nil},
		{"limit", coach.PeopleFilter{Limit: 2}, []int{0, 1}},
		{"limit after filtering", coach.PeopleFilter{Triage: coach.TriageDone, Limit: 2}, []int{1, 3}},
		{"limit above the count", coach.PeopleFilter{Limit: 10}, []int{0, 1, 2, 3, 4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want []coach.Person
			for _, i := range c.want {
				want = append(want, ps[i])
			}
			checkFilter(t, s, c.f, want)
		})
	}
}

// checkFilter fails unless People selects want, and CountPeople and
// FirstPerson agree with it.
func checkFilter(t *testing.T, s coach.Store, f coach.PeopleFilter, want []coach.Person) {
	t.Helper()
	samePeople(t, people(t, s, alice, f), want)
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		unlimited := f
		unlimited.Limit = 0
		all, err := tx.People(ctx, unlimited)
		if err != nil {
			return err
		}
		if n, err := tx.CountPeople(ctx, f); err != nil || n != len(all) {
			t.Errorf("CountPeople = %d, %v; want %d (Limit ignored)", n, err, len(all))
		}
		first, err := tx.FirstPerson(ctx, f)
		switch {
		case len(want) == 0 && !errors.Is(err, coach.ErrNotFound):
			t.Errorf("FirstPerson = %v, %v; want ErrNotFound", first.ID, err)
		case len(want) > 0 && (err != nil || !reflect.DeepEqual(normal(first), normal(want[0]))):
			t.Errorf("FirstPerson = %v, %v; want %v", first.ID, err, want[0].ID)
		}
		return nil
	})
}
