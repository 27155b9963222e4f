package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Handled events are kept eventKeep, long past any platform's redelivery
// (Slack retries for minutes, Telegram for a day at most), and pruned at
// most once every pruneEvery so that the table stays bounded.
const (
	eventKeep  = 30 * 24 * time.Hour
	pruneEvery = time.Hour
)

// recordEvent records a handled event id of the user. It returns
// coach.ErrDuplicateEvent if the id was recorded before.
func (t *tx) recordEvent(ctx context.Context, eventID string, now time.Time) error {
	n, err := t.exec(ctx, insertEventSQL, t.userID, eventID, formatTime(now))
	if err != nil {
		return fmt.Errorf("sqlite: update: record event: %w", err)
	}
	if n == 0 {
		return coach.ErrDuplicateEvent
	}
	return nil
}

// pruneIfDue deletes the events of every user older than eventKeep, at
// most once every pruneEvery. This maintenance statement is the one query
// not scoped by a user: it owns no user's data. It runs in the caller's
// transaction; if that rolls back, the next prune is an hour later, which
// is harmless.
func (s *Store) pruneIfDue(ctx context.Context, t *tx, now time.Time) error {
	s.pruneMu.Lock()
	due := now.Sub(s.lastPrune) >= pruneEvery
	if due {
		s.lastPrune = now
	}
	s.pruneMu.Unlock()
	if !due {
		return nil
	}
	if _, err := t.exec(ctx, pruneEventsSQL, formatTime(now.Add(-eventKeep))); err != nil {
		return fmt.Errorf("prune events: %w", err)
	}
	return nil
}
