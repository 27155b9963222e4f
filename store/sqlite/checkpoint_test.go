package sqlite

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

// The writer never checkpoints on its own (that would stall a turn), so the
// checkpointer must: after Close the WAL is folded into the database.
func TestCloseFoldsTheWALIntoTheDatabase(t *testing.T) {
	s, path := openTemp(t)
	big := strings.Repeat("x", 4000)
	for i := range 300 {
		err := s.Update(t.Context(), "u", "", func(ctx context.Context, tx coach.Tx) error {
			return tx.AddPeople(ctx, []*coach.Person{{FullName: "P", Notes: big, Triage: coach.TriagePending, Variant: i}})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var auto int
	if err := s.DB().QueryRowContext(t.Context(), "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil || auto != 0 {
		t.Errorf("writer wal_autocheckpoint = %d, %v; want 0", auto, err)
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() < 1<<20 {
		t.Fatalf("expected a WAL over 1 MiB before Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("WAL holds %d bytes after Close", fi.Size())
	}
	again := openAt(t, path)
	if err := again.Update(t.Context(), "u", "", func(ctx context.Context, tx coach.Tx) error {
		n, err := tx.CountPeople(ctx, coach.PeopleFilter{})
		if n != 300 {
			t.Errorf("after reopening: %d people, want 300", n)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}
