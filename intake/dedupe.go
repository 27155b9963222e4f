package intake

// dedupeIndex finds the earlier contact a new one duplicates.
//
// The rules: the same address (compared lower-cased and trimmed) is the
// same person; the same LinkedIn profile is the same person; when neither
// side has an address, the same normalised name is the same person unless
// both give a company and the companies differ. The same name with two
// different addresses is two people, and so is a name with an address
// against the same name without one.
type dedupeIndex struct {
	byEmail   map[string]int
	byProfile map[string]int
	byName    map[string][]int // name key → email-less contacts with it
}

func newDedupeIndex() dedupeIndex {
	return dedupeIndex{byEmail: map[string]int{}, byProfile: map[string]int{}, byName: map[string][]int{}}
}

// find returns the index of the contact ct duplicates.
func (d *dedupeIndex) find(contacts []Contact, ct *Contact) (int, bool) {
	for _, e := range ct.Emails {
		if i, ok := d.byEmail[e]; ok {
			return i, true
		}
	}
	if ct.LinkedInURL != "" {
		if i, ok := d.byProfile[ct.LinkedInURL]; ok && compatibleEmails(&contacts[i], ct) {
			return i, true
		}
	}
	if len(ct.Emails) > 0 || ct.FullName == "" {
		return 0, false
	}
	key := personKey(ct.FullName)
	company := companyKey(ct.Company)
	for _, i := range d.byName[key] {
		other := &contacts[i]
		if len(other.Emails) > 0 {
			continue
		}
		if oc := companyKey(other.Company); oc == "" || company == "" || oc == company {
			return i, true
		}
	}
	return 0, false
}

// compatibleEmails reports whether two contacts with one profile URL may
// merge: not when both have addresses and share none, which is a
// conflict better left for the user to see.
func compatibleEmails(a, b *Contact) bool {
	if len(a.Emails) == 0 || len(b.Emails) == 0 {
		return true
	}
	for _, e := range b.Emails {
		if contains(a.Emails, e) {
			return true
		}
	}
	return false
}

// index records contact i (new or just merged) under its keys.
func (d *dedupeIndex) index(ct *Contact, i int) {
	for _, e := range ct.Emails {
		if _, ok := d.byEmail[e]; !ok {
			d.byEmail[e] = i
		}
	}
	if ct.LinkedInURL != "" {
		if _, ok := d.byProfile[ct.LinkedInURL]; !ok {
			d.byProfile[ct.LinkedInURL] = i
		}
	}
	if len(ct.Emails) == 0 && ct.FullName != "" {
		key := personKey(ct.FullName)
		if !containsInt(d.byName[key], i) {
			d.byName[key] = append(d.byName[key], i)
		}
	}
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
