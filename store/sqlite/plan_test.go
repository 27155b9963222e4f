package sqlite

import (
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

// queryPlan returns SQLite's plan for query, one step a line.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.DB().QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}

func TestLookupsUseIndexes(t *testing.T) {
	s, _ := openTemp(t)
	pending := coach.PeopleFilter{Triage: coach.TriagePending, Search: "x", Planned: true}
	inImport := coach.PeopleFilter{ImportID: 2, Search: "x"}
	withPlan := coach.PeopleFilter{Plan: coach.PlanInviteNote}
	inBatch := coach.PeopleFilter{BatchDay: "2026-11-25"}
	sent := coach.PeopleFilter{Sent: true}
	for name, c := range map[string]struct {
		query string
		args  []any
		index string
	}{
		"PersonByEmail":   {personByEmailSQL, []any{1, 1, "a@example.com"}, "person_emails USING PRIMARY KEY"},
		"triage filter":   {peopleSQL(pending), append(peopleArgs(1, pending), 1), "people_user_triage"},
		"import filter":   {countPeopleSQL(inImport), peopleArgs(1, inImport), "people_user_import"},
		"plan filter":     {peopleSQL(withPlan), append(peopleArgs(1, withPlan), -1), "people_user_plan"},
		"batch filter":    {peopleSQL(inBatch), append(peopleArgs(1, inBatch), -1), "people_user_batch_day"},
		"sent filter":     {countPeopleSQL(sent), peopleArgs(1, sent), "people_user_sent"},
		"no filter":       {peopleSQL(coach.PeopleFilter{}), append(peopleArgs(1, coach.PeopleFilter{}), -1), "people_user"},
		"PersonByNameKey": {personByNameKeySQL, []any{1, "k"}, "people_user_name_key"},
	} {
		plan := queryPlan(t, s, c.query, c.args...)
		if !strings.Contains(plan, c.index) || strings.Contains(plan, "SCAN people") {
			t.Errorf("%s does not use %s:\n%s", name, c.index, plan)
		}
	}
}
