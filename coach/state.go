package coach

// Step is where the conversation with a user stands: which question the
// next free-text answer belongs to. The triage conversation is an explicit
// state machine over these steps; State is saved after every event, so a
// restart resumes at the same question.
type Step string

// Conversation steps.
const (
	StepIdle           Step = ""
	StepOnboardName    Step = "onboard_name"    // /start: how notes are signed
	StepOnboardAccount Step = "onboard_account" // /start: free or Premium
	StepOrigin         Step = "origin"          // where an import's group comes from
	StepOriginLabel    Step = "origin_label"    // the event or group name
	StepSegment        Step = "segment"         // how do you know them?
	StepRecognition    Step = "recognition"     // would they recognise you?
	StepRisk           Step = "risk"            // not sure / no: email first, skip or invite anyway
	StepLinkedIn       Step = "linkedin"        // are they on LinkedIn?
	StepContext        Step = "context"         // anything personal to mention?
	StepTemplateEdit   Step = "template_edit"   // typing a template override
	StepForget         Step = "forget"          // confirming /forget
	StepImportWait     Step = "import_wait"     // /import without text: the next message is the list
	StepPersonEdit     Step = "person_edit"     // typing a correction (Cursor.Kind names the field)
	StepSettings       Step = "settings"        // changing settings in plain words
)

// Cursor is the position of the conversation.
type Cursor struct {
	Step     Step  `json:"step,omitempty"`
	PersonID int64 `json:"person_id,omitempty"` // the person being asked about
	ImportID int64 `json:"import_id,omitempty"` // the import being triaged
	// Segment and Kind name the template being edited in StepTemplateEdit.
	Segment string `json:"segment,omitempty"`
	Kind    string `json:"kind,omitempty"`
	// Offer is the signature offered as a button at /start.
	Offer string `json:"offer,omitempty"`
}

// UndoEntry is what /undo restores: the cursor and the answers about people
// as they were before one answer.
type UndoEntry struct {
	Cursor Cursor          `json:"cursor"`
	People []PersonAnswers `json:"people"`
}

// PersonAnswers is the part of a Person that answers change. Undo keeps only
// this, because the state is read and written on every event.
type PersonAnswers struct {
	ID          int64          `json:"id"`
	Segment     Segment        `json:"seg,omitempty"`
	Recognition Recognition    `json:"rec,omitempty"`
	LinkedIn    LinkedInStatus `json:"li,omitempty"`
	Context     string         `json:"ctx,omitempty"`
	ContextDone bool           `json:"ctxd,omitempty"`
	Plan        Plan           `json:"plan,omitempty"`
	PlanByUser  bool           `json:"pbu,omitempty"`
	Triage      TriageState    `json:"tri,omitempty"`
	Draft       string         `json:"draft,omitempty"`
	DraftKind   string         `json:"dk,omitempty"`
	Variant     int            `json:"var,omitempty"`
}

// answersOf takes the answers out of p.
func answersOf(p Person) PersonAnswers {
	return PersonAnswers{ID: p.ID, Segment: p.Segment, Recognition: p.Recognition, LinkedIn: p.LinkedIn,
		Context: p.Context, ContextDone: p.ContextDone, Plan: p.Plan, PlanByUser: p.PlanByUser,
		Triage: p.Triage, Draft: p.Draft, DraftKind: p.DraftKind, Variant: p.Variant}
}

// restore puts a's answers back into p.
func (a PersonAnswers) restore(p *Person) {
	p.Segment, p.Recognition, p.LinkedIn = a.Segment, a.Recognition, a.LinkedIn
	p.Context, p.ContextDone, p.Plan, p.PlanByUser = a.Context, a.ContextDone, a.Plan, a.PlanByUser
	p.Triage, p.Draft, p.DraftKind, p.Variant = a.Triage, a.Draft, a.DraftKind, a.Variant
}

// maxUndo bounds the undo history kept per user.
const maxUndo = 20

// State is the saved conversation of one user.
type State struct {
	Cursor
	Undo []UndoEntry `json:"undo,omitempty"`
	// Choices are the buttons of the last reply, so that a typed number or
	// label answers them on platforms without buttons (and on all others).
	Choices []Choice `json:"choices,omitempty"`
}
