package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
)

// statements are the store's SQL statements, prepared by Open on the
// store's only connection and reused by every unit of work:
// modernc.org/sqlite keeps no statement cache, and preparing took a third
// of the CPU time of a unit of work. They cannot be prepared on demand:
// inside a unit of work the one connection is taken.
type statements struct {
	prepared map[string]*sql.Stmt
	misses   atomic.Int64 // statements run unprepared; tests expect none
}

// prepareStatements prepares every statement of queries.
func prepareStatements(ctx context.Context, db *sql.DB) (*statements, error) {
	s := &statements{prepared: map[string]*sql.Stmt{}}
	for _, q := range queries() {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("prepare %q: %w", q, err)
		}
		s.prepared[q] = st
	}
	return s, nil
}

// close closes every statement.
func (s *statements) close() error {
	var errs []error
	for _, st := range s.prepared {
		errs = append(errs, st.Close())
	}
	return errors.Join(errs...)
}
