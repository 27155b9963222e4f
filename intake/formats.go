package intake

// detectFormat names the exporter of a table from its normalised header.
// Signatures are columns only that exporter writes; anything else with
// recognisable columns is generic_csv.
func detectFormat(headers []string) string {
	set := make(map[string]bool, len(headers))
	for _, h := range headers {
		set[h] = true
	}
	has := func(hs ...string) bool {
		for _, h := range hs {
			if !set[h] {
				return false
			}
		}
		return true
	}
	any := func(hs ...string) bool {
		for _, h := range hs {
			if set[h] {
				return true
			}
		}
		return false
	}
	switch {
	case has("api id", "approval status"):
		return FormatLuma
	case any("order #", "order no.", "order id") && any("attendee status", "ticket type", "attendee #"):
		return FormatEventbrite
	case has("user id") && any("rsvp", "url of member profile", "rsvped on"):
		return FormatMeetup
	case has("name (original name)"), has("user email", "join time"):
		return FormatZoom
	case has("connected on"), has("first name", "last name", "email address", "company", "position"):
		return FormatLinkedIn
	case has("e-mail 1 - value"), has("given name", "family name"), has("organization 1 - name"),
		has("organization name", "labels"):
		return FormatGoogle
	case has("e-mail address") && any("e-mail 2 address", "business phone", "e-mail display name"),
		has("e-mail-adresse") && any("e-mail-typ", "telefon geschäftlich", "weitere vornamen"):
		return FormatOutlook
	case has("contact") && any("salutation", "id/status", "referred by", "last results"):
		return FormatACT
	case any("record id", "contact owner", "lifecycle stage", "lead status", "contact id",
		"associated company", "mailing street", "account name"):
		return FormatCRM
	}
	return FormatGenericCSV
}
