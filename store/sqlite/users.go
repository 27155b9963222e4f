package sqlite

import (
	"context"
	"fmt"

	"github.com/rapport-bot/rapport/coach"
)

// Users returns up to limit users with an ID above afterID, in ID order
// (see coach.Store). It reads outside any unit of work, through the
// statement prepared at Open; a limit of 0 or less means 100.
func (s *Store) Users(ctx context.Context, afterID int64, limit int) ([]coach.User, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.stmts.prepared[usersSQL].QueryContext(ctx, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: users: %w", err)
	}
	defer rows.Close()
	var out []coach.User
	for rows.Next() {
		u := coach.User{Settings: coach.DefaultSettings()}
		var settings, state, created string
		if err := rows.Scan(&u.ID, &u.Key, &settings, &state, &created); err != nil {
			return nil, fmt.Errorf("sqlite: users: %w", err)
		}
		if err := decodeUser(&u, settings, state, created); err != nil {
			return nil, fmt.Errorf("sqlite: user %d: %w", u.ID, err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: users: %w", err)
	}
	return out, nil
}
