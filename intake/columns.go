package intake

import (
	"slices"
)

// emailCol is an address column and the label column that goes with it.
type emailCol struct {
	value, label, prio int
}

// prioCol is a column with its priority.
type prioCol struct {
	idx, prio int
}

// columnMap says which columns of a table hold what. It is built once per
// table and read for every row, so rows cost no map look-ups.
type columnMap struct {
	single  [roleCount]int // best column for each single-valued role, -1 for none
	prio    [roleCount]int
	emails  []emailCol // address columns, best first
	phones  []prioCol  // phone columns, best first
	sites   []prioCol  // LinkedIn and website columns, best first
	notes   []int
	headers []string // header cells as written, for skip reasons
	format  string
}

// newColumnMap maps a header row.
func newColumnMap(header []string, format string) *columnMap {
	m := &columnMap{format: format}
	for i := range m.single {
		m.single[i] = -1
	}
	labels := map[int]int{}
	m.headers = make([]string, len(header))
	for i, h := range header {
		m.headers[i] = cleanField(h)
		spec, n := lookupHeader(normHeader(h))
		switch spec.role {
		case roleNone, roleKnown:
		case roleEmail:
			m.emails = append(m.emails, emailCol{value: i, label: -1 - n, prio: spec.prio})
		case roleEmailLabel:
			labels[n] = i
		case rolePhone:
			m.phones = append(m.phones, prioCol{i, spec.prio})
		case roleWebsite, roleLinkedIn:
			p := spec.prio
			if spec.role == roleWebsite {
				p += 10 // explicit LinkedIn columns first
			}
			m.sites = append(m.sites, prioCol{i, p})
		case roleNotes:
			m.notes = append(m.notes, i)
		default:
			m.setSingle(spec, i)
		}
	}
	m.pairLabels(labels)
	m.resolveTitle()
	slices.SortStableFunc(m.emails, func(a, b emailCol) int { return a.prio - b.prio })
	slices.SortStableFunc(m.phones, func(a, b prioCol) int { return a.prio - b.prio })
	slices.SortStableFunc(m.sites, func(a, b prioCol) int { return a.prio - b.prio })
	return m
}

// setSingle keeps the best column for a single-valued role.
func (m *columnMap) setSingle(spec colSpec, i int) {
	if m.single[spec.role] < 0 || spec.prio < m.prio[spec.role] {
		m.single[spec.role] = i
		m.prio[spec.role] = spec.prio
	}
}

// pairLabels attaches Google's "E-mail N - Label" columns to their values;
// numbered e-mail columns carry -1-N in label until then.
func (m *columnMap) pairLabels(labels map[int]int) {
	for i := range m.emails {
		n := -1 - m.emails[i].label
		m.emails[i].label = -1
		if l, ok := labels[n]; ok && n > 0 {
			m.emails[i].label = l
		}
	}
}

// resolveTitle decides what a bare "Title" column holds: Outlook writes
// Mr./Dr. there next to a "Job Title"; elsewhere it is the job title.
// Meetup's "Title" is a role inside the group, not a job, and is dropped.
func (m *columnMap) resolveTitle() {
	t := m.single[roleTitleOrPrefix]
	if t < 0 {
		return
	}
	switch {
	case m.format == FormatMeetup:
	case m.single[roleTitle] >= 0 || m.format == FormatOutlook:
		if m.single[rolePrefix] < 0 {
			m.single[rolePrefix] = t
		}
	default:
		m.single[roleTitle] = t
	}
	m.single[roleTitleOrPrefix] = -1
}

// hasIdentity reports whether the map can find anyone at all.
func (m *columnMap) hasIdentity() bool {
	return m.single[roleFull] >= 0 || m.single[roleFirst] >= 0 || m.single[roleLast] >= 0 ||
		len(m.emails) > 0 || len(m.sites) > 0
}
