package sqlite

import (
	"strings"

	"github.com/rapport-bot/rapport/coach"
)

// peopleWhere returns the WHERE clause and arguments that select the
// people of userID matching f (Limit aside). Search is a literal,
// case-insensitive substring: instr, not LIKE, so "%" and "_" are plain
// characters.
func peopleWhere(userID int64, f coach.PeopleFilter) (string, []any) {
	conds := []string{"user_id = ?"}
	args := []any{userID}
	if f.ImportID != 0 {
		conds = append(conds, "import_id = ?")
		args = append(args, f.ImportID)
	}
	if f.Triage != "" {
		conds = append(conds, "triage = ?")
		args = append(args, string(f.Triage))
	}
	if f.Planned {
		conds = append(conds, "plan NOT IN (?, ?)")
		args = append(args, string(coach.PlanNone), string(coach.PlanSkip))
	}
	if f.Plan != "" {
		conds = append(conds, "plan = ?")
		args = append(args, string(f.Plan))
	}
	if f.Search != "" {
		conds = append(conds, "instr(search, ?) > 0")
		args = append(args, strings.ToLower(f.Search))
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}
