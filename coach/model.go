package coach

import "time"

// Segment says how the user knows a person; each segment has its own templates.
type Segment string

// The segments of PRODUCT.md flow 3. SegmentUnknown means "don't remember".
const (
	SegmentNone      Segment = ""
	SegmentClient    Segment = "client"
	SegmentColleague Segment = "colleague"
	SegmentGroup     Segment = "group"
	SegmentEvent     Segment = "event"
	SegmentFriend    Segment = "friend"
	SegmentOther     Segment = "other"
	SegmentUnknown   Segment = "unknown"
)

// Recognition says whether a person would recognise the user's name at once.
type Recognition string

// Recognition answers, strongest first.
const (
	RecognitionNone       Recognition = ""
	RecognitionDefinitely Recognition = "definitely"
	RecognitionProbably   Recognition = "probably"
	RecognitionNotSure    Recognition = "not_sure"
	RecognitionNo         Recognition = "no"
)

// LinkedInStatus says where a person stands on LinkedIn relative to the user.
type LinkedInStatus string

// LinkedIn statuses.
const (
	LinkedInNone      LinkedInStatus = ""
	LinkedInConnected LinkedInStatus = "connected"
	LinkedInOn        LinkedInStatus = "on_linkedin"
	LinkedInNotOn     LinkedInStatus = "not_on_linkedin"
	LinkedInUnknown   LinkedInStatus = "unknown"
)

// Plan is what Rapport will help the user do with a person.
type Plan string

// Plans of PRODUCT.md flow 4.
const (
	PlanNone              Plan = ""
	PlanInviteNote        Plan = "invite_note"
	PlanInviteThenMessage Plan = "invite_then_message"
	PlanEmailFirst        Plan = "email_first"
	PlanEmailInvite       Plan = "email_invite"
	PlanSkip              Plan = "skip"
)

// Outcome is what became of a sent invitation.
type Outcome string

// Outcomes of an invitation.
const (
	OutcomeNone      Outcome = ""
	OutcomePending   Outcome = "pending"
	OutcomeAccepted  Outcome = "accepted"
	OutcomeIgnored   Outcome = "ignored"
	OutcomeWithdrawn Outcome = "withdrawn"
)

// TriageState says where a person is in the triage conversation.
type TriageState string

// Triage states.
const (
	TriagePending TriageState = "pending" // not asked about yet
	TriageLater   TriageState = "later"   // the user skipped them for now
	TriageDone    TriageState = "done"    // every question answered, plan made
)

// Person is one contact of one user, with the answers given about them.
type Person struct {
	ID       int64
	ImportID int64 // 0 when added by hand

	FullName    string
	FirstName   string // the name a greeting uses
	LastName    string
	Email       string
	Emails      []string
	Company     string
	Title       string
	Phone       string
	LinkedInURL string
	Source      string // where the import found them ("line 4")
	Notes       string
	NameKey     string // normalised name (+company) for matching re-imports

	Segment      Segment
	Recognition  Recognition
	LinkedIn     LinkedInStatus
	Context      string // what the user wants to mention
	ContextDone  bool   // the context question was answered (possibly with nothing)
	Plan         Plan
	PlanByUser   bool // the user chose the plan; the planner leaves it alone
	Triage       TriageState
	Draft        string
	DraftKind    string // prompts.Kind of Draft
	Variant      int
	NeverContact bool

	// Sending: the batch a person is fixed in, and what came of it.
	BatchDay  string    // local YYYY-MM-DD of the batch that holds them
	BatchPos  int       // 1-based number in that batch, fixed for the day
	NotBefore string    // "later": in no batch before this local day
	SentAt    time.Time // when the user marked the invitation or email sent
	Outcome   Outcome
	OutcomeAt time.Time
	Unfound   bool // the user could not find them on LinkedIn

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Name is the best short label for a person in a message.
func (p Person) Name() string {
	switch {
	case p.FullName != "":
		return p.FullName
	case p.Email != "":
		return p.Email
	}
	return "(no name)"
}

// Origin says where a group of imported people comes from.
type Origin string

// Origins of an import.
const (
	OriginNone        Origin = ""
	OriginEvent       Origin = "event"
	OriginAddressBook Origin = "address_book"
	OriginCRM         Origin = "crm"
	OriginGroup       Origin = "group"
	OriginMix         Origin = "mix"
	OriginLinkedIn    Origin = "linkedin" // a LinkedIn Connections export: already connected
)

// Import is one paste or file the user gave, and where it came from.
type Import struct {
	ID        int64
	Format    string // intake's name for what was recognised
	Origin    Origin
	Label     string // event or group name ("Founders Breakfast")
	EventDate string // YYYY-MM-DD when known
	Count     int    // people added by this import
	CreatedAt time.Time
}

// Settings are the user's choices that shape drafting and pacing.
type Settings struct {
	Name          string `json:"name"`            // how notes are signed
	Premium       bool   `json:"premium"`         // LinkedIn Premium: 300-character notes, no monthly budget
	NotesPerMonth int    `json:"notes_per_month"` // notes budget on a free account
	BatchSize     int    `json:"batch_size"`
	WeeklyCap     int    `json:"weekly_cap"`
	TimeZone      string `json:"time_zone"`     // IANA name
	ReminderTime  string `json:"reminder_time"` // HH:MM local
	SendingDays   string `json:"sending_days"`  // e.g. "Mon-Fri"
	News          string `json:"news"`          // for follow-ups
	LLMNoticeSeen bool   `json:"llm_notice_seen"`
	Onboarded     bool   `json:"onboarded"` // /start's questions were answered

	// Reminders (the scheduler reads these through NextReminder).
	PausedUntil     time.Time `json:"paused_until,omitzero"`    // no reminders before; /pause sets it far ahead
	HalfPaceUntil   time.Time `json:"half_pace_until,omitzero"` // after "LinkedIn warned me": batches halved
	SnoozeUntil     time.Time `json:"snooze_until,omitzero"`    // "snooze 1 h": the day's reminder again then
	SkipDay         string    `json:"skip_day,omitempty"`       // "skip today": no reminder that local day
	LastReminderDay string    `json:"last_reminder_day,omitempty"`
	ReminderSetAt   time.Time `json:"reminder_set_at,omitzero"` // when time, zone or days last changed
	Unreachable     bool      `json:"unreachable,omitempty"`    // the platform refused delivery (blocked the bot)
}

// DefaultSettings returns the defaults of PRODUCT.md flow 1 and LINKEDIN.md.
func DefaultSettings() Settings {
	return Settings{
		NotesPerMonth: 5,
		BatchSize:     10,
		WeeklyCap:     80,
		TimeZone:      "UTC",
		ReminderTime:  "09:00",
		SendingDays:   "Mon-Fri",
	}
}

// User is one person talking to Rapport on one platform.
type User struct {
	ID        int64
	Key       string // opaque: platform, workspace and user id
	Settings  Settings
	State     State
	CreatedAt time.Time
}

// TemplateOverride is a user's own version of one segment's template.
type TemplateOverride struct {
	Segment string
	Kind    string
	Body    string
}
