package coach

import (
	"fmt"
	"testing"
	"time"
)

// queuedPeople makes n triaged people planned for an invitation.
func queuedPeople(n int, f func(i int, p *Person)) []Person {
	out := make([]Person, n)
	for i := range out {
		out[i] = Person{ID: int64(i + 1), FullName: fmt.Sprintf("P%d", i+1), Segment: SegmentEvent,
			Recognition: RecognitionProbably, LinkedIn: LinkedInOn, Plan: PlanInviteThenMessage, Triage: TriageDone}
		if f != nil {
			f(i, &out[i])
		}
	}
	return out
}

func ids(people []Person) []int64 {
	var out []int64
	for _, p := range people {
		out = append(out, p.ID)
	}
	return out
}

func settingsFor(tz string) Settings {
	s := DefaultSettings()
	s.TimeZone = tz
	return s
}

// Wed 25 Nov 2026, 10:00 UTC.
var wed = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func TestBatchOrder(t *testing.T) {
	people := []Person{
		{ID: 1, Segment: SegmentFriend, Recognition: RecognitionProbably, LinkedIn: LinkedInOn},
		{ID: 2, Segment: SegmentClient, Recognition: RecognitionProbably, LinkedIn: LinkedInUnknown},
		{ID: 3, Segment: SegmentOther, Recognition: RecognitionDefinitely, LinkedIn: LinkedInOn},
		{ID: 4, Segment: SegmentEvent, Recognition: RecognitionProbably, LinkedIn: LinkedInOn, ImportID: 9}, // recent event
		{ID: 5, Segment: SegmentClient, Recognition: RecognitionProbably, LinkedIn: LinkedInOn},
		{ID: 6, Segment: SegmentColleague, Recognition: RecognitionProbably, LinkedIn: LinkedInOn},
		{ID: 7, Segment: SegmentEvent, Recognition: RecognitionProbably, LinkedIn: LinkedInOn, ImportID: 8}, // old event
		{ID: 8, Segment: SegmentClient, Recognition: RecognitionNotSure, LinkedIn: LinkedInOn, PlanByUser: true},
	}
	for i := range people {
		people[i].Plan, people[i].Triage = PlanInviteThenMessage, TriageDone
	}
	events := map[int64]string{9: "2026-11-20", 8: "2026-10-01"}
	b := planBatch(people, events, settingsFor("UTC"), wed)
	want := []int64{3, 4, 5, 6, 7, 1, 8, 2}
	if fmt.Sprint(ids(b.People)) != fmt.Sprint(want) {
		t.Errorf("order = %v, want %v", ids(b.People), want)
	}
	for i, p := range b.People {
		if p.BatchPos != i+1 || p.BatchDay != "2026-11-25" {
			t.Errorf("%d: BatchDay %s pos %d", p.ID, p.BatchDay, p.BatchPos)
		}
	}
}

func TestBatchSizeCapAndCarryOver(t *testing.T) {
	tests := []struct {
		name     string
		people   []Person
		settings func(*Settings)
		now      time.Time
		wantIDs  []int64
		wantDay  string
		today    bool
	}{
		{
			name:    "batch size",
			people:  queuedPeople(25, nil),
			now:     wed,
			wantIDs: []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
			wantDay: "2026-11-25", today: true,
		},
		{
			name:    "weekly cap: 75 sent this week leaves 5",
			people:  append(queuedPeople(20, nil), sentPeople(75, wed.AddDate(0, 0, -2))...),
			now:     wed,
			wantIDs: []int64{1, 2, 3, 4, 5},
			wantDay: "2026-11-25", today: true,
		},
		{
			name:    "sent more than a week ago does not count",
			people:  append(queuedPeople(12, nil), sentPeople(80, wed.AddDate(0, 0, -7))...),
			now:     wed,
			wantIDs: []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
			wantDay: "2026-11-25", today: true,
		},
		{
			name: "carry-over: yesterday's unsent come back first, no pile-up",
			people: queuedPeople(15, func(i int, p *Person) {
				if i >= 10 { // 11..15 were in yesterday's batch, unsent; rank them last otherwise
					p.BatchDay, p.BatchPos = "2026-11-24", i-9
				}
				if i < 10 {
					p.Segment = SegmentOther
				}
			}),
			now:     wed,
			wantIDs: []int64{11, 12, 13, 14, 15, 1, 2, 3, 4, 5},
			wantDay: "2026-11-25", today: true,
		},
		{
			name: "a fixed batch keeps its numbers and is topped up",
			people: queuedPeople(6, func(i int, p *Person) {
				if i == 5 {
					p.BatchDay, p.BatchPos = "2026-11-25", 1
				}
			}),
			settings: func(s *Settings) { s.BatchSize = 3 },
			now:      wed,
			wantIDs:  []int64{6, 1, 2},
			wantDay:  "2026-11-25", today: true,
		},
		{
			name:    "Saturday: Monday's batch",
			people:  queuedPeople(3, nil),
			now:     time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantIDs: []int64{1, 2, 3},
			wantDay: "2026-11-30",
		},
		{
			name:     "weekends too",
			people:   queuedPeople(3, nil),
			settings: func(s *Settings) { s.SendingDays = "every day" },
			now:      time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantIDs:  []int64{1, 2, 3},
			wantDay:  "2026-11-28", today: true,
		},
		{
			name:     "late Friday in UTC is already Saturday in Auckland",
			people:   queuedPeople(2, nil),
			settings: func(s *Settings) { s.TimeZone = "Pacific/Auckland" },
			now:      time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC),
			wantIDs:  []int64{1, 2},
			wantDay:  "2026-11-30",
		},
		{
			name: "later: not before the next sending day",
			people: queuedPeople(3, func(i int, p *Person) {
				if i == 0 {
					p.NotBefore = "2026-11-26"
				}
			}),
			now:     wed,
			wantIDs: []int64{2, 3},
			wantDay: "2026-11-25", today: true,
		},
		{
			name: "never contact, can't find and already connected are left out",
			people: queuedPeople(4, func(i int, p *Person) {
				switch i {
				case 0:
					p.NeverContact = true
				case 1:
					p.Unfound = true
				case 2:
					p.LinkedIn = LinkedInConnected
				}
			}),
			now:     wed,
			wantIDs: []int64{4},
			wantDay: "2026-11-25", today: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := settingsFor("UTC")
			if tt.settings != nil {
				tt.settings(&s)
			}
			b := planBatch(tt.people, nil, s, tt.now)
			if fmt.Sprint(ids(b.People)) != fmt.Sprint(tt.wantIDs) {
				t.Errorf("batch = %v, want %v", ids(b.People), tt.wantIDs)
			}
			if b.Day.String() != tt.wantDay || b.Today != tt.today {
				t.Errorf("day = %s (today %v), want %s (today %v)", b.Day, b.Today, tt.wantDay, tt.today)
			}
		})
	}
}

// sentPeople makes n invitations sent at t, numbered from 1000.
func sentPeople(n int, at time.Time) []Person {
	return queuedPeople(n, func(i int, p *Person) {
		p.ID, p.SentAt, p.Outcome = int64(1000+i), at, OutcomePending
	})
}

func TestSlowDown(t *testing.T) {
	answered := func(accepted, ignored int) []Person {
		return queuedPeople(accepted+ignored, func(i int, p *Person) {
			p.ID, p.SentAt, p.OutcomeAt = int64(2000+i), wed.AddDate(0, 0, -30), wed.AddDate(0, 0, -20).Add(time.Duration(i)*time.Minute)
			p.Outcome = OutcomeAccepted
			if i >= accepted {
				p.Outcome = OutcomeIgnored
			}
		})
	}
	tests := []struct {
		name     string
		history  []Person
		wantSize int
		slow     bool
	}{
		{"no history", nil, 10, false},
		{"half accepted is fine", answered(10, 10), 10, false},
		{"9 of 20 accepted halves the batch", answered(9, 11), 5, true},
		{"too few answers to judge", answered(1, 8), 10, false},
		{"only the last 20 count", append(answered(0, 10), queuedPeople(20, func(i int, p *Person) {
			p.ID, p.SentAt, p.Outcome, p.OutcomeAt = int64(3000+i), wed.AddDate(0, 0, -9), OutcomeAccepted, wed.AddDate(0, 0, -2)
		})...), 10, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := planBatch(append(queuedPeople(30, nil), tt.history...), nil, settingsFor("UTC"), wed)
			if b.Size != tt.wantSize || b.SlowDown != tt.slow || len(b.People) != tt.wantSize {
				t.Errorf("size %d (slow %v, %d people), want %d (slow %v)", b.Size, b.SlowDown, len(b.People), tt.wantSize, tt.slow)
			}
		})
	}
}

func TestNotesBudgetAcrossMonthBoundaryInUserTimeZone(t *testing.T) {
	// Four notes were sent on 30 Nov at 20:00 New York time (1 Dec UTC).
	sentAt := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	people := append(queuedPeople(6, func(i int, p *Person) { p.Plan = PlanInviteNote }),
		queuedPeople(4, func(i int, p *Person) { p.ID, p.Plan, p.SentAt = int64(500+i), PlanInviteNote, sentAt })...)
	s := settingsFor("America/New_York")
	s.SendingDays = "every day"
	tests := []struct {
		name      string
		now       time.Time
		notesLeft int
		noNote    int
	}{
		{"30 Nov in New York: 4 of 5 used", time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC), 1, 5},
		{"1 Dec in New York: a new month", time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC), 5, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := planBatch(people, nil, s, tt.now)
			if b.NotesLeft != tt.notesLeft || len(b.NoNote) != tt.noNote {
				t.Errorf("notes left %d, %d without a note; want %d, %d", b.NotesLeft, len(b.NoNote), tt.notesLeft, tt.noNote)
			}
		})
	}
}

func TestParseDays(t *testing.T) {
	tests := map[string]string{
		"Mon-Fri": "Mon-Fri", "mon,wed,fri": "Mon, Wed, Fri", "every day": "every day", "weekends too": "every day",
		"Fri-Mon": "Mon, Fri, Sat, Sun", "Tuesday and Thursday": "Tue, Thu", "weekdays": "Mon-Fri",
	}
	for in, want := range tests {
		w, err := parseDays(in)
		if err != nil || w.String() != want {
			t.Errorf("parseDays(%q) = %v, %v; want %s", in, w, err, want)
		}
	}
	for _, bad := range []string{"", "someday", "x-y"} {
		if _, err := parseDays(bad); err == nil {
			t.Errorf("parseDays(%q) accepted", bad)
		}
	}
}
