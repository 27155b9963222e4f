package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/rapport-bot/rapport/coach"
)

// AddPeople stores new people of this user in order and sets their IDs,
// their CreatedAt to now when zero and their UpdatedAt to CreatedAt when
// zero. It returns an error wrapping coach.ErrNotFound when a person's
// ImportID is not an import of this user, or a wrapped database error.
func (t *tx) AddPeople(ctx context.Context, people []*coach.Person) error {
	if err := t.live(); err != nil {
		return err
	}
	for i, p := range people {
		if err := t.addPerson(ctx, p); err != nil {
			return fmt.Errorf("sqlite: add people: #%d: %w", i, err)
		}
	}
	return nil
}

// addPerson inserts one person and their addresses.
func (t *tx) addPerson(ctx context.Context, p *coach.Person) error {
	if p.CreatedAt.IsZero() {
		p.CreatedAt = t.now().UTC()
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = p.CreatedAt
	}
	vals, err := personValues(p)
	if err != nil {
		return err
	}
	args := append([]any{t.userID, formatTime(p.CreatedAt)}, vals...)
	if err := t.queryRow(ctx, insertPersonSQL, args...).Scan(&p.ID); err != nil {
		return importError(p.ImportID, err)
	}
	return t.saveEmails(ctx, p)
}

// SavePerson updates a person of this user: every field but CreatedAt,
// which never changes, and UpdatedAt, set to now when zero. It returns an
// error wrapping coach.ErrNotFound when the user has no person p.ID or no
// import p.ImportID, or a wrapped database error.
func (t *tx) SavePerson(ctx context.Context, p coach.Person) error {
	if err := t.live(); err != nil {
		return err
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = t.now().UTC()
	}
	vals, err := personValues(&p)
	if err != nil {
		return fmt.Errorf("sqlite: save person %d: %w", p.ID, err)
	}
	n, err := t.exec(ctx, updatePersonSQL, append(vals, p.ID, t.userID)...)
	if err != nil {
		return fmt.Errorf("sqlite: save person %d: %w", p.ID, importError(p.ImportID, err))
	}
	if n == 0 {
		return fmt.Errorf("sqlite: save person %d: %w", p.ID, coach.ErrNotFound)
	}
	if err := t.saveEmails(ctx, &p); err != nil {
		return fmt.Errorf("sqlite: save person %d: %w", p.ID, err)
	}
	return nil
}

// importError turns a foreign key violation, which people can only commit
// through import_id, into coach.ErrNotFound.
func importError(importID int64, err error) error {
	if isForeignKey(err) {
		return fmt.Errorf("import %d: %w", importID, coach.ErrNotFound)
	}
	return err
}

// saveEmails replaces the person's rows in person_emails.
func (t *tx) saveEmails(ctx context.Context, p *coach.Person) error {
	if _, err := t.exec(ctx, deleteEmailsSQL, t.userID, p.ID); err != nil {
		return fmt.Errorf("emails: %w", err)
	}
	for _, e := range emailKeys(p) {
		if _, err := t.exec(ctx, insertEmailSQL, t.userID, p.ID, e); err != nil {
			return fmt.Errorf("emails: %w", err)
		}
	}
	return nil
}

// DeletePerson removes a person of this user, with their addresses. It
// returns an error wrapping coach.ErrNotFound when the user has no person
// id, so that a second delete is noticed; or a wrapped database error.
func (t *tx) DeletePerson(ctx context.Context, id int64) error {
	if err := t.live(); err != nil {
		return err
	}
	n, err := t.exec(ctx, deletePersonSQL, id, t.userID)
	if err != nil {
		return fmt.Errorf("sqlite: delete person %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("sqlite: delete person %d: %w", id, coach.ErrNotFound)
	}
	return nil
}

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
