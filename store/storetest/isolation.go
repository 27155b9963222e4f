package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func isolationChecks() []check {
	return []check{
		{"users never see each other's people, imports or templates", isolationRead},
		{"a user cannot change or delete another user's rows", isolationWrite},
	}
}

// bobsData stores a person in an import and a template for bob.
func bobsData(t *testing.T, s coach.Store) (coach.Person, coach.Import) {
	im := addImport(t, s, bob, sampleImport())
	p := fullPerson(7)
	p.ImportID = im.ID
	update(t, s, bob, func(ctx context.Context, tx coach.Tx) error {
		return tx.SaveTemplate(ctx, coach.TemplateOverride{Segment: "event", Kind: "note", Body: "Bob's"})
	})
	return addPeople(t, s, bob, p)[0], im
}

func isolationRead(t *testing.T, s coach.Store) {
	bp, bim := bobsData(t, s)
	mine := addPeople(t, s, alice, named("Alice's Friend", "friend@example.com", "Acme Ltd"))
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		notFound := func(what string, err error) {
			if !errors.Is(err, coach.ErrNotFound) {
				t.Errorf("%s of the other user: err = %v, want ErrNotFound", what, err)
			}
		}
		_, err := tx.Person(ctx, bp.ID)
		notFound("Person", err)
		_, err = tx.Import(ctx, bim.ID)
		notFound("Import", err)
		_, err = tx.PersonByEmail(ctx, bp.Email)
		notFound("PersonByEmail", err)
		_, err = tx.PersonByNameKey(ctx, bp.NameKey)
		notFound("PersonByNameKey", err)
		_, err = tx.FirstPerson(ctx, coach.PeopleFilter{ImportID: bim.ID})
		notFound("FirstPerson", err)
		return nil
	})
	samePeople(t, people(t, s, alice, coach.PeopleFilter{Search: "acme"}), mine)
	if n := view(t, s, alice, func(ctx context.Context, tx coach.Tx) (int, error) {
		return tx.CountPeople(ctx, coach.PeopleFilter{})
	}); n != 1 {
		t.Errorf("CountPeople = %d, want 1", n)
	}
	if ts := templates(t, s, alice); len(ts) != 0 {
		t.Errorf("alice sees templates %v", ts)
	}
}

// attempt runs fn for alice and accepts an error: refusing is as good as
// doing nothing. What counts is that bob's rows are unchanged.
func attempt(t *testing.T, s coach.Store, fn func(ctx context.Context, tx coach.Tx) error) {
	t.Helper()
	_ = s.Update(t.Context(), alice, "", fn)
}

func isolationWrite(t *testing.T, s coach.Store) {
	bp, bim := bobsData(t, s)
	bobBefore := user(t, s, bob)
	alicePerson := addPeople(t, s, alice, named("Alice's", "", ""))[0]

	hijack := alicePerson
	hijack.ID, hijack.FullName = bp.ID, "Hijacked"
	attempt(t, s, func(ctx context.Context, tx coach.Tx) error { return tx.SavePerson(ctx, hijack) })
	attempt(t, s, func(ctx context.Context, tx coach.Tx) error { return tx.DeletePerson(ctx, bp.ID) })
	attempt(t, s, func(ctx context.Context, tx coach.Tx) error {
		return tx.SaveImport(ctx, coach.Import{ID: bim.ID, Label: "Hijacked"})
	})
	attempt(t, s, func(ctx context.Context, tx coach.Tx) error {
		return tx.SaveUser(ctx, coach.User{ID: bobBefore.ID, Key: bob, Settings: coach.Settings{Name: "Hijacked"}})
	})
	attempt(t, s, func(ctx context.Context, tx coach.Tx) error { return tx.DeleteTemplate(ctx, "event", "note") })

	samePerson(t, storedPerson(t, s, bob, bp.ID), bp)
	sameImport(t, storedImport(t, s, bob, bim.ID), bim)
	if after := user(t, s, bob); !reflect.DeepEqual(after.Settings, bobBefore.Settings) {
		t.Errorf("bob's settings changed to %+v", after.Settings)
	}
	if ts := templates(t, s, bob); len(ts) != 1 {
		t.Errorf("bob's templates = %v, want his one", ts)
	}
	if got := storedPerson(t, s, alice, alicePerson.ID); got.FullName != alicePerson.FullName {
		t.Errorf("alice's person changed to %q", got.FullName)
	}
}
