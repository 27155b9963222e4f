package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// ensureUser finds the user with this key, creating it with default
// settings and an empty state if there is none, and makes it the user of
// this unit of work.
func (t *tx) ensureUser(ctx context.Context, key string, now time.Time) error {
	err := t.queryRow(ctx, userIDSQL, key).Scan(&t.userID)
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	settings, err := encodeJSON(coach.DefaultSettings())
	if err != nil {
		return err
	}
	state, err := encodeJSON(coach.State{})
	if err != nil {
		return err
	}
	return t.queryRow(ctx, insertUserSQL, key, settings, state, formatTime(now)).Scan(&t.userID)
}

// User returns the user of this unit of work. Settings missing from the
// stored JSON (added to coach.Settings later) take their default values.
func (t *tx) User(ctx context.Context) (coach.User, error) {
	if err := t.live(); err != nil {
		return coach.User{}, err
	}
	var settings, state, created string
	u := coach.User{ID: t.userID, Settings: coach.DefaultSettings()}
	err := t.queryRow(ctx, userSQL, t.userID).Scan(&u.Key, &settings, &state, &created)
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
// It returns a wrapped database error.
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
	if _, err := t.exec(ctx, saveUserSQL, settings, state, t.userID); err != nil {
		return fmt.Errorf("sqlite: save user: %w", err)
	}
	return nil
}

// Forget deletes the user row; ON DELETE CASCADE deletes every other row of
// the user, the event ids it handled included (so a redelivery of the
// event that forgot it would run again, for a new user). Later calls on
// this Tx return an error wrapping coach.ErrNotFound; the next Update of
// the key starts a new user with a new ID.
func (t *tx) Forget(ctx context.Context) error {
	if err := t.live(); err != nil {
		return err
	}
	if _, err := t.exec(ctx, forgetSQL, t.userID); err != nil {
		return fmt.Errorf("sqlite: forget: %w", err)
	}
	t.forgotten = true
	return nil
}
