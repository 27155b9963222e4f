package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseAddressList reads a line of several people with addresses, as
// copied from an e-mail's To or Cc field: `"Doe, Jane" <jane@x>; Bob
// <bob@y>`. It returns nil when the line is one person with two addresses.
func parseAddressList(s string) []record {
	for _, h := range []string{"to:", "cc:", "bcc:", "from:"} {
		if len(s) > len(h) && strings.EqualFold(s[:len(h)], h) {
			s = s[len(h):]
		}
	}
	parts := splitOutsideQuotes(s)
	var recs []record
	for _, p := range parts {
		spans := findEmails(p)
		if len(spans) != 1 {
			return nil
		}
		p = strings.ReplaceAll(p, `"`, "")
		rec, ok := parsePersonText(p, findEmails(p))
		if !ok {
			return nil
		}
		recs = append(recs, rec)
	}
	return recs
}

// splitOutsideQuotes splits at commas and semicolons that are not inside
// double quotes or angle brackets.
func splitOutsideQuotes(s string) []string {
	var parts []string
	depth, quote, start := 0, false, 0
	for i, r := range s {
		switch {
		case r == '"':
			quote = !quote
		case r == '<':
			depth++
		case r == '>' && depth > 0:
			depth--
		case (r == ',' || r == ';') && !quote && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	parts = append(parts, s[start:])
	out := parts[:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

// stripMarkers removes list bullets, numbering and checkboxes from the
// start of a line.
func stripMarkers(s string) string {
	for {
		t := strings.TrimLeft(s, " ")
		t = strings.TrimLeft(t, "•·‣◦▪●○■□➢►→✓✔☐☑")
		for _, m := range []string{"- ", "* ", "+ ", "> ", "– ", "— ", "[ ] ", "[x] ", "[X] "} {
			t = strings.TrimPrefix(t, m)
		}
		t = stripNumbering(strings.TrimLeft(t, " "))
		if t == s {
			return s
		}
		s = t
	}
}

// stripNumbering removes "1. ", "2) ", "(3) ", "#4 ", "a) ".
func stripNumbering(s string) string {
	i := 0
	if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "#") {
		i = 1
	}
	j := i
	for j < len(s) && j-i < 4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i && j+1 < len(s) && s[j] >= 'a' && s[j] <= 'z' && s[j+1] == ')' {
		j++ // "a) "
	}
	if j == i || j >= len(s) {
		return s
	}
	if strings.IndexByte(".):]", s[j]) >= 0 && j+1 < len(s) && s[j+1] == ' ' {
		return s[j+2:]
	}
	if s[0] == '#' && s[j] == ' ' {
		return s[j+1:]
	}
	return s
}

// isSelfMarkerLine reports the "(You)" line video-call panels put under
// the user's own name.
func isSelfMarkerLine(s string) bool {
	switch strings.ToLower(strings.Trim(s, " ()[]")) {
	case "you", "me", "this is you", "host, me", "me, host":
		return true
	}
	return false
}

// isBadgeLine reports LinkedIn's connection-degree line ("• 2nd", "3rd+
// degree connection").
func isBadgeLine(s string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(s, " •·")))
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !isDegreeBadge(w) && w != "degree" && w != "connection" && w != "•" && w != "·" {
			return false
		}
	}
	return isDegreeBadge(words[0])
}

func hasUpper(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf && 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
