package intake

import "strings"

// looksLines is how many lines LooksLikeList examines; a longer message is
// judged by its start.
const looksLines = 200

// LooksLikeList reports whether a chat message is a pasted list of people
// rather than a conversational answer: a table copied from a spreadsheet,
// or several lines that parse to people and make up most of the lines that
// are not page chrome. At least two of the people must be clear — a name
// of two words or more, an address or a profile link — unless every line
// is a one-word name and there are three or more of them. A single line is
// never a list.
func LooksLikeList(text string) bool {
	if strings.Count(text, "\n") == 0 {
		return false
	}
	if len(text) > sniffSize {
		text = text[:sniffSize]
	}
	if d, ok := chooseDelimiter(text, true, false, true); ok && d == '\t' {
		return strings.Count(strings.TrimSpace(text), "\n") >= 1
	}
	var people, clear, content int
	for i, line := range strings.Split(text, "\n") {
		if i >= looksLines {
			break
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		res := parseLine(line)
		switch res.kind {
		case linePeople:
			content++
			people += len(res.recs)
			for _, r := range res.recs {
				if len(r.emails) > 0 || len(r.urls) > 0 || len(strings.Fields(r.name.display)) >= 2 {
					clear++
				}
			}
		case lineSkip:
			content++
			people++
		case lineNoise:
			if !isChrome(line) {
				content++ // prose, not page furniture
			}
		}
	}
	if people < 2 || people*2 < content+1 {
		return false
	}
	return clear >= 2 || (people >= 3 && people == content)
}

// isChrome reports a noise line that is page furniture of a copied list
// (a count, a status, initials, a time, a heading) rather than prose.
func isChrome(line string) bool {
	s := strings.TrimSpace(line)
	if strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return false
	}
	return len(strings.Fields(s)) <= 4 || strings.HasSuffix(s, ":")
}
