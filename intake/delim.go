package intake

import "strings"

// delimiters are the field separators CSV writers use: comma, semicolon
// (Excel in locales with a decimal comma), tab, and pipe.
var delimiters = []rune{',', ';', '\t', '|'}

// sampleRecords splits the start of a table into at most max records with
// delimiter d, honouring quotes. When the sample is cut short (complete is
// false) the last, possibly partial, record is dropped.
func sampleRecords(text string, d rune, max int, complete bool) [][]string {
	var recs [][]string
	var fields []string
	var b strings.Builder
	inQuote := false
	endField := func() {
		fields = append(fields, strings.TrimSpace(b.String()))
		b.Reset()
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if inQuote {
			switch {
			case c == '"' && i+1 < len(text) && text[i+1] == '"':
				b.WriteByte('"')
				i++
			case c == '"':
				inQuote = false
			default:
				b.WriteByte(c)
			}
			continue
		}
		switch {
		case c == '"' && strings.TrimSpace(b.String()) == "":
			b.Reset()
			inQuote = true
		case rune(c) == d:
			endField()
		case c == '\n':
			endField()
			recs = append(recs, trimCR(fields))
			fields = nil
			if len(recs) >= max {
				return recs
			}
		default:
			b.WriteByte(c)
		}
	}
	if complete && (b.Len() > 0 || len(fields) > 0) {
		endField()
		recs = append(recs, trimCR(fields))
	}
	return recs
}

func trimCR(fields []string) []string {
	if n := len(fields); n > 0 {
		fields[n-1] = strings.TrimRight(fields[n-1], "\r")
	}
	return fields
}

// chooseDelimiter decides whether text is a table and with which
// delimiter. A delimiter that yields a recognised header row wins. Without
// one, a file named .csv takes the delimiter that splits most lines into
// the same number of fields; a pasted text is a table only when it is
// consistently tab-separated (cells copied from a spreadsheet), and any
// other file only when it is consistently split into three fields or more.
func chooseDelimiter(text string, complete, forced, paste bool) (rune, bool) {
	best, bestScore := ',', -1
	for _, d := range delimiters {
		recs := sampleRecords(text, d, headerSearchRecords, complete)
		for _, rec := range recs {
			if len(rec) < 2 && (d != ',' || paste) {
				continue // a one-word line is a column name only in a file
			}
			if score, ok := headerScore(rec); ok && score > bestScore {
				best, bestScore = d, score
				break
			}
		}
	}
	if bestScore >= 0 {
		return best, true
	}
	d, width, share := consistentDelimiter(text, complete)
	switch {
	case forced:
		return d, true
	case width < 2 || share < 0.8:
		return 0, false
	case d == '\t':
		return d, true
	case !paste && width >= 3:
		return d, true
	}
	return 0, false
}

// consistentDelimiter finds the delimiter that splits the sample's lines
// into the same number of fields most often: it returns that delimiter,
// the number of fields, and the share of lines that have it.
func consistentDelimiter(text string, complete bool) (d rune, width int, share float64) {
	d = ','
	for _, cand := range delimiters {
		recs := sampleRecords(text, cand, 50, complete)
		counts := map[int]int{}
		total := 0
		for _, r := range recs {
			if len(r) == 1 && r[0] == "" {
				continue // blank line
			}
			counts[len(r)]++
			total++
		}
		for w, n := range counts {
			s := float64(n) / float64(max(total, 1))
			if w >= 2 && (s > share || s == share && w > width) {
				d, width, share = cand, w, s
			}
		}
	}
	return d, width, share
}
