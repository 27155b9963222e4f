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
)

// Cursor is the position of the conversation.
type Cursor struct {
	Step     Step  `json:"step,omitempty"`
	PersonID int64 `json:"person_id,omitempty"` // the person being asked about
	ImportID int64 `json:"import_id,omitempty"` // the import being triaged
	// Segment and Kind name the template being edited in StepTemplateEdit.
	Segment string `json:"segment,omitempty"`
	Kind    string `json:"kind,omitempty"`
}

// UndoEntry is what /undo restores: the cursor and the people as they were
// before one answer.
type UndoEntry struct {
	Cursor Cursor   `json:"cursor"`
	People []Person `json:"people"`
}

// maxUndo bounds the undo history kept per user.
const maxUndo = 20

// State is the saved conversation of one user.
type State struct {
	Cursor
	Undo []UndoEntry `json:"undo,omitempty"`
}
