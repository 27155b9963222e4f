// Package sqlite is Rapport's coach.Store on an embedded SQLite database
// (modernc.org/sqlite: pure Go, no cgo).
//
// One file holds every user's data, in WAL mode with foreign keys on. The
// store writes through a single connection, and every Store.Update is one
// BEGIN IMMEDIATE transaction on it, so units of work are serialised: per
// user, as the contract asks, and in fact globally. That is SQLite's own
// limit (one writer at a time) and costs nothing a chat bot would notice:
// a unit of work takes well under a millisecond.
//
// Schema changes are the numbered SQL files under migrations/, embedded and
// applied by Open. The file carries Rapport's PRAGMA application_id so that
// Open can tell our database from any other.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Store is coach.Store on SQLite. Make one with Open; it is safe for
// concurrent use.
type Store struct {
	db    *sql.DB
	stmts *statements
	lock  *os.File
	ckpt  *checkpointer
	now   func() time.Time // the clock of stored times; tests replace it

	pruneMu   sync.Mutex
	lastPrune time.Time

	closeOnce sync.Once
	closeErr  error
}

var _ coach.Store = (*Store)(nil)

// newStore wraps an open, migrated database, its prepared statements and
// the lock that guards it.
func newStore(db *sql.DB, stmts *statements, lock *os.File, ckpt *checkpointer) *Store {
	return &Store{db: db, stmts: stmts, lock: lock, ckpt: ckpt, now: time.Now}
}

// DB returns the store's database, for tests that check what is stored.
// It is the store's only connection: use it only outside Update (inside,
// it blocks until the unit of work ends), and do not write with it.
func (s *Store) DB() *sql.DB {
	return s.db
}

// Close closes the database and releases the lock on it. It returns the
// error of closing the database; closing twice does nothing.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		err := errors.Join(s.stmts.close(), s.db.Close(), s.ckpt.close())
		if lerr := s.lock.Close(); err == nil && lerr != nil {
			err = fmt.Errorf("sqlite: release lock: %w", lerr)
		}
		s.closeErr = err
	})
	return s.closeErr
}

// Update runs fn as one transaction for the user with the given key (see
// coach.Store), creating the user with coach.DefaultSettings on first use.
// It returns coach.ErrDuplicateEvent, without running fn, when eventID was
// already recorded for this user; fn's own error unchanged (after rolling
// back everything fn wrote); or a wrapped database error. fn must not call
// Update itself: the store has one connection, and that would deadlock.
func (s *Store) Update(ctx context.Context, key, eventID string, fn func(ctx context.Context, tx coach.Tx) error) error {
	return s.update(ctx, key, eventID, true, fn)
}

// UpdateExisting is Update without an event id for a user who must exist
// already: it returns coach.ErrNotFound, creating nothing, when there is no
// user with that key (see coach.Store).
func (s *Store) UpdateExisting(ctx context.Context, key string, fn func(ctx context.Context, tx coach.Tx) error) error {
	return s.update(ctx, key, "", false, fn)
}

func (s *Store) update(ctx context.Context, key, eventID string, create bool, fn func(ctx context.Context, tx coach.Tx) error) error {
	if key == "" {
		return errors.New("sqlite: update: empty user key")
	}
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: update: begin: %w", err)
	}
	defer sqlTx.Rollback() // after Commit, a no-op
	t, err := s.begin(ctx, sqlTx, key, eventID, create)
	if err != nil {
		return err
	}
	if err := fn(ctx, t); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("sqlite: update: commit: %w", err)
	}
	return nil
}

// begin prepares the unit of work: finds (or, with create, creates) the user, records the
// event, and prunes old events when that is due.
func (s *Store) begin(ctx context.Context, sqlTx *sql.Tx, key, eventID string, create bool) (*tx, error) {
	t := &tx{tx: sqlTx, stmts: s.stmts, bound: map[string]*sql.Stmt{}, now: s.now}
	now := s.now().UTC()
	if !create {
		err := t.queryRow(ctx, userIDSQL, key).Scan(&t.userID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, coach.ErrNotFound
		} else if err != nil {
			return nil, fmt.Errorf("sqlite: update: user: %w", err)
		}
	} else if err := t.ensureUser(ctx, key, now); err != nil {
		return nil, fmt.Errorf("sqlite: update: user: %w", err)
	}
	if eventID != "" {
		if err := t.recordEvent(ctx, eventID, now); err != nil {
			return nil, err
		}
	}
	if err := s.pruneIfDue(ctx, t, now); err != nil {
		return nil, fmt.Errorf("sqlite: update: %w", err)
	}
	return t, nil
}
