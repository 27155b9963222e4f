package coach

import "testing"

func TestUnderstandOneSentenceAnswersSeveralQuestions(t *testing.T) {
	tests := []struct {
		in   string
		want answers
	}{
		{"old client, she knows me well, we rebuilt the Acme site",
			answers{Segment: SegmentClient, Recognition: RecognitionDefinitely, Context: "we rebuilt the Acme site"}},
		{"client, knows me well, we rebuilt the Acme site in 2022",
			answers{Segment: SegmentClient, Recognition: RecognitionDefinitely, Context: "we rebuilt the Acme site in 2022"}},
		{"former colleague at Initech, probably remembers me",
			answers{Segment: SegmentColleague, Recognition: RecognitionProbably}},
		{"all of them are from the chamber", answers{Segment: SegmentGroup, All: true}},
		{"not sure", answers{Recognition: RecognitionNotSure}},
		{"I don't remember", answers{Segment: SegmentUnknown}},
		{"friend from school, already connected", answers{Segment: SegmentFriend, LinkedIn: LinkedInConnected}},
		{"she's not on LinkedIn", answers{LinkedIn: LinkedInNotOn}},
		{"met at the conference, we talked about solar roofs and batteries",
			answers{Segment: SegmentEvent, Context: "we talked about solar roofs and batteries"}},
		{"customer; wouldn't recognise me", answers{Segment: SegmentClient, Recognition: RecognitionNo}},
		{"blue", answers{Context: "blue"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := understand(tt.in)
			if got != tt.want {
				t.Errorf("understand(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestReadAnswerIsStepAware(t *testing.T) {
	tests := []struct {
		step Step
		in   string
		want answers
		ok   bool
	}{
		{StepRecognition, "yes", answers{Recognition: RecognitionDefinitely}, true},
		{StepRecognition, "no", answers{Recognition: RecognitionNo}, true},
		{StepLinkedIn, "yes", answers{LinkedIn: LinkedInOn}, true},
		{StepLinkedIn, "no idea", answers{LinkedIn: LinkedInUnknown}, true},
		{StepContext, "nothing", answers{}, true},
		{StepContext, "we met at the \x1b[2J booth", answers{Context: "we met at the [2J booth"}, true},
		{StepSegment, "purple monkey", answers{}, false},
		{StepRisk, "email first please", answers{Risk: "email"}, true},
		{StepRisk, "invite anyway", answers{Risk: "invite"}, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.step)+"/"+tt.in, func(t *testing.T) {
			got, ok := readAnswer(tt.step, tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("readAnswer(%s, %q) = %+v, %v; want %+v, %v", tt.step, tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestPickChoiceByNumberOrLabel(t *testing.T) {
	shown := []Choice{{"Definitely", "rc:1:definitely"}, {"Not sure", "rc:1:not_sure"}}
	for in, want := range map[string]string{"1": "rc:1:definitely", "[2]": "rc:1:not_sure", "not sure": "rc:1:not_sure", "NOT SURE": "rc:1:not_sure"} {
		if got, ok := pickChoice(in, shown); !ok || got != want {
			t.Errorf("pickChoice(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"3", "0", "maybe later"} {
		if got, ok := pickChoice(in, shown); ok {
			t.Errorf("pickChoice(%q) = %q; want no match", in, got)
		}
	}
}
