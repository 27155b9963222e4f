package sqlite

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot returns the contents of path and of the SQLite files beside it,
// to prove that a refused Open changed nothing.
func snapshot(t *testing.T, path string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if b, err := os.ReadFile(p); err == nil {
			files[p] = b
		}
	}
	return files
}

// expectRefused opens path, wants err to wrap want and to name the path,
// the files to be unchanged, and no lock file beside a file of another
// program.
func expectRefused(t *testing.T, path string, want error) {
	t.Helper()
	before := snapshot(t, path)
	s, err := Open(t.Context(), path)
	if err == nil {
		s.Close()
		t.Fatalf("Open succeeded, want %v", want)
	}
	if !errors.Is(err, want) {
		t.Fatalf("Open = %v, want %v", err, want)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if want == ErrNotSQLite || want == ErrNotRapport {
		if _, err := os.Stat(path + ".lock"); err == nil {
			t.Errorf("a lock file was left beside a refused database")
		}
	}
	after := snapshot(t, path)
	if len(after) != len(before) {
		t.Errorf("files beside the database: %d before, %d after", len(before), len(after))
	}
	for p, b := range before {
		// Every reader writes its read mark into the -shm index.
		if !bytes.Equal(after[p], b) && !strings.HasSuffix(p, "-shm") {
			t.Errorf("%s changed", filepath.Base(p))
		}
	}
}

// rawDB opens path with no Rapport settings, as another program would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// rawExec runs statements on path as another program, then closes it.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestRefusesAFileThatIsNotSQLite(t *testing.T) {
	for name, content := range map[string][]byte{
		"random bytes": []byte(rand.Text() + string(make([]byte, 4096))),
		"short text":   []byte("hello"),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.txt")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			expectRefused(t, path, ErrNotSQLite)
		})
	}
}

func TestRefusesADamagedHeader(t *testing.T) {
	// The right magic string over garbage: SQLite itself must say NOTADB.
	path := filepath.Join(t.TempDir(), "bad.db")
	junk := make([]byte, 4096)
	if _, err := rand.Read(junk); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append([]byte(sqliteHeader), junk...), 0o600); err != nil {
		t.Fatal(err)
	}
	expectRefused(t, path, ErrNotSQLite)
}

func TestRefusesAnotherProgramsDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	rawExec(t, path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('mine')")
	expectRefused(t, path, ErrNotRapport)
}

func TestRefusesAnEmptyDatabaseClaimedByAnotherProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claimed.db")
	rawExec(t, path, "PRAGMA application_id = 1234")
	expectRefused(t, path, ErrNotRapport)
}

func TestRefusesANewerSchema(t *testing.T) {
	s, path := openTemp(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	rawExec(t, path, "PRAGMA user_version = 9999")
	expectRefused(t, path, ErrTooNew)
}

func TestRefusesADatabaseInUse(t *testing.T) {
	s, path := openTemp(t)
	expectRefused(t, path, ErrInUse)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	openAt(t, path) // free again
}

func TestAdoptsAnEmptyFile(t *testing.T) {
	for name, prepare := range map[string]func(t *testing.T, path string){
		"zero bytes":            func(t *testing.T, path string) { os.WriteFile(path, nil, 0o600) },
		"empty SQLite database": func(t *testing.T, path string) { rawExec(t, path, "VACUUM") },
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "new.db")
			prepare(t, path)
			s := openAt(t, path)
			if id := queryInt(t, s, "PRAGMA application_id"); id != ApplicationID {
				t.Errorf("application_id = %#x", id)
			}
		})
	}
}
