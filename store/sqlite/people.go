package sqlite

import (
	"context"
	"fmt"

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
