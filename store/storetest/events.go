package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func eventChecks() []check {
	return []check{
		{"a repeated event id returns ErrDuplicateEvent and does not run fn", duplicateEvent},
		{"event ids are deduplicated per user", eventPerUser},
		{"an empty event id is never deduplicated", emptyEvent},
	}
}

// counter returns an fn that counts its runs in *n.
func counter(n *int) func(context.Context, coach.Tx) error {
	return func(context.Context, coach.Tx) error { *n++; return nil }
}

func duplicateEvent(t *testing.T, s coach.Store) {
	ctx := t.Context()
	if err := s.Update(ctx, alice, "evt-1", func(ctx context.Context, tx coach.Tx) error {
		return tx.AddPeople(ctx, []*coach.Person{{FullName: "Once Only"}})
	}); err != nil {
		t.Fatalf("first delivery: %v", err)
	}
	runs := 0
	for range 2 {
		if err := s.Update(ctx, alice, "evt-1", counter(&runs)); !errors.Is(err, coach.ErrDuplicateEvent) {
			t.Errorf("redelivery: err = %v, want ErrDuplicateEvent", err)
		}
	}
	if runs != 0 {
		t.Errorf("fn ran %d times on redeliveries", runs)
	}
	if ps := people(t, s, alice, coach.PeopleFilter{}); len(ps) != 1 {
		t.Errorf("%d people after redeliveries, want 1", len(ps))
	}
	if err := s.Update(ctx, alice, "evt-2", counter(&runs)); err != nil || runs != 1 {
		t.Errorf("a new event id: err %v, runs %d; want nil, 1", err, runs)
	}
}

func eventPerUser(t *testing.T, s coach.Store) {
	runs := 0
	for _, key := range []string{alice, bob} {
		if err := s.Update(t.Context(), key, "shared-id", counter(&runs)); err != nil {
			t.Errorf("Update(%s): %v", key, err)
		}
	}
	if runs != 2 {
		t.Errorf("fn ran %d times for two users, want 2", runs)
	}
}

func emptyEvent(t *testing.T, s coach.Store) {
	runs := 0
	for range 3 {
		if err := s.Update(t.Context(), alice, "", counter(&runs)); err != nil {
			t.Fatalf("Update: %v", err)
		}
	}
	if runs != 3 {
		t.Errorf("fn ran %d times, want 3", runs)
	}
}
