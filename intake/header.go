package intake

import (
	"strconv"
	"strings"
)

// role is what a CSV column holds.
type role uint8

const (
	roleNone role = iota
	roleFull
	roleFirst
	roleMiddle
	roleLast
	rolePrefix
	roleSuffix
	roleNick
	roleSalutation // ACT!: the greeting name; Salesforce: Mr./Ms.
	roleEmail
	roleEmailLabel // Google "E-mail N - Label": "* " marks the primary
	roleCompany
	roleTitle
	roleTitleOrPrefix // "Title": a job title, or Outlook's Mr./Dr.
	rolePhone
	roleWebsite
	roleLinkedIn
	roleNotes
	roleStatus     // attendee / approval / RSVP status
	roleAttendance // Meetup: attended or not
	roleCheckedIn  // Luma: check-in time
	roleKnown      // a column exporters write that Rapport does not use
	roleCount
)

// colSpec is a role and its priority: when several columns have the same
// single-valued role, the lowest priority number wins.
type colSpec struct {
	role role
	prio int
}

// headerRoles maps normalised header names (see normHeader) of real
// exporters to roles.
var headerRoles = map[string]colSpec{
	"name": {roleFull, 2}, "full name": {roleFull, 1}, "fullname": {roleFull, 1},
	"display name": {roleFull, 3}, "contact": {roleFull, 3}, "contact name": {roleFull, 2},
	"attendee name": {roleFull, 1}, "guest name": {roleFull, 1}, "member name": {roleFull, 1},
	"name (original name)": {roleFull, 1}, "participant": {roleFull, 3}, "your name": {roleFull, 2},
	"first name": {roleFirst, 1}, "firstname": {roleFirst, 1}, "first": {roleFirst, 2},
	"given name": {roleFirst, 1}, "forename": {roleFirst, 2}, "attendee first name": {roleFirst, 1},
	"holder first name": {roleFirst, 1}, "buyer first name": {roleFirst, 5}, "vorname": {roleFirst, 2},
	"prénom": {roleFirst, 2}, "prenom": {roleFirst, 2}, "nombre": {roleFirst, 2},
	"middle name": {roleMiddle, 1}, "additional name": {roleMiddle, 1}, "middle": {roleMiddle, 2},
	"last name": {roleLast, 1}, "lastname": {roleLast, 1}, "last": {roleLast, 2},
	"surname": {roleLast, 1}, "family name": {roleLast, 1}, "attendee last name": {roleLast, 1},
	"holder last name": {roleLast, 1}, "buyer last name": {roleLast, 5}, "nachname": {roleLast, 2},
	"nom": {roleLast, 2}, "apellido": {roleLast, 2}, "apellidos": {roleLast, 2},
	"name prefix": {rolePrefix, 1}, "prefix": {rolePrefix, 2}, "honorific": {rolePrefix, 2},
	"salutation": {roleSalutation, 1}, "suffix": {roleSuffix, 1}, "name suffix": {roleSuffix, 1},
	"nickname": {roleNick, 1}, "nick name": {roleNick, 1}, "preferred name": {roleNick, 1},
	"goes by": {roleNick, 2}, "known as": {roleNick, 2},
	"email": {roleEmail, 1}, "e-mail": {roleEmail, 1}, "email address": {roleEmail, 1},
	"e-mail address": {roleEmail, 1}, "mail": {roleEmail, 3}, "emails": {roleEmail, 2},
	"primary email": {roleEmail, 1}, "work email": {roleEmail, 2}, "personal email": {roleEmail, 3},
	"home email": {roleEmail, 3}, "other email": {roleEmail, 4}, "attendee email": {roleEmail, 1},
	"holder email": {roleEmail, 1}, "buyer email": {roleEmail, 5}, "user email": {roleEmail, 1},
	"company": {roleCompany, 1}, "company name": {roleCompany, 1}, "organization": {roleCompany, 1},
	"organisation": {roleCompany, 1}, "organization name": {roleCompany, 1}, "org": {roleCompany, 2},
	"employer": {roleCompany, 2}, "account name": {roleCompany, 1}, "associated company": {roleCompany, 2},
	"firma": {roleCompany, 2}, "société": {roleCompany, 2}, "empresa": {roleCompany, 2},
	"job title": {roleTitle, 1}, "jobtitle": {roleTitle, 1}, "position": {roleTitle, 1},
	"organization title": {roleTitle, 1}, "role": {roleTitle, 2}, "job": {roleTitle, 3},
	"occupation": {roleTitle, 2}, "profession": {roleTitle, 3}, "designation": {roleTitle, 2},
	"title": {roleTitleOrPrefix, 1}, "headline": {roleTitle, 3},
	"mobile phone": {rolePhone, 1}, "mobile": {rolePhone, 1}, "cell": {rolePhone, 1},
	"cell phone": {rolePhone, 1}, "mobile phone number": {rolePhone, 1}, "primary phone": {rolePhone, 2},
	"phone": {rolePhone, 3}, "phone number": {rolePhone, 3}, "telephone": {rolePhone, 3},
	"tel": {rolePhone, 3}, "business phone": {rolePhone, 4}, "work phone": {rolePhone, 4},
	"home phone": {rolePhone, 5}, "business phone 2": {rolePhone, 5}, "home phone 2": {rolePhone, 6},
	"company main phone": {rolePhone, 6}, "other phone": {rolePhone, 7}, "car phone": {rolePhone, 8},
	"linkedin": {roleLinkedIn, 1}, "linkedin url": {roleLinkedIn, 1}, "linkedin profile": {roleLinkedIn, 1},
	"linkedin profile url": {roleLinkedIn, 1}, "url": {roleWebsite, 2}, "profile url": {roleWebsite, 2},
	"website": {roleWebsite, 3}, "web site": {roleWebsite, 3}, "web page": {roleWebsite, 3},
	"personal web page": {roleWebsite, 4}, "business web page": {roleWebsite, 4},
	"homepage": {roleWebsite, 4}, "social profile": {roleWebsite, 3},
	"notes": {roleNotes, 1}, "note": {roleNotes, 1}, "comments": {roleNotes, 2},
	"description": {roleNotes, 3}, "remarks": {roleNotes, 3},
	"attendee status": {roleStatus, 1}, "approval status": {roleStatus, 1}, "status": {roleStatus, 3},
	"rsvp": {roleStatus, 2}, "rsvp status": {roleStatus, 2}, "registration status": {roleStatus, 2},
	"attendance": {roleAttendance, 1}, "attended": {roleAttendance, 1},
	"checked in at": {roleCheckedIn, 1}, "check-in time": {roleCheckedIn, 1},
	// Outlook and Excel write their headers in the user's language.
	"anrede": {rolePrefix, 1}, "civilité": {rolePrefix, 1}, "tratamiento": {rolePrefix, 1},
	"e-mail-adresse": {roleEmail, 1}, "e-mail 2: adresse": {roleEmail, 2}, "mobiltelefon": {rolePhone, 1},
	"telefon geschäftlich": {rolePhone, 4}, "telefon": {rolePhone, 3}, "titel": {rolePrefix, 2},
	"weitere vornamen": {roleMiddle, 1}, "abteilung": {roleKnown, 9}, "notizen": {roleNotes, 1},
	"e-mail-typ": {roleKnown, 9}, "e-mail: angezeigter name": {roleKnown, 9},
	"adresse de messagerie": {roleEmail, 1}, "adresse e-mail": {roleEmail, 1}, "courriel": {roleEmail, 1},
	"entreprise": {roleCompany, 1}, "fonction": {roleTitle, 1}, "deuxième prénom": {roleMiddle, 1},
	"téléphone mobile": {rolePhone, 1}, "téléphone": {rolePhone, 3},
	"correo electrónico": {roleEmail, 1}, "cargo": {roleTitle, 1}, "puesto": {roleTitle, 1},
	"segundo nombre": {roleMiddle, 1}, "teléfono móvil": {rolePhone, 1}, "teléfono": {rolePhone, 3},
}

// knownHeaders are columns real exporters write that Rapport does not
// use. They count when deciding that a row is a header.
var knownHeaders = []string{
	"connected on", "labels", "group membership", "birthday", "api id", "order #",
	"order date", "ticket type", "ticket name", "quantity", "created at", "join time",
	"leave time", "duration (minutes)", "guest", "categories", "record id", "contact id",
	"contact owner", "lifecycle stage", "lead status", "mailing street", "mailing city",
	"city", "country", "address", "zip", "zip code", "state", "file as", "initials",
	"gender", "department", "organization department", "e-mail type", "e-mail display name",
	"guests", "rsvped on", "joined group on", "event host", "id/status", "referred by",
	"last results", "user id", "member id", "url of member profile", "attendee #",
	"order type", "currency", "total paid", "fees paid", "eventbrite fees", "price tier",
	"phonetic first name", "phonetic middle name", "phonetic last name", "yomi name",
	"given name yomi", "family name yomi", "photo", "meeting id", "topic", "start time",
	"end time", "participants", "amount", "ticket type id", "qr code url", "coupon code",
	"custom source", "eth address", "solana address", "in waiting room", "recording consent",
	"account", "anniversary", "assistant's name", "assistant's phone", "business fax",
	"home fax", "pager", "spouse", "children", "hobby", "language", "location", "keywords",
	"mileage", "priority", "private", "sensitivity", "billing information",
	"business street", "business city", "business state", "business postal code",
	"business country/region", "home street", "home city", "home state", "home postal code",
	"home country/region", "create date", "last activity date", "owner", "lead source",
	"associated deal", "marketing contact status", "group", "tags", "source", "industry",
	"mailing country", "mailing state/province", "mailing zip/postal code", "lead source",
	"date added", "added on", "registered at", "registration date", "ticket", "tickets",
	"checked in", "order id", "order number", "event name", "event",
}

// normHeader normalises a header cell: trimmed, BOM and quotes removed,
// lower-case, "_" as space, single spaces.
func normHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.Trim(strings.TrimSpace(s), "\"'")
	s = strings.ToLower(strings.ReplaceAll(s, "_", " "))
	return strings.Join(strings.Fields(s), " ")
}

// lookupHeader returns the role of a normalised header, including the
// numbered columns of Google and Outlook ("e-mail 2 - value", "e-mail 3
// address", "phone 1 - value") and free-text registration questions ("What's
// your company?"). n is the group number of a numbered e-mail column.
func lookupHeader(h string) (spec colSpec, n int) {
	if s, ok := headerRoles[h]; ok {
		return s, 0
	}
	if s, n, ok := numberedHeader(h); ok {
		return s, n
	}
	if isKnownHeader(h) {
		return colSpec{roleKnown, 9}, 0
	}
	return questionHeader(h), 0
}

var knownHeaderSet = func() map[string]bool {
	m := make(map[string]bool, len(knownHeaders))
	for _, h := range knownHeaders {
		m[h] = true
	}
	return m
}()

func isKnownHeader(h string) bool { return knownHeaderSet[h] }

// numberedHeader recognises "e-mail N - value", "e-mail N - label",
// "e-mail N - type", "e-mail N address", "email N", "phone N - value",
// "website N - value", "organization N - name" and "organization N - title".
func numberedHeader(h string) (colSpec, int, bool) {
	word, rest, ok := strings.Cut(h, " ")
	if !ok {
		return colSpec{}, 0, false
	}
	num, tail, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > 99 {
		return colSpec{}, 0, false
	}
	switch word {
	case "e-mail", "email":
		switch tail {
		case "- value", "address", "":
			return colSpec{roleEmail, 1 + n}, n, true
		case "- label", "- type":
			return colSpec{roleEmailLabel, 1}, n, true
		case "type", "display name":
			return colSpec{roleKnown, 9}, 0, true
		}
	case "phone":
		if tail == "- value" {
			return colSpec{rolePhone, 2 + n}, 0, true
		}
		return colSpec{roleKnown, 9}, 0, true
	case "website":
		if tail == "- value" {
			return colSpec{roleWebsite, 4}, 0, true
		}
		return colSpec{roleKnown, 9}, 0, true
	case "organization", "organisation":
		switch tail {
		case "- name":
			return colSpec{roleCompany, n}, 0, true
		case "- title":
			return colSpec{roleTitle, n}, 0, true
		}
		return colSpec{roleKnown, 9}, 0, true
	case "address", "relation", "event", "im", "custom field", "external id":
		return colSpec{roleKnown, 9}, 0, true
	case "user":
		return colSpec{roleKnown, 9}, 0, true
	}
	return colSpec{}, 0, false
}

// questionHeader maps a free-text column title, such as a registration
// question or a localised or decorated header ("Email (work)"), by the
// words it contains.
func questionHeader(h string) colSpec {
	has := func(w ...string) bool {
		for _, x := range w {
			if strings.Contains(h, x) {
				return true
			}
		}
		return false
	}
	switch {
	case has("linkedin"):
		return colSpec{roleLinkedIn, 4}
	case has("e-mail", "email"):
		return colSpec{roleEmail, 6}
	case has("company", "organization", "organisation", "employer", "where do you work", "workplace"):
		return colSpec{roleCompany, 4}
	case has("job title", "your role", "position", "what do you do", "your title", "job"):
		return colSpec{roleTitle, 4}
	case has("mobile", "phone"):
		return colSpec{rolePhone, 6}
	case has("first name"):
		return colSpec{roleFirst, 4}
	case has("last name", "surname"):
		return colSpec{roleLast, 4}
	}
	return colSpec{}
}

// isIdentityRole reports roles that can identify a person.
func isIdentityRole(r role) bool {
	switch r {
	case roleFull, roleFirst, roleLast, roleEmail, roleLinkedIn:
		return true
	}
	return false
}

// headerScore reports whether a record is a header row: it names at least
// one identity column, holds no addresses, and most of its cells are known
// column names.
func headerScore(cells []string) (score int, ok bool) {
	known, filled, identity := 0, 0, false
	for _, c := range cells {
		h := normHeader(c)
		if h == "" {
			continue
		}
		filled++
		if strings.Contains(h, "@") || strings.Contains(h, "://") || strings.Contains(h, "www.") || strings.Contains(h, ".com") {
			return 0, false // data, not a column name
		}
		spec, _ := lookupHeader(h)
		if spec.role == roleNone {
			continue
		}
		if spec.prio <= 3 || spec.role == roleKnown {
			known++
		}
		identity = identity || isIdentityRole(spec.role)
	}
	ok = identity && (known >= 3 || known*2 >= filled)
	return known, ok
}
