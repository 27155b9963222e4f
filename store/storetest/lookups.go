package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func lookupChecks() []check {
	return []check{
		{"PersonByEmail finds primary and secondary addresses", byEmail},
		{"PersonByEmail matches stored addresses of any case", byEmailCase},
		{"PersonByEmail follows SavePerson", byEmailAfterSave},
		{"PersonByNameKey finds the earliest person with the key", byNameKey},
	}
}

// expectByEmail fails unless PersonByEmail(email) finds want (ID 0:
// ErrNotFound).
func expectByEmail(t *testing.T, s coach.Store, email string, want int64) {
	t.Helper()
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		p, err := tx.PersonByEmail(ctx, email)
		switch {
		case want == 0 && !errors.Is(err, coach.ErrNotFound):
			t.Errorf("PersonByEmail(%q) = %d, %v; want ErrNotFound", email, p.ID, err)
		case want != 0 && (err != nil || p.ID != want):
			t.Errorf("PersonByEmail(%q) = %d, %v; want %d", email, p.ID, err, want)
		}
		return nil
	})
}

func byEmail(t *testing.T, s coach.Store) {
	p := named("Two Addresses", "work@example.com", "")
	p.Emails = []string{"work@example.com", "home@example.org"}
	ps := addPeople(t, s, alice, named("Someone Else", "else@example.com", ""), p)
	expectByEmail(t, s, "work@example.com", ps[1].ID)
	expectByEmail(t, s, "home@example.org", ps[1].ID)
	expectByEmail(t, s, "else@example.com", ps[0].ID)
	expectByEmail(t, s, "nobody@example.com", 0)
	expectByEmail(t, s, "", 0)
	samePerson(t, view(t, s, alice, func(ctx context.Context, tx coach.Tx) (coach.Person, error) {
		return tx.PersonByEmail(ctx, "home@example.org")
	}), ps[1])
}

func byEmailCase(t *testing.T, s coach.Store) {
	p := named("Mixed Case", "Mixed.Case@Example.COM", "")
	p.Emails = []string{"Mixed.Case@Example.COM", "Other@Example.org"}
	added := addPeople(t, s, alice, p)[0]
	expectByEmail(t, s, "mixed.case@example.com", added.ID)
	expectByEmail(t, s, "other@example.org", added.ID)
	if got := storedPerson(t, s, alice, added.ID); got.Email != p.Email || got.Emails[1] != p.Emails[1] {
		t.Errorf("stored addresses changed: %q %q", got.Email, got.Emails)
	}
}

func byEmailAfterSave(t *testing.T, s coach.Store) {
	p := named("Moving Person", "old@example.com", "")
	p.Emails = []string{"old@example.com", "old2@example.com"}
	added := addPeople(t, s, alice, p)[0]
	added.Email, added.Emails = "new@example.com", []string{"new@example.com", "new2@example.com"}
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.SavePerson(ctx, added)
	})
	expectByEmail(t, s, "old@example.com", 0)
	expectByEmail(t, s, "old2@example.com", 0)
	expectByEmail(t, s, "new@example.com", added.ID)
	expectByEmail(t, s, "new2@example.com", added.ID)
}

func byNameKey(t *testing.T, s coach.Store) {
	mk := func(full, key string) coach.Person {
		p := named(full, "", "")
		p.NameKey = key
		return p
	}
	ps := addPeople(t, s, alice, mk("Ann Lee", "ann lee"), mk("Ann Lee", "ann lee"), mk("Bo Chen", "bo chen|acme"))
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		for key, want := range map[string]int64{"ann lee": ps[0].ID, "bo chen|acme": ps[2].ID} {
			if p, err := tx.PersonByNameKey(ctx, key); err != nil || p.ID != want {
				t.Errorf("PersonByNameKey(%q) = %d, %v; want %d", key, p.ID, err, want)
			}
		}
		for _, key := range []string{"bo chen", "nobody"} {
			if p, err := tx.PersonByNameKey(ctx, key); !errors.Is(err, coach.ErrNotFound) {
				t.Errorf("PersonByNameKey(%q) = %d, %v; want ErrNotFound", key, p.ID, err)
			}
		}
		return nil
	})
}
