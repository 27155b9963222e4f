package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// Open opens the Rapport database at path, creating it (and its parent
// directories, 0700; the file 0600: contact data is private) when it does
// not exist, and brings its schema up to date. It holds an exclusive lock
// on "<path>.lock" until Close.
//
// Open refuses, leaving the file untouched, a file that is not SQLite
// (ErrNotSQLite), a SQLite database of another program (ErrNotRapport), a
// database of a newer Rapport (ErrTooNew) and a database that another
// Rapport process has open (ErrInUse); the returned error wraps the
// sentinel and names the path. Other errors are I/O or SQLite failures.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: open: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s, err := open(ctx, abs)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	return s, nil
}

// open does Open's work in an order that never touches a file that is not
// ours: look at the header and inside, read-only; take the lock; look again;
// and only then open for writing and migrate.
func open(ctx context.Context, path string) (_ *Store, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if err := precheck(ctx, path); err != nil {
		return nil, err
	}
	lock, err := lockFile(path + ".lock")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lock.Close()
		}
	}()
	if err := createFile(path); err != nil {
		return nil, err
	}
	version, err := inspect(ctx, path)
	if err != nil {
		return nil, err
	}
	db, err := openDB(ctx, path, version)
	if err != nil {
		return nil, err
	}
	stmts, err := prepareStatements(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	ckpt, err := startCheckpointer(path)
	if err != nil {
		stmts.close()
		db.Close()
		return nil, err
	}
	return newStore(db, stmts, lock, ckpt), nil
}

// precheck refuses a file that is not ours before Open leaves a lock file
// beside it. Open inspects the file again under the lock, where it counts.
func precheck(ctx context.Context, path string) error {
	empty, err := checkHeader(path)
	if err != nil || empty {
		return err
	}
	_, err = inspect(ctx, path)
	return err
}

// checkHeader refuses an existing, non-empty file that does not start with
// the SQLite header, and reports whether the file is missing or empty (an
// empty file is an empty database to SQLite).
func checkHeader(path string) (empty bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && err == io.EOF:
		return true, nil
	case err != nil && err != io.ErrUnexpectedEOF:
		return false, err
	case !bytes.Equal(head[:n], []byte(sqliteHeader)):
		return false, ErrNotSQLite
	}
	return false, nil
}

// createFile creates a missing database file with mode 0600; SQLite would
// create it 0644, and creates its -wal and -shm files with the mode of the
// database file.
func createFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// openDB opens the writer pool of the store, a single connection, and
// migrates the schema from version.
func openDB(ctx context.Context, path string, version int) (*sql.DB, error) {
	// The writer leaves checkpoints to the checkpointer (checkpoint.go).
	db, err := sql.Open("sqlite", DSN(path)+"&_pragma=wal_autocheckpoint(0)")
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has one writer at a time, and queueing in
	// database/sql is cheaper than spinning on SQLITE_BUSY. It must stay
	// open, so no idle limit or lifetime.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	if err := migrate(ctx, db, embedded(), version); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
