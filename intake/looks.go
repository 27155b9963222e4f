package intake

import (
	"context"
	"strings"
)

// LooksLikeList reports whether a chat message is a pasted list of people
// rather than an answer that happens to span lines: it has at least two
// lines, at least two of them are people, and people make up most of the
// lines that are not noise ("Going", timestamps, headings).
func LooksLikeList(text string) bool {
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if lines < 2 || int64(len(text)) > DefaultMaxBytes {
		return false
	}
	res, err := Parse(context.Background(), strings.NewReader(text), Options{})
	if err != nil {
		return false
	}
	people := len(res.Contacts) + res.Merged
	return people >= 2 && 2*people > lines-res.Ignored
}

// NormalizeLinkedInURL returns the canonical form of a LinkedIn profile URL
// (https://www.linkedin.com/in/<slug>), or "" when s is not one.
func NormalizeLinkedInURL(s string) string {
	return normLinkedIn(strings.TrimSpace(s))
}
