package intake

import (
	"strconv"
	"strings"
)

// record is what a parser found for one person before normalisation. All
// three parsers fill one and hand it to build, so every format follows the
// same rules for names, addresses, identity and skipping.
type record struct {
	line                         int
	source                       string
	name                         nameParts
	emails                       []string // candidates in preference order, as written
	urls                         []string // candidate profile links, as written
	company, title, phone, notes string
	self                         bool   // marked as the importing user ("(Host, me)")
	absent                       string // why the person is not attending, if a status said so
	nameOK                       bool   // name.display already passed the text parser's checks
}

// reset empties r for reuse, keeping its slices' storage.
func (r *record) reset() {
	*r = record{emails: r.emails[:0], urls: r.urls[:0]}
}

// isEmpty reports a record with nothing in it at all.
func (r *record) isEmpty() bool {
	return r.name.empty() && r.name.prefix == "" && r.name.suffix == "" &&
		len(r.emails) == 0 && len(r.urls) == 0 && r.company == "" &&
		r.title == "" && r.phone == "" && r.notes == ""
}

// skipped is a record that build turned down.
type skipped struct {
	kind, reason string
}

// build turns a record into a contact, or says why it cannot be one. A
// contact needs a person's name, a valid address or a LinkedIn profile;
// an organisation with an address is kept with an empty name.
func build(r *record) (Contact, *skipped) {
	if r.self {
		return Contact{}, &skipped{KindSelf, "marked as you, the person importing"}
	}
	if r.absent != "" {
		return Contact{}, &skipped{KindNotAttending, r.absent}
	}
	c := Contact{Line: r.line, Source: r.source}
	var sk *skipped
	if c.Emails, c.Notes, sk = buildEmails(r.emails); sk != nil {
		return Contact{}, sk
	}
	pn, sk := buildName(r)
	if sk != nil {
		return Contact{}, sk
	}
	c.FullName, c.FirstName, c.LastName = pn.full, pn.first, pn.last
	for _, u := range r.urls {
		if c.LinkedInURL = normLinkedIn(u); c.LinkedInURL != "" {
			break
		}
	}
	c.Company = strings.Clone(cleanField(r.company))
	c.Title = strings.Clone(cleanField(r.title))
	c.Phone = strings.Clone(cleanField(r.phone))
	c.Notes = joinNote(c.Notes, strings.Clone(cleanNotes(r.notes)))
	if len(c.Emails) > 0 {
		c.Email = c.Emails[0]
	}
	if c.FullName == "" && c.Email == "" && c.LinkedInURL == "" {
		return Contact{}, noIdentity(r)
	}
	fillDerivedName(&c)
	return c, nil
}

// buildEmails validates and de-duplicates the candidate addresses. Written
// addresses that are not valid go to notes rather than vanish. A record
// whose only addresses are automatic senders is skipped.
func buildEmails(cands []string) (emails []string, notes string, sk *skipped) {
	emails = []string{}
	system := ""
	for _, cand := range cands {
		for _, one := range splitEmailCell(cand) {
			addr, ok := normEmail(one)
			switch {
			case !ok:
				if looksLikeEmailAttempt(one) {
					notes = joinNote(notes, "email not valid: "+strings.TrimSpace(one))
				}
			case isSystemAddress(addr):
				system = addr
			case !contains(emails, addr):
				emails = append(emails, addr)
			}
		}
	}
	if len(emails) == 0 && system != "" {
		return nil, "", &skipped{KindSystemAddress, system + " is an automatic sender, not a person"}
	}
	return emails, strings.Clone(notes), nil
}

// buildName normalises the record's name and turns down placeholders and
// bots.
func buildName(r *record) (personName, *skipped) {
	if r.name.empty() {
		return personName{}, nil
	}
	p := r.name
	var extra string
	for _, f := range []*string{&p.display, &p.first, &p.last, &p.middle, &p.nick} {
		if *f == "" {
			continue
		}
		cn := cleanName(*f)
		*f, extra = cn.text, joinNote(extra, cn.extra)
		if cn.self {
			return personName{}, &skipped{KindSelf, "marked as you, the person importing"}
		}
	}
	p.prefix, p.suffix = cleanField(p.prefix), cleanField(p.suffix)
	if _, ok := normEmail(p.display); ok || looksLikeURL(p.display) {
		p.display = "" // an address or link in the name field is not a name
	}
	probe := firstNonEmpty(p.display, strings.TrimSpace(p.first+" "+p.last))
	if kind, why := classifyNonPerson(probe); kind != "" {
		return personName{}, &skipped{kind, why}
	}
	if !r.nameOK && p.display != "" && p.first == "" && p.last == "" && isCompanyName(p.display) {
		r.company = firstNonEmpty(r.company, p.display)
		p.display = ""
	}
	if p.empty() {
		return personName{}, nil
	}
	pn := nameFromParts(p)
	pn.full, pn.first, pn.last = strings.Clone(pn.full), strings.Clone(pn.first), strings.Clone(pn.last)
	switch {
	case extra == "" || strings.EqualFold(extra, pn.full):
	case pn.last != "" && strings.Contains(strings.ToLower(extra), strings.ToLower(pn.last)):
		r.notes = joinNote(r.notes, "also listed as "+extra)
	default:
		r.notes = joinNote(r.notes, extra)
	}
	return pn, nil
}

// fillDerivedName gives a name to a contact that has none, from its
// address ("jane.doe@" → Jane Doe) or profile slug, when either clearly is
// a name.
func fillDerivedName(c *Contact) {
	if c.FullName != "" {
		return
	}
	derived := ""
	if c.Email != "" {
		derived = nameFromEmail(c.Email)
	}
	if derived == "" && c.LinkedInURL != "" {
		derived = nameFromLinkedIn(c.LinkedInURL)
	}
	if derived != "" {
		pn := nameFromDisplay(derived)
		c.FullName, c.FirstName, c.LastName = pn.full, pn.first, pn.last
	}
}

// noIdentity explains a record without a name, address or profile.
func noIdentity(r *record) *skipped {
	var has []string
	if r.company != "" {
		has = append(has, "a company")
	}
	if r.phone != "" {
		has = append(has, "a phone number")
	}
	if r.title != "" {
		has = append(has, "a job title")
	}
	if len(has) == 0 {
		return &skipped{KindNoIdentity, "no name, email or LinkedIn profile"}
	}
	return &skipped{KindNoIdentity, "only " + strings.Join(has, " and ") + ": no name, email or LinkedIn profile"}
}

// looksLikeURL reports text that is a web address.
func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rowSource is the Source of a CSV record: its data row and file line.
func rowSource(row, line int) string {
	return "row " + strconv.Itoa(row) + " (line " + strconv.Itoa(line) + ")"
}

// lineSource is the Source of a line of pasted text.
func lineSource(line int) string {
	return "line " + strconv.Itoa(line)
}
