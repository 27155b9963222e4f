package coach

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rapport-bot/rapport/intake"
)

// maxSkipLines bounds how many skipped records an import report lists.
const maxSkipLines = 8

// importPrompt answers /import without a list: the next message is the list.
func (t *turn) importPrompt() error {
	t.state.Step = StepImportWait
	t.sayText("Paste your list now: one person a line, with company or email if you have them (an attendee list copied from an event page works too). Or send a CSV or vCard file.")
	return nil
}

// onImport stores the people of a paste or file, merging those already
// known, reports what was found, and asks where the group comes from.
func (t *turn) onImport(p *parsedImport, perr error) error {
	if t.state.Step == StepImportWait {
		t.state.Step = StepIdle
	}
	if perr != nil {
		var ie *intake.Error
		if errors.As(perr, &ie) {
			t.sayText("I couldn't import that: " + ie.Error())
			return nil
		}
		return fmt.Errorf("parse import: %w", perr)
	}
	res := p.result
	if len(res.Contacts) == 0 {
		m := new(text).plain("I found no people in that.")
		t.reportSkips(m, res)
		t.say(m.message())
		return nil
	}
	im := Import{Format: res.Format, CreatedAt: t.now()}
	if res.Format == "linkedin_connections" {
		im.Origin = OriginLinkedIn
	}
	if err := t.tx.AddImport(t.ctx, &im); err != nil {
		return fmt.Errorf("add import: %w", err)
	}
	fresh, known, err := t.mergeContacts(im, res.Contacts)
	if err != nil {
		return err
	}
	im.Count = len(fresh)
	if err := t.tx.SaveImport(t.ctx, im); err != nil {
		return fmt.Errorf("save import: %w", err)
	}
	t.reportImport(im, res, len(fresh), known)
	if im.Origin == OriginLinkedIn || len(fresh) == 0 {
		return t.resume()
	}
	t.state.ImportID = im.ID
	t.state.Undo = nil
	return t.askOrigin(im)
}

// mergeContacts adds new people and folds re-imported ones into the people
// already known, who keep their answers.
func (t *turn) mergeContacts(im Import, contacts []intake.Contact) (fresh []*Person, known int, err error) {
	now := t.now()
	for _, c := range contacts {
		p := personFromContact(c, im, now)
		old, found, err := t.findKnown(p)
		if err != nil {
			return nil, 0, err
		}
		if found {
			known++
			if mergeInto(&old, p) {
				if err := t.tx.SavePerson(t.ctx, old); err != nil {
					return nil, 0, fmt.Errorf("merge person: %w", err)
				}
			}
			continue
		}
		fresh = append(fresh, p)
	}
	if err := t.tx.AddPeople(t.ctx, fresh); err != nil {
		return nil, 0, fmt.Errorf("add people: %w", err)
	}
	return fresh, known, nil
}

func personFromContact(c intake.Contact, im Import, now time.Time) *Person {
	p := &Person{
		ImportID: im.ID, FullName: c.FullName, FirstName: c.FirstName, LastName: c.LastName,
		Email: c.Email, Emails: c.Emails, Company: c.Company, Title: c.Title, Phone: c.Phone,
		LinkedInURL: c.LinkedInURL, Source: c.Source, Notes: c.Notes,
		NameKey: intake.NameKey(c.FullName, ""), Triage: TriagePending, CreatedAt: now, UpdatedAt: now,
	}
	if p.LinkedInURL != "" {
		p.LinkedIn = LinkedInOn
	}
	if im.Origin == OriginLinkedIn {
		p.LinkedIn, p.Plan, p.Triage = LinkedInConnected, PlanSkip, TriageDone
	}
	return p
}

// findKnown looks a new person up among the user's people: by any email;
// without an email on either side, by name, and company when both give one.
func (t *turn) findKnown(p *Person) (Person, bool, error) {
	for _, e := range p.Emails {
		old, err := t.tx.PersonByEmail(t.ctx, e)
		if err == nil {
			return old, true, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return Person{}, false, fmt.Errorf("find by email: %w", err)
		}
	}
	if p.NameKey == "" {
		return Person{}, false, nil
	}
	old, err := t.tx.PersonByNameKey(t.ctx, p.NameKey)
	switch {
	case errors.Is(err, ErrNotFound):
		return Person{}, false, nil
	case err != nil:
		return Person{}, false, fmt.Errorf("find by name: %w", err)
	}
	if len(p.Emails) > 0 && len(old.Emails) > 0 {
		return Person{}, false, nil // same name, different addresses: two people
	}
	if p.Company != "" && old.Company != "" && !strings.EqualFold(p.Company, old.Company) {
		return Person{}, false, nil
	}
	return old, true, nil
}

// mergeInto fills old's empty contact fields from p; answers stay as they
// were. It reports whether anything changed.
func mergeInto(old *Person, p *Person) bool {
	changed := false
	fill := func(dst *string, src string) {
		if *dst == "" && src != "" {
			*dst, changed = src, true
		}
	}
	fill(&old.FullName, p.FullName)
	fill(&old.FirstName, p.FirstName)
	fill(&old.LastName, p.LastName)
	fill(&old.Email, p.Email)
	fill(&old.Company, p.Company)
	fill(&old.Title, p.Title)
	fill(&old.Phone, p.Phone)
	fill(&old.LinkedInURL, p.LinkedInURL)
	for _, e := range p.Emails {
		if !contains(old.Emails, e) {
			old.Emails, changed = append(old.Emails, e), true
		}
	}
	if p.LinkedIn == LinkedInConnected && old.LinkedIn != LinkedInConnected {
		old.LinkedIn, changed = LinkedInConnected, true
		if old.Triage == TriageDone && !old.PlanByUser {
			old.Plan, old.Draft, old.DraftKind = PlanSkip, "", ""
		}
	}
	return changed
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// reportImport tells the user what the import found.
func (t *turn) reportImport(im Import, res intake.Result, fresh, known int) {
	m := new(text).plain("Found ").bold(plural(len(res.Contacts), "person", "people"))
	if res.Merged > 0 {
		m.plain(" (" + plural(res.Merged, "duplicate", "duplicates") + " merged)")
	}
	m.plain(".")
	if known > 0 {
		m.plain(fmt.Sprintf(" %d of them I already know: they keep your answers, and I won't ask about them again. %d %s new.", known, fresh, isAre(fresh)))
	}
	if res.Ignored > 0 {
		m.plain(" I ignored " + plural(res.Ignored, "line", "lines") + " that were not people")
		if res.Format == "pasted_text" {
			m.plain(" (headings, \"Going\", timestamps…)")
		}
		m.plain(".")
	}
	t.reportSkips(m, res)
	if im.Origin == OriginLinkedIn {
		m.plain("\nThis is your LinkedIn Connections export: they are already connected to you, so I'll never suggest inviting them, and I'll check other imports against them.")
	}
	t.say(m.message())
}

// reportSkips lists the records that were skipped, with line and reason.
func (t *turn) reportSkips(m *text, res intake.Result) {
	var skips []intake.Skip
	for _, s := range res.Skipped {
		if s.Kind != "duplicate" {
			skips = append(skips, s)
		}
	}
	if len(skips) == 0 {
		return
	}
	m.plain("\nSkipped " + plural(len(skips), "line", "lines") + ":")
	for i, s := range skips {
		if i == maxSkipLines {
			m.plain(fmt.Sprintf("\n  …and %d more.", len(skips)-maxSkipLines))
			break
		}
		m.plain(fmt.Sprintf("\n  line %d: %s", s.Line, s.Reason))
	}
}
