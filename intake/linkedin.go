package intake

import (
	"net/url"
	"strings"
	"unicode"
)

// linkedInPrefix is the canonical form of a member profile URL.
const linkedInPrefix = "https://www.linkedin.com/in/"

// normLinkedIn returns the canonical profile URL
// "https://www.linkedin.com/in/<slug>" for any way a member profile link is
// written: with or without scheme or "www.", a country sub-domain
// ("gh.linkedin.com"), a trailing slash, tracking query or sub-page. The
// slug is lower-cased and percent-encoded as LinkedIn writes it. Anything
// that is not a member profile (company pages, "lnkd.in" short links, a
// "@handle", old "/pub/" links, "N/A") gives "".
func normLinkedIn(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "<>()[]\"'"))
	lower := strings.ToLower(s)
	i := strings.Index(lower, "linkedin.com/in/")
	if i < 0 || !validLinkedInHost(lower[:i]) {
		return ""
	}
	slug := s[i+len("linkedin.com/in/"):]
	if j := strings.IndexAny(slug, "/?#& \t"); j >= 0 {
		slug = slug[:j]
	}
	if dec, err := url.PathUnescape(slug); err == nil {
		slug = dec
	}
	slug = strings.ToLower(slug)
	if !validSlug(slug) {
		return ""
	}
	return linkedInPrefix + url.PathEscape(slug)
}

// validLinkedInHost checks what precedes "linkedin.com/in/": nothing, a
// scheme, "www." or a two-letter country sub-domain.
func validLinkedInHost(h string) bool {
	h = strings.TrimPrefix(h, "https://")
	h = strings.TrimPrefix(h, "http://")
	switch {
	case h == "", h == "www.", h == "m.", h == "mobile.":
		return true
	case len(h) == 3 && h[2] == '.' && isAllASCIILetters(h[:2]):
		return true
	}
	return false
}

// validSlug accepts the characters LinkedIn allows in a custom profile
// address, including letters of any script.
func validSlug(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if !(r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			return false
		}
	}
	return n >= 2 && n <= 100
}

// nameFromLinkedIn derives a name from a profile slug that clearly is one:
// "jane-doe" or "jane-doe-4a1b2c" → "Jane Doe". Slugs run together
// ("janedoe") or with one word give "".
func nameFromLinkedIn(profile string) string {
	slug, err := url.PathUnescape(strings.TrimPrefix(profile, linkedInPrefix))
	if err != nil {
		return ""
	}
	parts := strings.Split(slug, "-")
	for len(parts) > 0 && !isAllLetters(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1] // LinkedIn's numeric or hex suffix
	}
	if len(parts) < 2 || len(parts) > 3 {
		return ""
	}
	for i, p := range parts {
		if len([]rune(p)) < 2 {
			return ""
		}
		parts[i] = titleWord(p, i == 0)
	}
	return strings.Join(parts, " ")
}

func isAllLetters(s string) bool {
	if s == "" {
		return false
	}
	hasVowel := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		if strings.ContainsRune("aeiouyàáâäãåèéêëìíîïòóôöõøùúûü", r) || r > 0x24f {
			hasVowel = true
		}
	}
	return hasVowel
}

// NormalizeLinkedInURL returns the canonical form of a LinkedIn member
// profile URL, "https://www.linkedin.com/in/<slug>", however it is written
// (scheme, "www.", country sub-domain, trailing slash, tracking query), or
// "" when s is not a member profile. Parse applies the same rule to
// Contact.LinkedInURL.
func NormalizeLinkedInURL(s string) string {
	return normLinkedIn(s)
}
