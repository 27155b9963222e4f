package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/rapport-bot/rapport/coach"
)

// AddImport stores a new import of this user and sets its ID, and its
// CreatedAt to now when zero. It returns a wrapped database error.
func (t *tx) AddImport(ctx context.Context, im *coach.Import) error {
	if err := t.live(); err != nil {
		return err
	}
	if im.CreatedAt.IsZero() {
		im.CreatedAt = t.now().UTC()
	}
	err := t.queryRow(ctx, addImportSQL, t.userID, im.Format, string(im.Origin), im.Label, im.EventDate, im.Count, formatTime(im.CreatedAt)).
		Scan(&im.ID)
	if err != nil {
		return fmt.Errorf("sqlite: add import: %w", err)
	}
	return nil
}

// SaveImport updates an import of this user; CreatedAt is never changed.
// It returns coach.ErrNotFound when the user has no import im.ID.
func (t *tx) SaveImport(ctx context.Context, im coach.Import) error {
	if err := t.live(); err != nil {
		return err
	}
	n, err := t.exec(ctx, saveImportSQL, im.Format, string(im.Origin), im.Label, im.EventDate, im.Count, im.ID, t.userID)
	if err != nil {
		return fmt.Errorf("sqlite: save import %d: %w", im.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("sqlite: save import %d: %w", im.ID, coach.ErrNotFound)
	}
	return nil
}

// Import returns one import of this user, or coach.ErrNotFound.
func (t *tx) Import(ctx context.Context, id int64) (coach.Import, error) {
	if err := t.live(); err != nil {
		return coach.Import{}, err
	}
	im := coach.Import{ID: id}
	var origin, created string
	err := t.queryRow(ctx, importSQL, id, t.userID).
		Scan(&im.Format, &origin, &im.Label, &im.EventDate, &im.Count, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return coach.Import{}, fmt.Errorf("sqlite: import %d: %w", id, coach.ErrNotFound)
	}
	if err != nil {
		return coach.Import{}, fmt.Errorf("sqlite: import %d: %w", id, err)
	}
	im.Origin = coach.Origin(origin)
	if im.CreatedAt, err = parseTime(created); err != nil {
		return coach.Import{}, fmt.Errorf("sqlite: import %d: %w", id, err)
	}
	return im, nil
}
