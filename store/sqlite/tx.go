package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// errForgotten is what a Tx method returns after Forget in the same unit
// of work: the user is gone.
var errForgotten = fmt.Errorf("sqlite: the user was forgotten in this unit of work: %w", coach.ErrNotFound)

// tx is coach.Tx: one user's data inside one SQLite transaction. Every
// statement is scoped by userID.
type tx struct {
	tx        *sql.Tx
	userID    int64
	now       func() time.Time
	forgotten bool
}

var _ coach.Tx = (*tx)(nil)

// live returns errForgotten after Forget, nil before.
func (t *tx) live() error {
	if t.forgotten {
		return errForgotten
	}
	return nil
}

// User returns the user of this unit of work. Settings missing from the
// stored JSON (added to coach.Settings later) take their default values.
func (t *tx) User(ctx context.Context) (coach.User, error) {
	if err := t.live(); err != nil {
		return coach.User{}, err
	}
	var settings, state, created string
	u := coach.User{ID: t.userID, Settings: coach.DefaultSettings()}
	err := t.tx.QueryRowContext(ctx,
		`SELECT key, settings, state, created_at FROM users WHERE id = ?`, t.userID).
		Scan(&u.Key, &settings, &state, &created)
	if err != nil {
		return coach.User{}, fmt.Errorf("sqlite: user: %w", err)
	}
	if err := decodeUser(&u, settings, state, created); err != nil {
		return coach.User{}, fmt.Errorf("sqlite: user %d: %w", t.userID, err)
	}
	return u, nil
}

// decodeUser fills u from its stored columns.
func decodeUser(u *coach.User, settings, state, created string) error {
	if err := decodeJSON(settings, &u.Settings); err != nil {
		return err
	}
	if err := decodeJSON(state, &u.State); err != nil {
		return err
	}
	var err error
	u.CreatedAt, err = parseTime(created)
	return err
}

// SaveUser stores u's settings and state as this unit of work's user's;
// u.ID, u.Key and u.CreatedAt are ignored, so it cannot reach another user.
func (t *tx) SaveUser(ctx context.Context, u coach.User) error {
	if err := t.live(); err != nil {
		return err
	}
	settings, err := encodeJSON(u.Settings)
	if err != nil {
		return fmt.Errorf("sqlite: save user: %w", err)
	}
	state, err := encodeJSON(u.State)
	if err != nil {
		return fmt.Errorf("sqlite: save user: %w", err)
	}
	_, err = t.tx.ExecContext(ctx,
		`UPDATE users SET settings = ?, state = ? WHERE id = ?`, settings, state, t.userID)
	if err != nil {
		return fmt.Errorf("sqlite: save user: %w", err)
	}
	return nil
}

// Forget deletes the user row; ON DELETE CASCADE deletes every other row of
// the user. Later calls on this Tx return an error wrapping
// coach.ErrNotFound; the next Update of the key starts a new user.
func (t *tx) Forget(ctx context.Context) error {
	if err := t.live(); err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM users WHERE id = ?`, t.userID); err != nil {
		return fmt.Errorf("sqlite: forget: %w", err)
	}
	t.forgotten = true
	return nil
}

// exec runs one statement scoped to this user and returns how many rows it
// changed.
func (t *tx) exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := t.tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
