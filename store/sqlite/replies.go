package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/rapport-bot/rapport/coach"
)

const (
	saveRepliesSQL = `INSERT INTO replies (user_id, event_id, body) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET event_id = excluded.event_id, body = excluded.body`
	repliesSQL = `SELECT r.body FROM replies r JOIN users u ON u.id = r.user_id
		WHERE u.key = ? AND r.event_id = ?`
)

// SaveReplies records the replies to eventID as this user's last (see
// coach.Tx).
func (t *tx) SaveReplies(ctx context.Context, eventID string, body []byte) error {
	if err := t.live(); err != nil {
		return err
	}
	if _, err := t.exec(ctx, saveRepliesSQL, t.userID, eventID, string(body)); err != nil {
		return fmt.Errorf("sqlite: save replies: %w", err)
	}
	return nil
}

// Replies returns the replies recorded for the user's event eventID, or
// coach.ErrNotFound when that is not their last event (see coach.Store).
func (s *Store) Replies(ctx context.Context, key, eventID string) ([]byte, error) {
	var body string
	err := s.stmts.prepared[repliesSQL].QueryRowContext(ctx, key, eventID).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, coach.ErrNotFound
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: replies: %w", err)
	}
	return []byte(body), nil
}
