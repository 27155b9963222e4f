package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func forgetChecks() []check {
	return []check{
		{"Forget removes the user; the next update starts a new default user", forgetUser},
		{"Forget leaves the other user untouched", forgetOthersKept},
	}
}

// fillUser gives key settings, a person in an import, and a template.
func fillUser(t *testing.T, s coach.Store, key string) int64 {
	t.Helper()
	var importID int64
	update(t, s, key, func(ctx context.Context, tx coach.Tx) error {
		var err error
		importID, err = writeEverything(ctx, tx)
		return err
	})
	return importID
}

func forgetUser(t *testing.T, s coach.Store) {
	importID := fillUser(t, s, alice)
	old := user(t, s, alice)
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error { return tx.Forget(ctx) })
	fresh := user(t, s, alice)
	if fresh.ID == old.ID {
		t.Errorf("the forgotten user's id %d came back", fresh.ID)
	}
	if !reflect.DeepEqual(fresh.Settings, coach.DefaultSettings()) || !reflect.DeepEqual(fresh.State, coach.State{}) {
		t.Errorf("after Forget: %+v, want defaults", fresh)
	}
	assertEmpty(t, s, alice, importID)
}

func forgetOthersKept(t *testing.T, s coach.Store) {
	bp, bim := bobsData(t, s)
	bobBefore := user(t, s, bob)
	fillUser(t, s, alice)
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error { return tx.Forget(ctx) })
	samePerson(t, storedPerson(t, s, bob, bp.ID), bp)
	sameImport(t, storedImport(t, s, bob, bim.ID), bim)
	if after := user(t, s, bob); !reflect.DeepEqual(after, bobBefore) {
		t.Errorf("bob changed:\n got %+v\nwant %+v", after, bobBefore)
	}
	if ts := templates(t, s, bob); len(ts) != 1 {
		t.Errorf("bob's templates = %v, want his one", ts)
	}
}
