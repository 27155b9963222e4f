package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// header is what inspect reads of a database before Open touches it.
type header struct {
	appID   int64 // PRAGMA application_id
	version int   // PRAGMA user_version
	objects int   // tables, indexes, views and triggers in sqlite_master
}

// inspect opens the database read-only, without the pragmas of DSN, and
// returns the schema version to migrate from, or why the file is refused.
func inspect(ctx context.Context, path string) (int, error) {
	h, err := readHeader(ctx, path)
	switch {
	case isNotADB(err):
		return 0, ErrNotSQLite
	case isBusy(err):
		// Another program holds an exclusive lock past the busy timeout.
		return 0, fmt.Errorf("%w: %w", ErrInUse, err)
	case err != nil:
		return 0, err
	}
	return h.check()
}

// check decides whether a database is ours, and at which version.
func (h header) check() (int, error) {
	known := SchemaVersion()
	switch {
	case h.appID == ApplicationID && h.version > known:
		return 0, fmt.Errorf("schema version %d, this Rapport knows up to %d: %w", h.version, known, ErrTooNew)
	case h.appID == ApplicationID:
		return h.version, nil
	case h.appID == 0 && h.objects == 0 && h.version == 0:
		return 0, nil // a new, empty database: ours from now on
	}
	return 0, fmt.Errorf("application_id %#x, %d schema objects: %w", h.appID, h.objects, ErrNotRapport)
}

// readHeader reads the application id, user version and schema size.
func readHeader(ctx context.Context, path string) (header, error) {
	_, err := os.Stat(path + "-wal")
	db, err := sql.Open("sqlite", inspectDSN(path, err == nil))
	if err != nil {
		return header{}, err
	}
	defer db.Close()
	var h header
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&h.appID); err != nil {
		return header{}, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&h.version); err != nil {
		return header{}, err
	}
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&h.objects)
	return h, err
}
