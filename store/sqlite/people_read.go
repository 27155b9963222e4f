package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/rapport-bot/rapport/coach"
)

// Person returns one person of this user, or an error wrapping
// coach.ErrNotFound.
func (t *tx) Person(ctx context.Context, id int64) (coach.Person, error) {
	return t.onePerson(ctx, "person "+strconv.FormatInt(id, 10), personSQL, id, t.userID)
}

// PersonByEmail returns the earliest-added person of this user with this
// address (compared lower-case) as Email or among Emails, or an error
// wrapping coach.ErrNotFound. The look-up uses person_emails' primary key.
func (t *tx) PersonByEmail(ctx context.Context, email string) (coach.Person, error) {
	p := coach.Person{Email: email}
	keys := emailKeys(&p)
	if len(keys) == 0 {
		return coach.Person{}, fmt.Errorf("sqlite: person by email: empty address: %w", coach.ErrNotFound)
	}
	return t.onePerson(ctx, "person by email", personByEmailSQL, t.userID, t.userID, keys[0])
}

// PersonByNameKey returns the earliest-added person of this user with this
// name key, or an error wrapping coach.ErrNotFound (also for an empty key).
func (t *tx) PersonByNameKey(ctx context.Context, key string) (coach.Person, error) {
	if key == "" {
		return coach.Person{}, fmt.Errorf("sqlite: person by name key: empty key: %w", coach.ErrNotFound)
	}
	return t.onePerson(ctx, "person by name key", personByNameKeySQL, t.userID, key)
}

// FirstPerson returns the earliest-added person of this user that f
// selects, or an error wrapping coach.ErrNotFound.
func (t *tx) FirstPerson(ctx context.Context, f coach.PeopleFilter) (coach.Person, error) {
	return t.onePerson(ctx, "first person", peopleSQL(f), append(peopleArgs(t.userID, f), 1)...)
}

// onePerson runs a query of at most one person; what names it in errors.
func (t *tx) onePerson(ctx context.Context, what, query string, args ...any) (coach.Person, error) {
	if err := t.live(); err != nil {
		return coach.Person{}, err
	}
	p, err := scanPerson(t.queryRow(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return coach.Person{}, fmt.Errorf("sqlite: %s: %w", what, coach.ErrNotFound)
	}
	if err != nil {
		return coach.Person{}, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return p, nil
}

// People returns the people of this user that f selects, in the order they
// were added, at most f.Limit of them when it is positive. It returns a
// wrapped database error.
func (t *tx) People(ctx context.Context, f coach.PeopleFilter) ([]coach.Person, error) {
	if err := t.live(); err != nil {
		return nil, err
	}
	rows, err := t.query(ctx, peopleSQL(f), append(peopleArgs(t.userID, f), limitArg(f))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: people: %w", err)
	}
	defer rows.Close()
	var out []coach.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: people: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: people: %w", err)
	}
	return out, nil
}

// CountPeople counts the people of this user that f selects, ignoring
// f.Limit. It returns a wrapped database error.
func (t *tx) CountPeople(ctx context.Context, f coach.PeopleFilter) (int, error) {
	if err := t.live(); err != nil {
		return 0, err
	}
	var n int
	if err := t.queryRow(ctx, countPeopleSQL(f), peopleArgs(t.userID, f)...).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count people: %w", err)
	}
	return n, nil
}
