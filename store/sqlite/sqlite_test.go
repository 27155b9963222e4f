package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/store/storetest"
)

// openTemp opens a new store in a temporary directory, closed at cleanup.
func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rapport.db")
	return openAt(t, path), path
}

// openAt opens the store at path, closed at cleanup.
func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) coach.Store {
		s, _ := openTemp(t)
		t.Cleanup(func() {
			if n := s.stmts.misses.Load(); n != 0 {
				t.Errorf("%d statements were not prepared at Open", n)
			}
		})
		return s
	})
}

// mustUpdate runs fn for key and fails the test on error.
func mustUpdate(t *testing.T, s *Store, key string, fn func(ctx context.Context, tx coach.Tx) error) {
	t.Helper()
	if err := s.Update(t.Context(), key, "", fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

// queryInt runs a query of one integer on the store's database.
func queryInt(t *testing.T, s *Store, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := s.DB().QueryRowContext(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
