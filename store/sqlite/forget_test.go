package sqlite

import (
	"context"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

// userTables returns the tables that have a user_id column.
func userTables(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.DB().QueryContext(t.Context(),
		`SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
		 WHERE m.type = 'table' AND c.name = 'user_id' ORDER BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// fill writes a row of every kind for key and returns the user's id.
func fill(t *testing.T, s *Store, key string) int64 {
	t.Helper()
	var id int64
	err := s.Update(t.Context(), key, "evt-"+key, func(ctx context.Context, tx coach.Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return err
		}
		id = u.ID
		im := coach.Import{Label: "Meetup"}
		if err := tx.AddImport(ctx, &im); err != nil {
			return err
		}
		p := coach.Person{ImportID: im.ID, FullName: "P " + key, Email: key + "@example.com"}
		if err := tx.AddPeople(ctx, []*coach.Person{&p}); err != nil {
			return err
		}
		if err := tx.SaveReplies(ctx, "evt-"+key, []byte("[]")); err != nil {
			return err
		}
		return tx.SaveTemplate(ctx, coach.TemplateOverride{Segment: "event", Kind: "note", Body: "x"})
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestForgetLeavesNoRowOfTheUser(t *testing.T) {
	s, _ := openTemp(t)
	gone, kept := fill(t, s, "gone"), fill(t, s, "kept")
	tables := userTables(t, s)
	if len(tables) < 5 {
		t.Fatalf("tables with user_id: %v", tables)
	}
	mustUpdate(t, s, "gone", func(ctx context.Context, tx coach.Tx) error { return tx.Forget(ctx) })
	for _, table := range tables {
		// The table names come from sqlite_master, not from input.
		if n := queryInt(t, s, `SELECT count(*) FROM "`+table+`" WHERE user_id = ?`, gone); n != 0 {
			t.Errorf("%s: %d rows of the forgotten user", table, n)
		}
		if n := queryInt(t, s, `SELECT count(*) FROM "`+table+`" WHERE user_id = ?`, kept); n == 0 {
			t.Errorf("%s: no row of the other user", table)
		}
	}
	if n := queryInt(t, s, `SELECT count(*) FROM users WHERE id = ?`, gone); n != 0 {
		t.Errorf("the users row is still there")
	}
}

func TestTxAfterForgetReportsNotFound(t *testing.T) {
	s, _ := openTemp(t)
	fill(t, s, "k")
	mustUpdate(t, s, "k", func(ctx context.Context, tx coach.Tx) error {
		if err := tx.Forget(ctx); err != nil {
			return err
		}
		if _, err := tx.User(ctx); !errorsIsNotFound(err) {
			t.Errorf("User after Forget: %v, want ErrNotFound", err)
		}
		p := coach.Person{FullName: "Orphan"}
		if err := tx.AddPeople(ctx, []*coach.Person{&p}); !errorsIsNotFound(err) {
			t.Errorf("AddPeople after Forget: %v, want ErrNotFound", err)
		}
		return nil
	})
}
