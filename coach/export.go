package coach

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"time"
)

// exportColumns are the columns of /export, one row a person.
var exportColumns = []string{"full_name", "first_name", "last_name", "email", "emails", "company", "title", "phone",
	"linkedin_url", "source", "notes", "segment", "recognition", "linkedin", "context", "plan", "draft",
	"status", "batch_day", "sent_at", "outcome", "never_contact", "added"}

// export sends a CSV of every person, their answers, plan, draft and status.
func (t *turn) export() error {
	data, n, err := t.exportCSV()
	if err != nil {
		return err
	}
	name := "rapport-export-" + dayOf(t.now(), location(t.user.Settings.TimeZone)).String() + ".csv"
	t.say(Message{
		Spans: new(text).plain(fmt.Sprintf("Here are your %s, with answers, plans, drafts and status. Formulas are neutralised, so it opens safely in a spreadsheet.", plural(n, "person", "people"))).spans,
		File:  &File{Name: name, Type: "text/csv", Data: data},
	})
	return nil
}

// exportCSV writes the CSV: UTF-8 with a BOM (so Excel reads accents
// right), CRLF line ends, and every cell made safe from formula injection.
func (t *turn) exportCSV() ([]byte, int, error) {
	people, err := t.tx.People(t.ctx, PeopleFilter{})
	if err != nil {
		return nil, 0, fmt.Errorf("list people: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(exportColumns); err != nil {
		return nil, 0, fmt.Errorf("write csv: %w", err)
	}
	for _, p := range people {
		if err := w.Write(exportRow(p)); err != nil {
			return nil, 0, fmt.Errorf("write csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, 0, fmt.Errorf("write csv: %w", err)
	}
	return buf.Bytes(), len(people), nil
}

func exportRow(p Person) []string {
	emails := ""
	for i, e := range p.Emails {
		if i > 0 {
			emails += "; "
		}
		emails += e
	}
	row := []string{p.FullName, p.FirstName, p.LastName, p.Email, emails, p.Company, p.Title, p.Phone,
		p.LinkedInURL, p.Source, p.Notes, string(p.Segment), string(p.Recognition), string(p.LinkedIn), p.Context,
		string(p.Plan), p.Draft, personStatus(p), p.BatchDay, exportTime(p.SentAt), string(p.Outcome),
		strconv.FormatBool(p.NeverContact), exportTime(p.CreatedAt)}
	for i := range row {
		row[i] = neutralise(row[i])
	}
	return row
}

func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// neutralise stops a spreadsheet from running a cell as a formula: a cell
// starting with = + - @ tab or CR gets a leading apostrophe, which
// spreadsheets show as text and do not display.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
