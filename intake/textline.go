package intake

import (
	"strings"
)

// lineKind is what one line of pasted text turned out to be.
type lineKind int

const (
	lineNoise      lineKind = iota // chrome, heading, count: ignored
	linePeople                     // one or more people
	lineHeadline                   // "Product Manager at Acme": about the person above
	lineSelfMarker                 // "(You)" under a name: the person above is the user
	lineBadge                      // LinkedIn's "• 2nd" under a name
	lineSkip                       // not a person, reported (placeholder, bot…)
	lineStatus                     // "Approval pending" under a name on an event page
)

// lineResult is the parse of one line.
type lineResult struct {
	kind           lineKind
	recs           []record
	title, company string
	skipKind, why  string
}

// parseLine reads one non-blank line of pasted text.
func parseLine(raw string) lineResult {
	s := stripMarkers(cleanField(raw))
	switch {
	case s == "":
		return lineResult{kind: lineNoise}
	case isSelfMarkerLine(s):
		return lineResult{kind: lineSelfMarker}
	case isBadgeLine(s):
		return lineResult{kind: lineBadge}
	case len(s) < 40 && notAttending(s):
		return lineResult{kind: lineStatus, why: "marked \"" + s + "\" on the list"}
	}
	if isLoneLink(s) && normLinkedIn(s) == "" {
		return lineResult{kind: lineSkip, skipKind: KindNoIdentity, why: "a web link that is not a person's LinkedIn profile"}
	}
	if looksLikeEmailAttempt(s) && len(strings.Fields(s)) == 1 && len(findEmails(s)) == 0 {
		return lineResult{kind: lineSkip, skipKind: KindInvalid, why: "not a valid email address: " + s}
	}
	emails := findEmails(s)
	if len(emails) >= 2 {
		if recs := parseAddressList(s); len(recs) > 1 {
			return lineResult{kind: linePeople, recs: recs}
		}
	}
	if len(emails) == 0 && !strings.Contains(strings.ToLower(s), "linkedin.com/") {
		if res, ok := nonPersonLine(s); ok {
			return res
		}
	}
	rec, ok := parsePersonText(s, emails)
	if ok {
		return lineResult{kind: linePeople, recs: []record{rec}}
	}
	return headlineOrNoise(s, &rec)
}

// isLoneLink reports a line that is one web link and nothing else.
func isLoneLink(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.Contains(l, "linkedin.com/")
}

// nonPersonLine catches lines that are certainly not a person before any
// name parsing: phone and dial-in numbers, and noise.
func nonPersonLine(s string) (lineResult, bool) {
	if isPhoneLike(s) {
		if strings.Contains(s, "*") {
			return lineResult{kind: lineSkip, skipKind: KindPlaceholder, why: "a masked dial-in number, not a person"}, true
		}
		return lineResult{kind: lineSkip, skipKind: KindNoIdentity, why: "only a phone number: no name, email or LinkedIn profile"}, true
	}
	if isNoiseLine(s) {
		return lineResult{kind: lineNoise}, true
	}
	return lineResult{}, false
}

// headlineOrNoise classifies a line that is not a person: a placeholder or
// bot, a job headline for the person above, a company alone, or noise.
func headlineOrNoise(s string, rec *record) lineResult {
	name := cleanName(s).text
	if kind, why := classifyNonPerson(name); kind != "" {
		return lineResult{kind: lineSkip, skipKind: kind, why: why}
	}
	if len(strings.Fields(s)) <= 12 && (isJobTitle(s) || rec.title != "") {
		var h record
		for _, part := range strings.Split(s, ",") {
			h.addInfo(part)
		}
		if h.title != "" || h.company != "" {
			return lineResult{kind: lineHeadline, title: h.title, company: h.company}
		}
	}
	if isCompanyName(name) {
		return lineResult{kind: lineSkip, skipKind: KindNoIdentity, why: "only a company: no person's name, email or LinkedIn profile"}
	}
	return lineResult{kind: lineNoise}
}
