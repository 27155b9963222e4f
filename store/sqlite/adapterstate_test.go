package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestTelegramOffsetRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	if off, saved, err := s.TelegramOffset(ctx, 42); err != nil || off != 0 || !saved.IsZero() {
		t.Fatalf("fresh store: offset %d saved %v err %v, want 0, zero, nil", off, saved, err)
	}
	for _, want := range []int{500010, 500011, 17} { // may go down: ids restart after a quiet week
		if err := s.SaveTelegramOffset(ctx, 42, want); err != nil {
			t.Fatal(err)
		}
		if off, saved, err := s.TelegramOffset(ctx, 42); err != nil || off != want || !saved.Equal(now) {
			t.Fatalf("offset %d saved %v err %v, want %d, %v", off, saved, err, want, now)
		}
	}
	if off, _, _ := s.TelegramOffset(ctx, 43); off != 0 {
		t.Errorf("another bot sees offset %d, want 0", off)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if off, _, err := s.TelegramOffset(ctx, 42); err != nil || off != 17 {
		t.Errorf("after reopening: offset %d err %v, want 17", off, err)
	}
}
