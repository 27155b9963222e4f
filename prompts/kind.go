package prompts

// Kind names what a draft is for; each segment has templates of every kind.
type Kind string

// The kinds of draft Rapport writes (PRODUCT.md flow 4 and flow 5).
const (
	// KindNote is the note attached to a LinkedIn invitation.
	KindNote Kind = "note"
	// KindMessage is the first LinkedIn message after a plain invitation is accepted.
	KindMessage Kind = "message"
	// KindEmailInvite invites someone who is not on LinkedIn to join.
	KindEmailInvite Kind = "email_invite"
	// KindEmailFirst asks someone who may not recognise the user whether an
	// invitation would be welcome.
	KindEmailFirst Kind = "email_first"
	// KindFollowUp is the message after acceptance that carries the user's news.
	KindFollowUp Kind = "followup"
)

// Limits in Unicode code points. LinkedIn's note limits are in LINKEDIN.md.
// Messages (LinkedIn allows 8,000) and emails get limits of our own: long
// enough for a 600-character context in full, short enough to read on one
// phone screen or two, because a first message that scrolls on is not read.
const (
	noteLimit        = 200
	notePremiumLimit = 300
	messageLimit     = 1200
	emailLimit       = 2000
)

// Kinds returns every kind, in the order /templates shows them.
func Kinds() []Kind {
	return []Kind{KindNote, KindMessage, KindFollowUp, KindEmailFirst, KindEmailInvite}
}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool {
	switch k {
	case KindNote, KindMessage, KindEmailInvite, KindEmailFirst, KindFollowUp:
		return true
	}
	return false
}

// IsEmail reports whether drafts of kind k start with a "Subject:" line.
func (k Kind) IsEmail() bool {
	return k == KindEmailInvite || k == KindEmailFirst
}

// Label is how the kind is named to the user, e.g. "invitation note".
func (k Kind) Label() string {
	switch k {
	case KindNote:
		return "invitation note"
	case KindMessage:
		return "message after they accept"
	case KindEmailInvite:
		return "email inviting them to LinkedIn"
	case KindEmailFirst:
		return "email before an invitation"
	case KindFollowUp:
		return "follow-up with your news"
	}
	return string(k)
}

// Limit is the most characters (Unicode code points, spaces included) a
// draft of kind k may have. Notes get 200, or 300 when premium; an unknown
// kind gets the smallest limit, the safe side.
func Limit(kind Kind, premium bool) int {
	switch kind {
	case KindNote:
		if premium {
			return notePremiumLimit
		}
	case KindMessage, KindFollowUp:
		return messageLimit
	case KindEmailInvite, KindEmailFirst:
		return emailLimit
	}
	return noteLimit
}
