package coach

import (
	"cmp"
	"slices"
	"time"
)

// Pacing figures of PRODUCT.md flow 5.
const (
	// recentEventDays: people met at an event this recent come early,
	// because memories fade.
	recentEventDays = 14
	// slowDownWindow answered invitations are looked at; fewer than half
	// accepted halves the batch. slowDownMinimum answers are needed first,
	// so that two early ignores do not halve anyone's pace.
	slowDownWindow  = 20
	slowDownMinimum = 10
	// maxEmailList bounds the separate email-first list of a day.
	maxEmailList = 5
)

// batchPlan is one sending day's batch, worked out from the user's people.
type batchPlan struct {
	Day   localDay
	Today bool // Day is today; otherwise today is not a sending day
	// People are the day's invitations in their fixed order; each has
	// BatchDay = Day and BatchPos = its number. Fresh ones were added now
	// and must be saved.
	People []Person
	Fresh  []Person
	Emails []Person // email-first and email-invite people, a short list

	Size     int  // invitations this day allows (after slow-down and cap)
	SlowDown bool // the batch is halved: too few recent acceptances
	HalfPace bool // the batch is halved: LinkedIn warned the user recently
	Accepted int  // of Answered recent invitations, for the explanation
	Answered int
	CapLeft  int // weekly cap left before this day
	// NotesLeft is how many notes may still be sent this month; people of
	// the batch planned with a note beyond it go without one (NoNote).
	NotesLeft int
	Unlimited bool
	NoNote    map[int64]bool
}

// isInvitation reports whether a plan is a LinkedIn invitation, which
// counts toward the batch size and the weekly cap.
func isInvitation(p Plan) bool { return p == PlanInviteNote || p == PlanInviteThenMessage }

func isEmailPlan(p Plan) bool { return p == PlanEmailFirst || p == PlanEmailInvite }

// planBatch works out the batch of the next sending day on or after now's
// local day. A day's batch is fixed once made: its people keep their
// numbers all day; it is only topped up when it holds fewer than the day
// allows. Unsent people of earlier days carry over as candidates, so
// nobody is lost and batches never pile up.
func planBatch(people []Person, eventDates map[int64]string, s Settings, now time.Time) batchPlan {
	b := batchPlan{Day: batchDay(s, now)}
	b.Today = b.Day == dayOf(now, location(s.TimeZone))
	b.pace(people, s)
	key := b.Day.String()
	var candidates []int // indexes into people: sorting them moves no Person
	for i := range people {
		p := &people[i]
		switch {
		case p.BatchDay == key && p.BatchPos > 0:
			b.People = append(b.People, *p)
		case queued(p, b.Day):
			candidates = append(candidates, i)
		case isEmailPlan(p.Plan) && p.Triage == TriageDone && p.SentAt.IsZero() && !p.NeverContact:
			b.Emails = append(b.Emails, *p)
		}
	}
	slices.SortFunc(b.People, func(x, y Person) int { return x.BatchPos - y.BatchPos })
	room := b.Size - len(b.People)
	if room > 0 {
		recent := b.Day.addDays(-recentEventDays).String()
		keys := make(map[int]uint64, len(candidates))
		for _, i := range candidates {
			keys[i] = rankKey(&people[i], eventDates, recent, key)
		}
		slices.SortFunc(candidates, func(i, j int) int { return cmp.Compare(keys[i], keys[j]) })
		next := 1
		if n := len(b.People); n > 0 {
			next = b.People[n-1].BatchPos + 1
		}
		for i := 0; i < room && i < len(candidates); i++ {
			p := people[candidates[i]]
			p.BatchDay, p.BatchPos = key, next+i
			b.People = append(b.People, p)
			b.Fresh = append(b.Fresh, p)
		}
	}
	if len(b.Emails) > maxEmailList {
		b.Emails = b.Emails[:maxEmailList]
	}
	b.notes(people, s)
	return b
}

// batchDay is the sending day whose batch the user sees now: today, or the
// next sending day.
func batchDay(s Settings, now time.Time) localDay {
	days, err := parseDays(s.SendingDays)
	if err != nil {
		days = 0x3e // Mon-Fri, the default
	}
	return nextSendingDay(dayOf(now, location(s.TimeZone)), days)
}

// queued reports whether p waits for a batch on day: a planned invitation,
// not sent, not postponed past day, not given up on.
func queued(p *Person, day localDay) bool {
	return isInvitation(p.Plan) && p.Triage == TriageDone && p.SentAt.IsZero() && !p.NeverContact &&
		!p.Unfound && p.LinkedIn != LinkedInConnected && !day.before(p.NotBefore)
}

// pace sets the day's size: the batch size, halved when fewer than half of
// the recent answered invitations were accepted, within the weekly cap.
func (b *batchPlan) pace(people []Person, s Settings) {
	size := max(s.BatchSize, 1)
	var answered []*Person
	weekStart := b.Day.addDays(-6).date
	sentWeek := 0
	for i := range people {
		p := &people[i]
		if p.Outcome == OutcomeAccepted || p.Outcome == OutcomeIgnored {
			answered = append(answered, p)
		}
		if !p.SentAt.IsZero() && !p.SentAt.Before(weekStart) && p.SentAt.Before(b.Day.date) && isInvitation(p.Plan) {
			sentWeek++
		}
	}
	slices.SortFunc(answered, func(x, y *Person) int { return y.OutcomeAt.Compare(x.OutcomeAt) })
	if len(answered) > slowDownWindow {
		answered = answered[:slowDownWindow]
	}
	b.Answered = len(answered)
	for _, p := range answered {
		if p.Outcome == OutcomeAccepted {
			b.Accepted++
		}
	}
	if b.Answered >= slowDownMinimum && 2*b.Accepted < b.Answered {
		b.SlowDown = true
		size = max(size/2, 1)
	}
	if b.Day.date.Before(s.HalfPaceUntil) {
		b.HalfPace = true
		size = max(size/2, 1)
	}
	b.CapLeft = max(s.WeeklyCap-sentWeek, 0)
	b.Size = min(size, b.CapLeft)
}

// notes works out the month's notes budget for the batch: notes already
// sent this (local) month count against it; people of the batch planned
// with a note beyond what is left go without one, visibly.
func (b *batchPlan) notes(people []Person, s Settings) {
	if s.Premium {
		b.Unlimited = true
		return
	}
	month := b.Day.monthStart()
	sent := 0
	for i := range people {
		p := &people[i]
		if p.Plan == PlanInviteNote && !p.SentAt.IsZero() && !p.SentAt.Before(month) {
			sent++
		}
	}
	b.NotesLeft = max(s.NotesPerMonth-sent, 0)
	left := b.NotesLeft
	for _, p := range b.People {
		if p.Plan != PlanInviteNote || !p.SentAt.IsZero() {
			continue
		}
		if left > 0 {
			left--
			continue
		}
		if b.NoNote == nil {
			b.NoNote = map[int64]bool{}
		}
		b.NoNote[p.ID] = true
	}
}

// rankKey orders invitations (PRODUCT.md flow 5), smallest first: on
// LinkedIn before unknown; strongest recognition first; people from a
// recent event early; then client, colleague, group, event, friend, other;
// then import order. One number a person makes sorting 10,000 cheap.
func rankKey(p *Person, eventDates map[int64]string, recent, day string) uint64 {
	k := uint64(linkedInRank(p.LinkedIn))
	k = k<<3 | uint64(recognitionRank(p.Recognition))
	k = k<<1 | uint64(recentRank(p, eventDates, recent, day))
	k = k<<3 | uint64(segmentRank(p.Segment))
	return k<<48 | uint64(p.ID)&(1<<48-1)
}

func linkedInRank(s LinkedInStatus) int {
	switch s {
	case LinkedInOn:
		return 0
	case LinkedInUnknown, LinkedInNone:
		return 1
	}
	return 2
}

func recognitionRank(r Recognition) int {
	switch r {
	case RecognitionDefinitely:
		return 0
	case RecognitionProbably:
		return 1
	case RecognitionNotSure:
		return 2
	case RecognitionNo:
		return 3
	}
	return 4
}

func recentRank(p *Person, eventDates map[int64]string, recent, day string) int {
	if d := eventDates[p.ImportID]; d != "" && d >= recent && d <= day {
		return 0
	}
	return 1
}

var segmentOrder = []Segment{SegmentClient, SegmentColleague, SegmentGroup, SegmentEvent, SegmentFriend, SegmentOther}

func segmentRank(s Segment) int {
	if i := slices.Index(segmentOrder, s); i >= 0 {
		return i
	}
	return len(segmentOrder)
}
