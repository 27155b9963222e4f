package intake

import "strings"

// columnStats counts what the cells of one column look like.
type columnStats struct {
	filled, email, linkedin, phone, fullName, oneName, job, company, lastFirst, text int
}

func (s columnStats) share(n int) float64 {
	if s.filled == 0 {
		return 0
	}
	return float64(n) / float64(s.filled)
}

// guessColumns maps a table that has no header by what its cells hold:
// addresses, profile links and phone numbers are plain to see; a column of
// two- to four-word names is the full name, two neighbouring columns of
// single names are first and last name; a column of job words is the title
// and the first other text column after the name is the company.
func guessColumns(recs []bufferedRecord) *columnMap {
	width := 0
	for _, r := range recs {
		width = max(width, len(r.fields))
	}
	width = min(width, maxColumns)
	stats := make([]columnStats, width)
	for _, r := range recs {
		for i, f := range r.fields {
			if i < width {
				stats[i].add(strings.TrimSpace(f))
			}
		}
	}
	header := make([]string, width)
	for i := range header {
		header[i] = "column " + string(rune('A'+i%26))
	}
	m := newColumnMap(nil, FormatGenericCSV)
	m.headers = header
	taken := make([]bool, width)
	m.guessContactColumns(stats, taken)
	m.guessNameColumns(stats, taken)
	m.guessWorkColumns(stats, taken)
	return m
}

// add classifies one cell.
func (s *columnStats) add(v string) {
	if v == "" {
		return
	}
	s.filled++
	switch {
	case validEmail(strings.Trim(v, "<> ")):
		s.email++
	case normLinkedIn(v) != "":
		s.linkedin++
	case isPhoneLike(v):
		s.phone++
	case isJobTitle(v):
		s.job++
	case isCompanyName(v):
		s.company++
	case looksLikeName(v, !hasUpper(v)):
		if len(strings.Fields(v)) >= 2 {
			s.fullName++
		} else {
			s.oneName++
		}
	default:
		if l, r, ok := cutLastFirst(v); ok && looksLikeName(r+" "+l, false) {
			s.lastFirst++
		} else if hasLetter(v) {
			s.text++
		}
	}
}

// guessContactColumns takes the address, profile and phone columns.
func (m *columnMap) guessContactColumns(stats []columnStats, taken []bool) {
	for i, s := range stats {
		switch {
		case s.share(s.email) >= 0.5:
			m.emails = append(m.emails, emailCol{value: i, label: -1, prio: i})
		case s.share(s.linkedin) >= 0.5:
			m.sites = append(m.sites, prioCol{i, i})
		case s.share(s.phone) >= 0.6 && len(m.phones) == 0:
			m.phones = append(m.phones, prioCol{i, i})
		default:
			continue
		}
		taken[i] = true
	}
}

// guessNameColumns takes the name columns.
func (m *columnMap) guessNameColumns(stats []columnStats, taken []bool) {
	best, bestShare := -1, 0.5
	for i, s := range stats {
		if sh := s.share(s.fullName + s.lastFirst); !taken[i] && sh >= bestShare {
			best, bestShare = i, sh
		}
	}
	if best >= 0 {
		m.single[roleFull], taken[best] = best, true
		return
	}
	for i := 0; i+1 < len(stats); i++ {
		a, b := stats[i], stats[i+1]
		if !taken[i] && !taken[i+1] && a.share(a.oneName) >= 0.6 && b.share(b.oneName+b.fullName) >= 0.6 {
			m.single[roleFirst], m.single[roleLast] = i, i+1
			taken[i], taken[i+1] = true, true
			return
		}
	}
	for i, s := range stats {
		if !taken[i] && s.share(s.oneName) >= 0.6 {
			m.single[roleFull], taken[i] = i, true
			return
		}
	}
}

// guessWorkColumns takes the title and company columns.
func (m *columnMap) guessWorkColumns(stats []columnStats, taken []bool) {
	best, bestShare := -1, 0.3
	for i, s := range stats {
		if sh := s.share(s.job); !taken[i] && sh >= bestShare {
			best, bestShare = i, sh
		}
	}
	if best >= 0 {
		m.single[roleTitle], taken[best] = best, true
	}
	best, bestShare = -1, 0.2
	for i, s := range stats {
		if sh := s.share(s.company); !taken[i] && sh >= bestShare {
			best, bestShare = i, sh
		}
	}
	nameEnd := max(m.single[roleFull], m.single[roleLast])
	for i, s := range stats {
		if best >= 0 {
			break
		}
		if !taken[i] && i > nameEnd && s.share(s.text+s.company+s.oneName+s.fullName) >= 0.5 {
			best = i
		}
	}
	if best >= 0 {
		m.single[roleCompany], taken[best] = best, true
	}
}
