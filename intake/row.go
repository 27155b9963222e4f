package intake

import (
	"strings"
)

// cell returns field i of a row, "" when the row is shorter.
func cell(fields []string, i int) string {
	if i < 0 || i >= len(fields) {
		return ""
	}
	return strings.TrimSpace(fields[i])
}

// fill copies a row into a record through the column map.
func (m *columnMap) fill(r *record, fields []string) {
	get := func(ro role) string { return cell(fields, m.single[ro]) }
	r.name = nameParts{
		display: get(roleFull), prefix: get(rolePrefix), first: get(roleFirst),
		middle: get(roleMiddle), last: get(roleLast), suffix: get(roleSuffix), nick: get(roleNick),
	}
	m.applySalutation(r, get(roleSalutation))
	r.company, r.title = get(roleCompany), get(roleTitle)
	m.fillEmails(r, fields)
	for _, p := range m.phones {
		if v := cell(fields, p.idx); v != "" {
			r.phone = firstValue(v)
			break
		}
	}
	for _, s := range m.sites {
		if v := cell(fields, s.idx); v != "" {
			r.urls = append(r.urls, splitEmailCell(v)...)
		}
	}
	for _, n := range m.notes {
		r.notes = joinNote(r.notes, cell(fields, n))
	}
}

// fillEmails adds the row's addresses, the one Google labels "* " first.
func (m *columnMap) fillEmails(r *record, fields []string) {
	for _, e := range m.emails {
		v := cell(fields, e.value)
		if v == "" {
			continue
		}
		if strings.HasPrefix(cell(fields, e.label), "*") {
			r.emails = append([]string{v}, r.emails...)
			continue
		}
		r.emails = append(r.emails, v)
	}
}

// applySalutation reads a "Salutation" cell: Mr./Dr. is an honorific
// (Salesforce); a given name, possibly after "Dear", is the name the user
// greets the person by (ACT!).
func (m *columnMap) applySalutation(r *record, s string) {
	if s == "" {
		return
	}
	if isPrefixWord(s) {
		r.name.prefix = firstNonEmpty(r.name.prefix, s)
		return
	}
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "Dear "), "dear "))
	s = strings.TrimRight(s, ",")
	w := strings.Fields(s)
	if len(w) != 1 || isPrefixWord(w[0]) || strings.EqualFold(w[0], r.name.first) {
		return
	}
	r.name.nick = firstNonEmpty(r.name.nick, w[0])
}

// firstValue returns the first of several values in a cell (" ::: ").
func firstValue(v string) string {
	if i := strings.Index(v, ":::"); i >= 0 {
		return strings.TrimSpace(v[:i])
	}
	return v
}

// statusSkip decides from the status columns whether a row is a person who
// did not or will not attend, and says why in the exporter's own words.
func (m *columnMap) statusSkip(fields []string) (string, bool) {
	if cell(fields, m.single[roleCheckedIn]) != "" {
		return "", false // checked in: attended whatever the status says
	}
	for _, ro := range []role{roleStatus, roleAttendance} {
		i := m.single[ro]
		v := cell(fields, i)
		if v != "" && notAttending(v) {
			return m.headers[i] + " is \"" + v + "\"", true
		}
	}
	return "", false
}

// notAttending reports status values of people who are not coming or did
// not come: refunded, cancelled, declined, waitlisted, pending approval,
// invited only, RSVP "No", absent. Unknown values keep the person.
func notAttending(v string) bool {
	switch strings.ToLower(strings.Join(strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == ' ' || r == '-' }), " ")) {
	case "refunded", "cancelled", "canceled", "declined", "not attending", "waitlist",
		"waitlisted", "wait list", "pending approval", "pending", "invited", "no", "deleted",
		"transferred", "no show", "noshow", "absent", "did not attend", "rejected", "not going",
		"maybe", "unpaid", "expired", "approval pending", "can't go", "cant go", "not approved":
		return true
	}
	return false
}
