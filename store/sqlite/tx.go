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
	stmts     *statements
	bound     map[string]*sql.Stmt // stmts bound to tx, made on first use
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

// stmt returns the statement of query prepared at Open, bound to this
// transaction, or nil if query was not prepared.
func (t *tx) stmt(ctx context.Context, query string) *sql.Stmt {
	if st, ok := t.bound[query]; ok {
		return st
	}
	parent, ok := t.stmts.prepared[query]
	if !ok {
		t.stmts.misses.Add(1)
		return nil
	}
	st := t.tx.StmtContext(ctx, parent)
	t.bound[query] = st
	return st
}

// queryRow runs a query of one row.
func (t *tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}

// query runs a query of many rows.
func (t *tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

// exec runs a statement and returns how many rows it changed.
func (t *tx) exec(ctx context.Context, query string, args ...any) (int64, error) {
	var res sql.Result
	var err error
	if st := t.stmt(ctx, query); st != nil {
		res, err = st.ExecContext(ctx, args...)
	} else {
		res, err = t.tx.ExecContext(ctx, query, args...)
	}
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
