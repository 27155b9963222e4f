package remind

import (
	"database/sql"
	"fmt"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// OpenSQLite opens River's own pool on a SQLite database: dsn is the
// store's DSN for the same file (sqlite.DSN), which sets the busy timeout
// and BEGIN IMMEDIATE that two pools writing one file need. The pool has
// one connection, as River advises for SQLite. Keep it apart from the
// store's: a River call made while the store holds its only connection
// in a transaction would wait for itself (STACK-NOTES trap 11). Close it
// after the Scheduler's Run has returned.
func OpenSQLite(dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("remind: open river's pool: %w", err)
	}
	db.SetMaxOpenConns(1)
	return db, nil
}
