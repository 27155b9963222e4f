package coach

import "testing"

func TestChoosePlan(t *testing.T) {
	base := Person{Segment: SegmentClient, Recognition: RecognitionProbably, LinkedIn: LinkedInOn, ContextDone: true}
	with := func(f func(*Person)) Person { p := base; f(&p); return p }
	tests := []struct {
		name      string
		p         Person
		premium   bool
		notesLeft int
		want      Plan
	}{
		{"probably recognises: a note, while the budget lasts", base, false, 3, PlanInviteNote},
		{"budget spent: invite, then message", base, false, 0, PlanInviteThenMessage},
		{"definitely recognises: no note needed", with(func(p *Person) { p.Recognition = RecognitionDefinitely }), false, 5, PlanInviteThenMessage},
		{"premium: always a note", with(func(p *Person) { p.Recognition = RecognitionDefinitely }), true, 0, PlanInviteNote},
		{"not sure: email first", with(func(p *Person) { p.Recognition = RecognitionNotSure }), false, 5, PlanEmailFirst},
		{"no: email first", with(func(p *Person) { p.Recognition = RecognitionNo }), true, 5, PlanEmailFirst},
		{"not sure, invite anyway", with(func(p *Person) { p.Recognition, p.PlanByUser, p.Plan = RecognitionNotSure, true, PlanInviteNote }), false, 2, PlanInviteNote},
		{"user chose skip", with(func(p *Person) { p.Recognition, p.PlanByUser, p.Plan = RecognitionNo, true, PlanSkip }), false, 5, PlanSkip},
		{"don't remember: skip", with(func(p *Person) { p.Segment = SegmentUnknown }), false, 5, PlanSkip},
		{"already connected: nothing to send", with(func(p *Person) { p.LinkedIn = LinkedInConnected }), false, 5, PlanSkip},
		{"not on LinkedIn: invite by email", with(func(p *Person) { p.LinkedIn = LinkedInNotOn }), false, 5, PlanEmailInvite},
		{"unknown LinkedIn status: still invite", with(func(p *Person) { p.LinkedIn = LinkedInUnknown }), false, 1, PlanInviteNote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := choosePlan(tt.p, tt.premium, tt.notesLeft); got != tt.want {
				t.Errorf("choosePlan = %s, want %s", got, tt.want)
			}
		})
	}
}
