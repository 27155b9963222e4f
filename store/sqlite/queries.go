package sqlite

import (
	"strings"

	"github.com/rapport-bot/rapport/coach"
)

// The store's SQL. Every statement is prepared once at Open (statements.go),
// so every one must be listed in queries. All but pruneEventsSQL are scoped
// by user_id.
const (
	userIDSQL     = `SELECT id FROM users WHERE key = ?`
	insertUserSQL = `INSERT INTO users (key, settings, state, created_at) VALUES (?, ?, ?, ?) RETURNING id`
	userSQL       = `SELECT key, settings, state, created_at FROM users WHERE id = ?`
	saveUserSQL   = `UPDATE users SET settings = ?, state = ? WHERE id = ?`
	forgetSQL     = `DELETE FROM users WHERE id = ?`
	// usersSQL pages through every user, for the scheduler: the one read
	// that is not scoped by a user, since it serves all of them.
	usersSQL = `SELECT id, key, settings, state, created_at FROM users WHERE id > ? ORDER BY id LIMIT ?`

	insertEventSQL = `INSERT INTO events (user_id, event_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id, event_id) DO NOTHING`
	pruneEventsSQL = `DELETE FROM events WHERE created_at < ?`

	addImportSQL = `INSERT INTO imports (user_id, format, origin, label, event_date, count, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`
	saveImportSQL = `UPDATE imports SET format = ?, origin = ?, label = ?, event_date = ?, count = ?
		WHERE id = ? AND user_id = ?`
	importSQL = `SELECT format, origin, label, event_date, count, created_at
		FROM imports WHERE id = ? AND user_id = ?`

	templatesSQL    = `SELECT segment, kind, body FROM templates WHERE user_id = ? ORDER BY segment, kind`
	saveTemplateSQL = `INSERT INTO templates (user_id, segment, kind, body) VALUES (?, ?, ?, ?)
		ON CONFLICT (user_id, segment, kind) DO UPDATE SET body = excluded.body`
	deleteTemplateSQL = `DELETE FROM templates WHERE user_id = ? AND segment = ? AND kind = ?`

	deleteEmailsSQL = `DELETE FROM person_emails WHERE user_id = ? AND person_id = ?`
	insertEmailSQL  = `INSERT INTO person_emails (user_id, person_id, email) VALUES (?, ?, ?)`

	deletePersonSQL = `DELETE FROM people WHERE id = ? AND user_id = ?`
	personSQL       = `SELECT ` + readCols + ` FROM people WHERE id = ? AND user_id = ?`
	// personByEmailSQL finds the earliest person with an address through
	// person_emails' primary key (user_id, email, person_id).
	personByEmailSQL = `SELECT ` + readCols + ` FROM people WHERE user_id = ? AND id = (
		SELECT min(person_id) FROM person_emails WHERE user_id = ? AND email = ?)`
	personByNameKeySQL = `SELECT ` + readCols + ` FROM people
		WHERE user_id = ? AND name_key = ? ORDER BY id LIMIT 1`
)

// Statements built from writeCols, so that the column lists cannot drift.
var (
	insertPersonSQL = `INSERT INTO people (user_id, created_at, ` + strings.Join(writeCols, ", ") +
		`) VALUES (?, ?` + strings.Repeat(", ?", len(writeCols)) + `) RETURNING id`
	updatePersonSQL = `UPDATE people SET ` + strings.Join(writeCols, " = ?, ") +
		` = ? WHERE id = ? AND user_id = ?`
)

// queries returns every statement the store runs.
func queries() []string {
	qs := []string{
		userIDSQL, insertUserSQL, userSQL, saveUserSQL, forgetSQL, usersSQL,
		saveRepliesSQL, repliesSQL,
		insertEventSQL, pruneEventsSQL,
		addImportSQL, saveImportSQL, importSQL,
		templatesSQL, saveTemplateSQL, deleteTemplateSQL,
		deleteEmailsSQL, insertEmailSQL,
		insertPersonSQL, updatePersonSQL, deletePersonSQL,
		personSQL, personByEmailSQL, personByNameKeySQL,
	}
	// The filter queries differ only in which index-picking conditions
	// they have (filter.go); one filter of each shape makes them all.
	for shape := range 32 {
		f := coach.PeopleFilter{Sent: shape&8 != 0}
		if shape&16 != 0 {
			f.Plan = "x"
		}
		if shape&1 != 0 {
			f.ImportID = 1
		}
		if shape&2 != 0 {
			f.Triage = "x"
		}
		if shape&4 != 0 {
			f.BatchDay = "x"
		}
		qs = append(qs, peopleSQL(f), countPeopleSQL(f))
	}
	return qs
}
