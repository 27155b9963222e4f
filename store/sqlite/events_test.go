package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// errorsIsNotFound reports whether err wraps coach.ErrNotFound.
func errorsIsNotFound(err error) bool {
	return errors.Is(err, coach.ErrNotFound)
}

func nothing(context.Context, coach.Tx) error { return nil }

func TestOldEventsArePruned(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Now()
	s.now = func() time.Time { return now.Add(-eventKeep - time.Hour) }
	if err := s.Update(t.Context(), "k", "old", nothing); err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return now.Add(-time.Minute) }
	s.lastPrune = now.Add(-2 * time.Minute) // a prune just ran
	if err := s.Update(t.Context(), "k", "recent", nothing); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, s, `SELECT count(*) FROM events`); n != 2 {
		t.Fatalf("%d events before the prune is due, want 2", n)
	}
	s.now = func() time.Time { return now.Add(pruneEvery) }
	if err := s.Update(t.Context(), "k", "", nothing); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, s, `SELECT count(*) FROM events WHERE event_id = 'old'`); n != 0 {
		t.Errorf("the 30-day-old event was not pruned")
	}
	if err := s.Update(t.Context(), "k", "recent", nothing); !errors.Is(err, coach.ErrDuplicateEvent) {
		t.Errorf("the recent event was pruned: %v", err)
	}
}

func TestAddPeopleRefusesAnotherUsersImport(t *testing.T) {
	s, _ := openTemp(t)
	var theirs coach.Import
	mustUpdate(t, s, "them", func(ctx context.Context, tx coach.Tx) error { return tx.AddImport(ctx, &theirs) })
	err := s.Update(t.Context(), "me", "", func(ctx context.Context, tx coach.Tx) error {
		p := coach.Person{ImportID: theirs.ID, FullName: "Misfiled"}
		return tx.AddPeople(ctx, []*coach.Person{&p})
	})
	if !errorsIsNotFound(err) {
		t.Errorf("AddPeople into another user's import: %v, want ErrNotFound", err)
	}
}
