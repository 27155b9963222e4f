package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
)

// ApplicationID marks a SQLite file as Rapport's (PRAGMA application_id):
// "Rapp" in ASCII.
const ApplicationID = 0x52617070

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered SQL file; its number is the schema version
// (PRAGMA user_version) once it has been applied.
type migration struct {
	version int
	name    string
	sql     string
}

// embedded returns the migrations built into the binary. A misnumbered
// file is a broken build, caught by this package's tests: it panics.
var embedded = sync.OnceValue(func() []migration {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	ms, err := loadMigrations(sub)
	if err != nil {
		panic(err)
	}
	return ms
})

// loadMigrations reads the "NNNN_name.sql" files of fsys in order. Their
// numbers must run 1, 2, 3… without a gap.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql") // sorted
	if err != nil {
		return nil, err
	}
	var ms []migration
	for i, name := range names {
		m, err := readMigration(fsys, name)
		if err != nil {
			return nil, err
		}
		if m.version != i+1 {
			return nil, fmt.Errorf("sqlite: migration %s: want number %04d", name, i+1)
		}
		ms = append(ms, m)
	}
	return ms, nil
}

// readMigration reads one "NNNN_name.sql" file.
func readMigration(fsys fs.FS, name string) (migration, error) {
	num, _, ok := strings.Cut(name, "_")
	v, err := strconv.Atoi(num)
	if !ok || err != nil || len(num) != 4 {
		return migration{}, fmt.Errorf("sqlite: migration %s: name is not NNNN_name.sql", name)
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return migration{}, err
	}
	return migration{version: v, name: name, sql: string(b)}, nil
}

// SchemaVersion returns the newest schema version this binary knows: the
// number of its migrations.
func SchemaVersion() int {
	return len(embedded())
}

// migrate applies the migrations newer than version from, each in its own
// transaction together with the new user_version and Rapport's
// application_id, so that a crash leaves the schema at a known version.
func migrate(ctx context.Context, db *sql.DB, ms []migration, from int) error {
	for _, m := range ms[from:] {
		if err := apply(ctx, db, m); err != nil {
			return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
		}
	}
	return nil
}

// apply runs one migration in a transaction.
func apply(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	// PRAGMA takes no parameters; both values are integers of ours.
	stamp := fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", m.version, ApplicationID)
	if _, err := tx.ExecContext(ctx, stamp); err != nil {
		return err
	}
	return tx.Commit()
}
