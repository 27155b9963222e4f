package sqlite

import (
	"database/sql"
	"strings"

	"github.com/rapport-bot/rapport/coach"
)

// writeCols are the people columns that AddPeople and SavePerson write,
// in the order of personValues.
var writeCols = []string{
	"import_id", "full_name", "first_name", "last_name", "email", "emails",
	"company", "title", "phone", "linkedin_url", "source", "notes", "name_key",
	"segment", "recognition", "linkedin", "context", "context_done", "plan",
	"plan_by_user", "triage", "draft", "draft_kind", "variant", "never_contact",
	"batch_day", "batch_pos", "not_before", "sent_at", "outcome", "outcome_at", "unfound",
	"search", "updated_at",
}

// readCols are the people columns scanPerson reads.
const readCols = `id, import_id, full_name, first_name, last_name, email, emails,
	company, title, phone, linkedin_url, source, notes, name_key,
	segment, recognition, linkedin, context, context_done, plan,
	plan_by_user, triage, draft, draft_kind, variant, never_contact,
	batch_day, batch_pos, not_before, sent_at, outcome, outcome_at, unfound,
	created_at, updated_at`

// personValues returns the values of writeCols for p.
func personValues(p *coach.Person) ([]any, error) {
	emails, err := encodeJSON(p.Emails)
	if err != nil {
		return nil, err
	}
	return []any{
		nullID(p.ImportID), p.FullName, p.FirstName, p.LastName, p.Email, emails,
		p.Company, p.Title, p.Phone, p.LinkedInURL, p.Source, p.Notes, p.NameKey,
		string(p.Segment), string(p.Recognition), string(p.LinkedIn), p.Context,
		boolInt(p.ContextDone), string(p.Plan), boolInt(p.PlanByUser),
		string(p.Triage), p.Draft, p.DraftKind, p.Variant, boolInt(p.NeverContact),
		p.BatchDay, p.BatchPos, p.NotBefore, formatOptionalTime(p.SentAt), string(p.Outcome),
		formatOptionalTime(p.OutcomeAt), boolInt(p.Unfound),
		searchText(p), formatTime(p.UpdatedAt),
	}, nil
}

// searchText is what PeopleFilter.Search looks in: names, addresses and
// company, lower-cased by Go (SQLite's lower() knows ASCII only) and kept
// apart by newlines so that a match cannot span two fields.
func searchText(p *coach.Person) string {
	fields := append([]string{p.FullName, p.FirstName, p.LastName, p.Email, p.Company}, p.Emails...)
	return strings.ToLower(strings.Join(fields, "\n"))
}

// emailKeys returns p's distinct addresses, lower-cased, for person_emails.
func emailKeys(p *coach.Person) []string {
	seen := map[string]bool{}
	var keys []string
	for _, e := range append([]string{p.Email}, p.Emails...) {
		k := strings.ToLower(strings.TrimSpace(e))
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

// scanner is *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// scanPerson reads one row of readCols.
func scanPerson(row scanner) (coach.Person, error) {
	var (
		p                                     coach.Person
		importID                              sql.NullInt64
		emails, created, updated              string
		sentAt, outcome, outcomeAt            string
		unfound                               bool
		segment, recognition, linkedin        string
		plan, triage                          string
		contextDone, planByUser, neverContact bool
	)
	err := row.Scan(&p.ID, &importID, &p.FullName, &p.FirstName, &p.LastName, &p.Email, &emails,
		&p.Company, &p.Title, &p.Phone, &p.LinkedInURL, &p.Source, &p.Notes, &p.NameKey,
		&segment, &recognition, &linkedin, &p.Context, &contextDone, &plan,
		&planByUser, &triage, &p.Draft, &p.DraftKind, &p.Variant, &neverContact,
		&p.BatchDay, &p.BatchPos, &p.NotBefore, &sentAt, &outcome, &outcomeAt, &unfound,
		&created, &updated)
	if err != nil {
		return coach.Person{}, err
	}
	p.ImportID = importID.Int64
	p.Segment, p.Recognition, p.LinkedIn = coach.Segment(segment), coach.Recognition(recognition), coach.LinkedInStatus(linkedin)
	p.Plan, p.Triage = coach.Plan(plan), coach.TriageState(triage)
	p.ContextDone, p.PlanByUser, p.NeverContact, p.Unfound = contextDone, planByUser, neverContact, unfound
	p.Outcome = coach.Outcome(outcome)
	if p.SentAt, err = parseOptionalTime(sentAt); err != nil {
		return coach.Person{}, err
	}
	if p.OutcomeAt, err = parseOptionalTime(outcomeAt); err != nil {
		return coach.Person{}, err
	}
	if err := decodeJSON(emails, &p.Emails); err != nil {
		return coach.Person{}, err
	}
	if p.CreatedAt, err = parseTime(created); err != nil {
		return coach.Person{}, err
	}
	p.UpdatedAt, err = parseTime(updated)
	return p, err
}
