package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The Telegram adapter's polling offset (adapters/telegram.Offsets). These
// statements run on the store's connection outside any unit of work, once
// per batch of updates, so they are not among the prepared statements.
const (
	telegramOffsetSQL     = `SELECT next_update, saved_at FROM telegram_offsets WHERE bot_id = ?`
	saveTelegramOffsetSQL = `INSERT INTO telegram_offsets (bot_id, next_update, saved_at) VALUES (?, ?, ?)
		ON CONFLICT (bot_id) DO UPDATE SET next_update = excluded.next_update, saved_at = excluded.saved_at`
)

// TelegramOffset returns the polling offset saved for the Telegram bot
// with this id and when it was saved, or 0 and the zero time when none
// was. Errors are wrapped database errors.
func (s *Store) TelegramOffset(ctx context.Context, botID int64) (int, time.Time, error) {
	var offset int
	var saved string
	err := s.db.QueryRowContext(ctx, telegramOffsetSQL, botID).Scan(&offset, &saved)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, time.Time{}, nil
	case err != nil:
		return 0, time.Time{}, fmt.Errorf("sqlite: telegram offset: %w", err)
	}
	t, err := parseTime(saved)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("sqlite: telegram offset: %w", err)
	}
	return offset, t, nil
}

// SaveTelegramOffset saves the polling offset of the Telegram bot with this
// id, replacing the one saved before (ids can restart lower after a week
// without updates, so it need not grow). Errors are wrapped database
// errors.
func (s *Store) SaveTelegramOffset(ctx context.Context, botID int64, offset int) error {
	_, err := s.db.ExecContext(ctx, saveTelegramOffsetSQL, botID, offset, formatTime(s.now()))
	if err != nil {
		return fmt.Errorf("sqlite: save telegram offset: %w", err)
	}
	return nil
}
