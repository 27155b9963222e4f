package sqlite

import (
	"strings"

	"github.com/rapport-bot/rapport/coach"
)

// peopleSQL selects the people a filter selects, in the order they were
// added; its arguments are peopleArgs.
func peopleSQL(f coach.PeopleFilter) string {
	return `SELECT ` + readCols + ` FROM people` + peopleWhere(f) + ` ORDER BY id LIMIT ?`
}

// countPeopleSQL counts the people a filter selects; its arguments are
// peopleArgs without the limit.
func countPeopleSQL(f coach.PeopleFilter) string {
	return `SELECT count(*) FROM people` + peopleWhere(f)
}

// peopleWhere returns the WHERE clause of a filter. Only the import, the
// triage state, the batch day, "sent" and the plan, which pick an index,
// change the text; the other
// conditions are always there and switched off by their arguments, so that
// 32 shapes, prepared once, serve every filter. Search is a literal,
// case-insensitive substring: instr, not LIKE, so "%" and "_" are plain
// characters, on the column that Go lower-cased (person_row.go).
func peopleWhere(f coach.PeopleFilter) string {
	var b strings.Builder
	b.WriteString(` WHERE user_id = ?`)
	if f.ImportID != 0 {
		b.WriteString(` AND import_id = ?`)
	}
	if f.Triage != "" {
		b.WriteString(` AND triage = ?`)
	}
	if f.BatchDay != "" {
		b.WriteString(` AND batch_day = ?`)
	}
	if f.Sent {
		b.WriteString(` AND sent_at > ''`)
	}
	if f.Plan != "" {
		b.WriteString(` AND plan = ?`)
	}
	b.WriteString(` AND (? = 0 OR plan NOT IN (?, ?))`) // Planned
	b.WriteString(` AND (? = '' OR instr(search, ?) > 0)`)
	return b.String()
}

// peopleArgs returns the arguments of peopleWhere for userID and f.
func peopleArgs(userID int64, f coach.PeopleFilter) []any {
	args := []any{userID}
	if f.ImportID != 0 {
		args = append(args, f.ImportID)
	}
	if f.Triage != "" {
		args = append(args, string(f.Triage))
	}
	if f.BatchDay != "" {
		args = append(args, f.BatchDay)
	}
	if f.Plan != "" {
		args = append(args, string(f.Plan))
	}
	search := strings.ToLower(f.Search)
	return append(args,
		boolInt(f.Planned), string(coach.PlanNone), string(coach.PlanSkip),
		search, search)
}

// limitArg returns the LIMIT argument of f: SQLite reads a negative limit
// as none.
func limitArg(f coach.PeopleFilter) int {
	if f.Limit > 0 {
		return f.Limit
	}
	return -1
}
