package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
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

// migrations returns the embedded migrations in order. Their numbers must
// run 1, 2, 3… without a gap, or the binary is broken: it panics, and the
// package's tests catch that before anyone ships it.
func migrations() []migration {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for i, name := range names { // fs.Glob sorts the names
		m, err := readMigration(name)
		if err != nil {
			panic(err)
		}
		if m.version != i+1 {
			panic(fmt.Sprintf("sqlite: migration %s: want number %04d", name, i+1))
		}
		ms = append(ms, m)
	}
	return ms
}

// readMigration reads one "NNNN_name.sql" file.
func readMigration(name string) (migration, error) {
	base := path.Base(name)
	num, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if !ok || err != nil || len(num) != 4 {
		return migration{}, fmt.Errorf("sqlite: migration %s: name is not NNNN_name.sql", name)
	}
	b, err := migrationFS.ReadFile(name)
	if err != nil {
		return migration{}, err
	}
	return migration{version: v, name: base, sql: string(b)}, nil
}

// SchemaVersion returns the newest schema version this binary knows: the
// number of its migrations.
func SchemaVersion() int {
	return len(migrations())
}

// migrate applies every migration newer than the database's user_version,
// each in its own transaction together with the new user_version and
// Rapport's application_id, so that a crash leaves the schema at a known
// version.
func migrate(ctx context.Context, db *sql.DB, from int) error {
	for _, m := range migrations()[from:] {
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
