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
	unit                         string // "row" or "card" for a record of a table or vCard file, "" for a line
	unitNo                       int    // its number among the rows or cards
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
	c := Contact{Line: r.line}
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
	c.Company = cleanField(r.company)
	c.Title = cleanField(r.title)
	c.Phone = cleanField(r.phone)
	c.Notes = joinNote(c.Notes, cleanNotes(r.notes))
	if len(c.Emails) > 0 {
		c.Email = c.Emails[0]
	}
	if c.FullName == "" && c.Email == "" && c.LinkedInURL == "" {
		return Contact{}, noIdentity(r)
	}
	fillDerivedName(&c)
	var buf [48]byte
	packContact(&c, r.appendSource(buf[:0]))
	return c, nil
}

// appendSource writes where the record was found: "line 4", "row 3 (line
// 5)", "card 2 (line 25)".
func (r *record) appendSource(b []byte) []byte {
	if r.unit == "" {
		return strconv.AppendInt(append(b, "line "...), int64(r.line), 10)
	}
	b = append(append(b, r.unit...), ' ')
	b = strconv.AppendInt(b, int64(r.unitNo), 10)
	b = strconv.AppendInt(append(b, " (line "...), int64(r.line), 10)
	return append(b, ')')
}

// packContact copies the contact's strings into one allocation. Many are
// substrings of the input — of a whole CSV record, all 92 columns of an
// Outlook row — and would keep it alive for as long as the contact; one
// copy per contact is cheaper than one per field.
// The Source, written by the caller, is packed along.
func packContact(c *Contact, source []byte) {
	fields := [...]*string{&c.FullName, &c.FirstName, &c.LastName, &c.Company, &c.Title,
		&c.Phone, &c.LinkedInURL, &c.Notes}
	n := len(source)
	for _, f := range fields {
		n += len(*f)
	}
	for _, e := range c.Emails {
		n += len(e)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	for _, e := range c.Emails {
		b.WriteString(e)
	}
	b.Write(source)
	all, off := b.String(), 0
	take := func(l int) string {
		s := all[off : off+l]
		off += l
		return s
	}
	for _, f := range fields {
		*f = take(len(*f))
	}
	for i, e := range c.Emails {
		c.Emails[i] = take(len(e))
	}
	c.Source = take(len(source))
	if len(c.Emails) > 0 {
		c.Email = c.Emails[0]
	}
}

// buildEmails validates and de-duplicates the candidate addresses. Written
// addresses that are not valid go to notes rather than vanish. A record
// whose only addresses are automatic senders is skipped.
func buildEmails(cands []string) (emails []string, notes string, sk *skipped) {
	emails = []string{}
	system := ""
	for _, cand := range cands {
		eachInCell(cand, func(one string) {
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
		})
	}
	if len(emails) == 0 && system != "" {
		return nil, "", &skipped{KindSystemAddress, system + " is an automatic sender, not a person"}
	}
	return emails, notes, nil
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
	if mayBeNonPerson(p.display) || mayBeNonPerson(p.first) || mayBeNonPerson(p.last) {
		probe := firstNonEmpty(p.display, strings.TrimSpace(p.first+" "+p.last))
		if kind, why := classifyNonPerson(probe); kind != "" {
			return personName{}, &skipped{kind, why}
		}
	}
	if !r.nameOK && p.display != "" && p.first == "" && p.last == "" && isCompanyName(p.display) {
		r.company = firstNonEmpty(r.company, p.display)
		p.display = ""
	}
	if p.empty() {
		return personName{}, nil
	}
	pn := nameFromParts(p)
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
