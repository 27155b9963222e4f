package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

func peopleChecks() []check {
	return []check{
		{"AddPeople keeps the order and sets IDs and times", addPeopleOrder},
		{"every person field round-trips", personRoundTrip},
		{"SavePerson updates every field but CreatedAt", savePerson},
		{"SavePerson sets UpdatedAt when it is zero", savePersonStamps},
		{"an unknown person is ErrNotFound", personUnknown},
		{"DeletePerson removes the person", deletePerson},
		{"a deleted person's ID is never given to a new person", idsNotReused},
	}
}

// storedPerson reads person id of key.
func storedPerson(t *testing.T, s coach.Store, key string, id int64) coach.Person {
	t.Helper()
	return view(t, s, key, func(ctx context.Context, tx coach.Tx) (coach.Person, error) {
		return tx.Person(ctx, id)
	})
}

func addPeopleOrder(t *testing.T, s coach.Store) {
	names := []string{"Zoe Last", "Adam First", "Mia Middle", "Bea Second", "Yan Fifth"}
	var in []coach.Person
	for _, n := range names {
		in = append(in, named(n, "", ""))
	}
	before := time.Now()
	added := addPeople(t, s, alice, in...)
	after := time.Now()
	seen := map[int64]bool{}
	for i, p := range added {
		if p.ID == 0 || seen[p.ID] {
			t.Errorf("person %d: ID %d is zero or repeated", i, p.ID)
		}
		seen[p.ID] = true
		inRange(t, "CreatedAt", p.CreatedAt, before, after)
		inRange(t, "UpdatedAt", p.UpdatedAt, before, after)
	}
	got := people(t, s, alice, coach.PeopleFilter{})
	samePeople(t, got, added)
	more := addPeople(t, s, alice, named("Later Still", "", ""))
	if got := people(t, s, alice, coach.PeopleFilter{}); got[len(got)-1].ID != more[0].ID {
		t.Errorf("the last added is not listed last: %v", ids(got))
	}
}

func personRoundTrip(t *testing.T, s coach.Store) {
	im := addImport(t, s, alice, sampleImport())
	p := fullPerson(1)
	p.ImportID = im.ID
	added := addPeople(t, s, alice, p)[0]
	if !added.CreatedAt.Equal(p.CreatedAt) || !added.UpdatedAt.Equal(p.UpdatedAt) {
		t.Errorf("AddPeople changed given times: %v %v", added.CreatedAt, added.UpdatedAt)
	}
	samePerson(t, storedPerson(t, s, alice, added.ID), added)
}

func savePerson(t *testing.T, s coach.Store) {
	imA := addImport(t, s, alice, sampleImport())
	imB := addImport(t, s, alice, sampleImport())
	p := fullPerson(1)
	p.ImportID = imA.ID
	added := addPeople(t, s, alice, p)[0]

	changed := fullPerson(2)
	changed.ID, changed.ImportID = added.ID, imB.ID
	changed.Segment, changed.Recognition, changed.LinkedIn = coach.SegmentClient, coach.RecognitionNo, coach.LinkedInNotOn
	changed.Plan, changed.Triage, changed.Variant = coach.PlanEmailFirst, coach.TriageLater, 0
	changed.ContextDone, changed.PlanByUser, changed.NeverContact = false, false, false
	changed.Emails = nil
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.SavePerson(ctx, changed)
	})
	changed.CreatedAt = added.CreatedAt
	samePerson(t, storedPerson(t, s, alice, added.ID), changed)

	changed.ImportID = 0 // back to "added by hand"
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.SavePerson(ctx, changed)
	})
	samePerson(t, storedPerson(t, s, alice, added.ID), changed)
}

func savePersonStamps(t *testing.T, s coach.Store) {
	p := named("Stamp Me", "", "")
	p.CreatedAt, p.UpdatedAt = at(1, 0), at(1, 0)
	added := addPeople(t, s, alice, p)[0]
	added.UpdatedAt = time.Time{}
	before := time.Now()
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.SavePerson(ctx, added)
	})
	after := time.Now()
	got := storedPerson(t, s, alice, added.ID)
	inRange(t, "UpdatedAt", got.UpdatedAt, before, after)
	if !got.CreatedAt.Equal(p.CreatedAt) {
		t.Errorf("CreatedAt = %v, want %v", got.CreatedAt, p.CreatedAt)
	}
}

func personUnknown(t *testing.T, s coach.Store) {
	p := addPeople(t, s, alice, named("Known", "", ""))[0]
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		if _, err := tx.Person(ctx, p.ID+1000); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("Person(unknown) err = %v, want ErrNotFound", err)
		}
		if _, err := tx.Person(ctx, 0); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("Person(0) err = %v, want ErrNotFound", err)
		}
		return nil
	})
}

func deletePerson(t *testing.T, s coach.Store) {
	ps := addPeople(t, s, alice, named("Keep One", "", ""), named("Drop Two", "drop@example.com", ""), named("Keep Three", "", ""))
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.DeletePerson(ctx, ps[1].ID)
	})
	samePeople(t, people(t, s, alice, coach.PeopleFilter{}), []coach.Person{ps[0], ps[2]})
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		if _, err := tx.Person(ctx, ps[1].ID); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("Person(deleted) err = %v, want ErrNotFound", err)
		}
		if _, err := tx.PersonByEmail(ctx, "drop@example.com"); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("PersonByEmail(deleted) err = %v, want ErrNotFound", err)
		}
		return nil
	})
}

func idsNotReused(t *testing.T, s coach.Store) {
	ps := addPeople(t, s, alice, named("First", "", ""), named("Newest", "", ""))
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.DeletePerson(ctx, ps[1].ID)
	})
	fresh := addPeople(t, s, alice, named("Fresh", "", ""))[0]
	if fresh.ID == ps[1].ID || fresh.ID == ps[0].ID {
		t.Errorf("new person got the ID %d of an earlier one", fresh.ID)
	}
}
