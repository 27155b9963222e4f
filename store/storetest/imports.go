package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

func importChecks() []check {
	return []check{
		{"AddImport sets the ID and CreatedAt, and the import round-trips", importRoundTrip},
		{"SaveImport updates an import and keeps CreatedAt", importSave},
		{"an unknown import is ErrNotFound", importUnknown},
	}
}

func sampleImport() coach.Import {
	return coach.Import{Format: "csv-google", Origin: coach.OriginEvent, Label: "Founders Breakfast", EventDate: "2026-03-01", Count: 12}
}

// storedImport reads import id of key.
func storedImport(t *testing.T, s coach.Store, key string, id int64) coach.Import {
	t.Helper()
	return view(t, s, key, func(ctx context.Context, tx coach.Tx) (coach.Import, error) {
		return tx.Import(ctx, id)
	})
}

// sameImport fails unless got equals want, times as instants.
func sameImport(t *testing.T, got, want coach.Import) {
	t.Helper()
	if !got.CreatedAt.Equal(want.CreatedAt) {
		t.Errorf("import CreatedAt = %v, want %v", got.CreatedAt, want.CreatedAt)
	}
	got.CreatedAt, want.CreatedAt = time.Time{}, time.Time{}
	if got != want {
		t.Errorf("import:\n got %+v\nwant %+v", got, want)
	}
}

func importRoundTrip(t *testing.T, s coach.Store) {
	before := time.Now()
	a := addImport(t, s, alice, sampleImport())
	after := time.Now()
	if a.ID == 0 {
		t.Fatal("AddImport left ID 0")
	}
	inRange(t, "CreatedAt", a.CreatedAt, before, after)
	sameImport(t, storedImport(t, s, alice, a.ID), a)

	given := sampleImport()
	given.CreatedAt = at(5, 7)
	b := addImport(t, s, alice, given)
	if b.ID == a.ID {
		t.Errorf("two imports share ID %d", b.ID)
	}
	sameImport(t, storedImport(t, s, alice, b.ID), b)
}

func importSave(t *testing.T, s coach.Store) {
	im := addImport(t, s, alice, sampleImport())
	changed := coach.Import{ID: im.ID, Format: "vcard", Origin: coach.OriginGroup, Label: "Climbing club", EventDate: "", Count: 3, CreatedAt: at(9, 0)}
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		return tx.SaveImport(ctx, changed)
	})
	changed.CreatedAt = im.CreatedAt
	sameImport(t, storedImport(t, s, alice, im.ID), changed)
}

func importUnknown(t *testing.T, s coach.Store) {
	im := addImport(t, s, alice, sampleImport())
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		if _, err := tx.Import(ctx, im.ID+1000); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("Import(unknown) err = %v, want ErrNotFound", err)
		}
		return nil
	})
}
