package intake

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameKey returns the key under which people are de-duplicated by name:
// the given and family name (honorifics, suffixes, middle names, initials
// and nicknames ignored), folded to lower case without accents or
// punctuation, followed by "|" and the company folded the same way without
// its legal form ("Acme Corp." → "acme") when company is not empty.
//
// Two contacts without an address are the same person when their name
// parts of the key are equal and their company parts are equal or one of
// them is empty; SamePerson applies that rule.
func NameKey(fullName, company string) string {
	k := personKey(fullName)
	if k == "" {
		return ""
	}
	if c := companyKey(company); c != "" {
		return k + "|" + c
	}
	return k
}

// SamePerson reports whether two contacts are the same person under the
// rules Parse uses to merge duplicates: a shared address, or the same
// LinkedIn profile, or — when neither has an address — the same name and
// no conflicting company.
func SamePerson(a, b Contact) bool {
	for _, e := range a.Emails {
		if contains(b.Emails, e) {
			return true
		}
	}
	if a.Email != "" && a.Email == b.Email {
		return true
	}
	if a.LinkedInURL != "" && a.LinkedInURL == b.LinkedInURL && compatibleEmails(&a, &b) {
		return true
	}
	if len(a.Emails) > 0 || len(b.Emails) > 0 || a.Email != "" || b.Email != "" {
		return false
	}
	ka, kb := personKey(a.FullName), personKey(b.FullName)
	if ka == "" || ka != kb {
		return false
	}
	ca, cb := companyKey(a.Company), companyKey(b.Company)
	return ca == "" || cb == "" || ca == cb
}

// personKey is the name part of NameKey.
func personKey(fullName string) string {
	if fullName == "" {
		return ""
	}
	pn := nameFromDisplay(cleanName(fullName).text)
	given, last := pn.given, pn.last
	if given == "" && last == "" {
		return fold(pn.full)
	}
	return strings.TrimSpace(fold(given) + " " + fold(last))
}

// companyKey is the company part of NameKey.
func companyKey(company string) string {
	words := strings.Fields(fold(company))
	out := words[:0]
	for _, w := range words {
		if !companyKeyDrop[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// fold lower-cases, strips accents and turns punctuation into spaces, so
// that "José Álvarez", "JOSE ALVAREZ" and "Jose  Alvarez" are equal.
func fold(s string) string {
	if s == "" {
		return ""
	}
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// O'Neil and ONeil are the same name.
		default:
			space = true
		}
	}
	return norm.NFC.String(b.String())
}
