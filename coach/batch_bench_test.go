package coach

import (
	"testing"
	"time"
)

// BenchmarkPlanBatch plans a day's batch from 10,000 queued people, with a
// history of 2,000 sent invitations (for the weekly cap, the slow-down
// and the notes budget).
func BenchmarkPlanBatch(b *testing.B) {
	segs := []Segment{SegmentClient, SegmentColleague, SegmentGroup, SegmentEvent, SegmentFriend, SegmentOther}
	recs := []Recognition{RecognitionDefinitely, RecognitionProbably}
	people := queuedPeople(10000, func(i int, p *Person) {
		p.Segment, p.Recognition, p.ImportID = segs[i%len(segs)], recs[i%2], int64(i%7)
		if i%3 == 0 {
			p.Plan = PlanInviteNote
		}
	})
	people = append(people, queuedPeople(2000, func(i int, p *Person) {
		p.ID, p.SentAt = int64(20000+i), wed.AddDate(0, 0, -7-i%60)
		p.Outcome, p.OutcomeAt = OutcomeAccepted, p.SentAt.Add(48*time.Hour)
	})...)
	events := map[int64]string{1: "2026-11-20", 2: "2026-09-01"}
	s := settingsFor("Europe/Berlin")
	b.ReportAllocs()
	for b.Loop() {
		bp := planBatch(people, events, s, wed)
		if len(bp.People) != 10 {
			b.Fatalf("batch of %d", len(bp.People))
		}
	}
}
