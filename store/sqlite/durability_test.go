package sqlite

import (
	"context"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func TestDataSurvivesCloseAndOpen(t *testing.T) {
	s, path := openTemp(t)
	var id int64
	mustUpdate(t, s, "k", func(ctx context.Context, tx coach.Tx) error {
		p := coach.Person{FullName: "Kept Person", Email: "kept@example.com"}
		if err := tx.AddPeople(ctx, []*coach.Person{&p}); err != nil {
			return err
		}
		id = p.ID
		u, err := tx.User(ctx)
		if err != nil {
			return err
		}
		u.Settings.Name, u.State.PersonID = "Kept", id
		return tx.SaveUser(ctx, u)
	})
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	again := openAt(t, path)
	mustUpdate(t, again, "k", func(ctx context.Context, tx coach.Tx) error {
		u, err := tx.User(ctx)
		if err != nil || u.Settings.Name != "Kept" || u.State.PersonID != id {
			t.Errorf("user after reopen = %+v, %v", u, err)
		}
		if p, err := tx.PersonByEmail(ctx, "kept@example.com"); err != nil || p.ID != id {
			t.Errorf("person after reopen = %+v, %v", p, err)
		}
		return nil
	})
}

func TestSchemaIsStamped(t *testing.T) {
	s, _ := openTemp(t)
	if v := queryInt(t, s, "PRAGMA user_version"); v != int64(SchemaVersion()) || v < 1 {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion())
	}
	if id := queryInt(t, s, "PRAGMA application_id"); id != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", id, ApplicationID)
	}
}

func TestConnectionSettings(t *testing.T) {
	s, _ := openTemp(t)
	var mode string
	if err := s.DB().QueryRowContext(t.Context(), "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	for pragma, want := range map[string]int64{
		"foreign_keys": 1, "busy_timeout": BusyTimeout, "synchronous": 1, // NORMAL
	} {
		if got := queryInt(t, s, "PRAGMA "+pragma); got != want {
			t.Errorf("%s = %d, want %d", pragma, got, want)
		}
	}
	if n := s.DB().Stats().MaxOpenConnections; n != 1 {
		t.Errorf("MaxOpenConnections = %d, want 1", n)
	}
}

func TestReopenAppliesNoMigrationTwice(t *testing.T) {
	s, path := openTemp(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// A second run of 0001 would fail on CREATE TABLE.
	again := openAt(t, path)
	if v := queryInt(t, again, "PRAGMA user_version"); v != int64(SchemaVersion()) {
		t.Errorf("user_version = %d", v)
	}
}
