package sqlite

import (
	"net/url"
	"path/filepath"
	"strconv"
)

// BusyTimeout is how long, in milliseconds, a connection waits for another
// connection's write lock (River's pool, a backup) before SQLITE_BUSY.
const BusyTimeout = 10000

// DSN returns the modernc.org/sqlite data source name of the database at
// path, with the settings every connection to a Rapport database needs: WAL
// journal, busy timeout, foreign keys, synchronous NORMAL (durable across a
// crash of the process; the last commits may be lost on power loss) and
// BEGIN IMMEDIATE transactions, so that a transaction that reads and then
// writes never fails on lock upgrade. Give it to sql.Open("sqlite", …) for
// a pool of your own on the same file (River's); it returns no error.
func DSN(path string) string {
	q := "_pragma=journal_mode(WAL)" +
		"&_pragma=busy_timeout(" + strconv.Itoa(BusyTimeout) + ")" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
	return fileURI(path, q)
}

// inspectDSN opens the file read-only and runs no pragma, so that looking
// at a database that is not ours changes nothing in it (journal_mode=WAL
// would rewrite its header). When no -wal file exists, the main file holds
// every commit, and immutable=1 keeps SQLite from creating -wal and -shm
// files beside a database we may refuse; when one exists (after a crash),
// SQLite must read it to see the latest schema version.
func inspectDSN(path string, walExists bool) string {
	if walExists {
		return fileURI(path, "mode=ro")
	}
	return fileURI(path, "mode=ro&immutable=1")
}

// fileURI builds a SQLite "file:" URI. The path is escaped, so that a "?",
// "#" or "%" in a file name cannot be read as URI syntax.
func fileURI(path, query string) string {
	// Clean also turns a leading "//", which SQLite would read as an
	// authority, into "/".
	return "file:" + (&url.URL{Path: filepath.Clean(path)}).EscapedPath() + "?" + query
}
