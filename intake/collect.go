package intake

import (
	"slices"
	"strings"
)

// collector gathers what the parsers find: contacts, merged through the
// de-duplication index as they arrive, skips and ignored lines.
type collector struct {
	format   string
	contacts []Contact
	skipped  []Skip
	merged   int
	ignored  int
	dedupe   dedupeIndex
}

func newCollector() *collector {
	return &collector{contacts: []Contact{}, skipped: []Skip{}, dedupe: newDedupeIndex()}
}

// reserve sizes the contact list and the indexes for about n records.
func (c *collector) reserve(n int) {
	if n <= cap(c.contacts) {
		return
	}
	c.contacts = make([]Contact, 0, n)
	c.dedupe.byEmail = make(map[string]int, n)
}

// add turns a record into a contact and files it, or records why not.
func (c *collector) add(r *record) {
	ct, sk := build(r)
	if sk != nil {
		c.skip(r.line, sk.kind, sk.reason)
		return
	}
	c.addContact(ct)
}

// addContact files a built contact, merging it into an earlier one that is
// the same person.
func (c *collector) addContact(ct Contact) {
	if i, ok := c.dedupe.find(c.contacts, &ct); ok {
		mergeInto(&c.contacts[i], &ct)
		c.dedupe.index(&c.contacts[i], i)
		c.merged++
		return
	}
	c.contacts = append(c.contacts, ct)
	c.dedupe.index(&c.contacts[len(c.contacts)-1], len(c.contacts)-1)
}

// skip records a record that was not imported.
func (c *collector) skip(line int, kind, reason string) {
	c.skipped = append(c.skipped, Skip{Line: line, Kind: kind, Reason: reason})
}

// ignore counts one noise line.
func (c *collector) ignore() { c.ignored++ }

// result assembles the Result, skips in line order.
func (c *collector) result() Result {
	slices.SortStableFunc(c.skipped, func(a, b Skip) int { return a.Line - b.Line })
	return Result{Format: c.format, Contacts: c.contacts, Merged: c.merged, Ignored: c.ignored, Skipped: c.skipped}
}

// mergeInto folds a duplicate into the contact first seen. The first
// occurrence's values win; fields it lacks are filled from the duplicate;
// addresses are united in first-seen order; notes are joined. Nothing
// non-empty is lost except a second value for a one-value field.
func mergeInto(dst, src *Contact) {
	fill := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	if dst.FullName == "" {
		dst.FullName, dst.FirstName, dst.LastName = src.FullName, src.FirstName, src.LastName
	}
	fill(&dst.FirstName, src.FirstName)
	fill(&dst.LastName, src.LastName)
	fill(&dst.Company, src.Company)
	fill(&dst.Title, src.Title)
	fill(&dst.Phone, src.Phone)
	fill(&dst.LinkedInURL, src.LinkedInURL)
	for _, e := range src.Emails {
		if !contains(dst.Emails, e) {
			dst.Emails = append(dst.Emails, e)
		}
	}
	if dst.Email == "" && len(dst.Emails) > 0 {
		dst.Email = dst.Emails[0]
	}
	if src.Notes != "" && !strings.Contains(dst.Notes, src.Notes) {
		dst.Notes = joinNote(dst.Notes, src.Notes)
	}
}
