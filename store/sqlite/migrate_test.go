package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestEmbeddedMigrationsAreNumberedFromOne(t *testing.T) {
	for i, m := range embedded() { // panics on a gap
		if m.version != i+1 {
			t.Errorf("migration %s has version %d, want %d", m.name, m.version, i+1)
		}
	}
}

func TestMisnumberedMigrationsAreRejected(t *testing.T) {
	for name, files := range map[string]fstest.MapFS{
		"gap":       {"0001_a.sql": {}, "0003_c.sql": {}},
		"no number": {"0001_a.sql": {}, "init.sql": {}},
		"short":     {"1_a.sql": {}},
	} {
		if _, err := loadMigrations(files); err == nil {
			t.Errorf("%s: loadMigrations accepted %v", name, files)
		}
	}
}

// testMigrations are three small migrations; the third fails halfway.
func testMigrations(t *testing.T) []migration {
	t.Helper()
	ms, err := loadMigrations(fstest.MapFS{
		"0001_a.sql": {Data: []byte("CREATE TABLE a (x INTEGER);")},
		"0002_b.sql": {Data: []byte("CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (2);")},
		"0003_c.sql": {Data: []byte("CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (3);")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// userVersion returns the schema version of db.
func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRowContext(t.Context(), "PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrateStepsFromTheStoredVersion(t *testing.T) {
	db, err := sql.Open("sqlite", DSN(filepath.Join(t.TempDir(), "m.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ms := testMigrations(t)
	if err := migrate(t.Context(), db, ms[:1], 0); err != nil || userVersion(t, db) != 1 {
		t.Fatalf("first migration: %v, version %d", err, userVersion(t, db))
	}
	if err := migrate(t.Context(), db, ms[:2], 1); err != nil || userVersion(t, db) != 2 {
		t.Fatalf("second migration: %v, version %d", err, userVersion(t, db))
	}
	if err := migrate(t.Context(), db, ms, 2); err == nil {
		t.Fatal("the failing migration succeeded")
	}
	if v := userVersion(t, db); v != 2 {
		t.Errorf("after a failed migration: version %d, want 2", v)
	}
	var tables int
	db.QueryRowContext(t.Context(), "SELECT count(*) FROM sqlite_master WHERE name = 'c'").Scan(&tables)
	if tables != 0 {
		t.Errorf("the failed migration left its table")
	}
}
