package sqlite

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The refusals of Open. Each leaves the file as it found it; cmd/bot tells
// them apart with errors.Is to print one friendly line.
var (
	// ErrNotSQLite means the file exists but is not a SQLite database.
	ErrNotSQLite = errors.New("the file is not a SQLite database")
	// ErrNotRapport means the file is a SQLite database of another program.
	ErrNotRapport = errors.New("the file is a SQLite database that does not belong to Rapport")
	// ErrTooNew means the database was written by a newer Rapport, whose
	// schema this binary does not know.
	ErrTooNew = errors.New("the database was created by a newer Rapport; upgrade Rapport to open it")
	// ErrInUse means another Rapport process (or another Store in this
	// process) has the database open.
	ErrInUse = errors.New("the database is in use by another Rapport process")
)

// errCode returns the primary SQLite result code of err (SQLITE_BUSY, …), or
// 0 when err does not come from SQLite. Errors are classified by code,
// never by message text.
func errCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0
	}
	return se.Code() & 0xff
}

// extendedCode returns the extended SQLite result code of err
// (SQLITE_CONSTRAINT_FOREIGNKEY, …), or 0 when err does not come from SQLite.
func extendedCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0
	}
	return se.Code()
}

// isBusy reports whether err says another connection holds a lock.
func isBusy(err error) bool {
	c := errCode(err)
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

// isNotADB reports whether SQLite found the file is not a database.
func isNotADB(err error) bool {
	return errCode(err) == sqlite3.SQLITE_NOTADB
}

// isForeignKey reports whether err is a foreign key violation.
func isForeignKey(err error) bool {
	return extendedCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}
