package coach

import (
	"context"
	"errors"
)

// ErrDuplicateEvent is returned by Store.Update when the platform event id
// was already handled for this user: a redelivery, to be ignored.
var ErrDuplicateEvent = errors.New("event already handled")

// ErrNotFound is returned by Tx look-ups that find nothing.
var ErrNotFound = errors.New("not found")

// Store keeps every user's data. Implementations: store/sqlite (and later
// store/postgres); store/storetest is the contract they all pass.
type Store interface {
	// Update runs fn as one atomic unit of work for the user with the given
	// key, serialised with every other Update of that user. The user is
	// created with default settings on first use. When eventID is not
	// empty it is recorded in the same transaction; if it was recorded
	// before, fn does not run and ErrDuplicateEvent is returned. When fn
	// returns an error nothing it wrote is kept.
	Update(ctx context.Context, key, eventID string, fn func(ctx context.Context, tx Tx) error) error
	// UpdateExisting is Update without an event id for a user who must
	// exist already: when there is none it returns ErrNotFound and creates
	// nothing (the scheduler must not bring back a forgotten user).
	UpdateExisting(ctx context.Context, key string, fn func(ctx context.Context, tx Tx) error) error
	// Users returns up to limit users whose ID is above afterID, in ID
	// order, with their settings and state, outside any unit of work: the
	// scheduler pages through them to plan reminders.
	Users(ctx context.Context, afterID int64, limit int) ([]User, error)
	// Replies returns the replies recorded with Tx.SaveReplies for the
	// user's event eventID, or ErrNotFound when that is not the user's last
	// recorded event.
	Replies(ctx context.Context, key, eventID string) ([]byte, error)
	// Close releases the store's resources.
	Close() error
}

// PeopleFilter selects people in Tx.People. Zero fields select everything.
type PeopleFilter struct {
	ImportID int64       // only this import
	Triage   TriageState // only this triage state
	Planned  bool        // only people with a plan other than none and skip
	Plan     Plan        // only people with this plan
	BatchDay string      // only people fixed in the batch of this local day (YYYY-MM-DD)
	Sent     bool        // only people whose invitation or email was marked sent
	Search   string      // case-insensitive substring of name, email or company
	Limit    int         // at most this many (0: no limit)
}

// Tx is the user's data inside one unit of work. Every method works on the
// user of the Update that gave it; no method can reach another user's rows.
type Tx interface {
	// User returns the user of this unit of work.
	User(ctx context.Context) (User, error)
	// SaveUser stores the user's settings and conversation state.
	SaveUser(ctx context.Context, u User) error

	// AddImport stores a new import and sets its ID.
	AddImport(ctx context.Context, im *Import) error
	// SaveImport updates an import.
	SaveImport(ctx context.Context, im Import) error
	// Import returns one import, or ErrNotFound.
	Import(ctx context.Context, id int64) (Import, error)

	// AddPeople stores new people in order and sets their IDs.
	AddPeople(ctx context.Context, people []*Person) error
	// SavePerson updates a person.
	SavePerson(ctx context.Context, p Person) error
	// Person returns one person, or ErrNotFound.
	Person(ctx context.Context, id int64) (Person, error)
	// People returns the people the filter selects, in the order they were added.
	People(ctx context.Context, f PeopleFilter) ([]Person, error)
	// CountPeople counts the people the filter selects (Limit is ignored).
	CountPeople(ctx context.Context, f PeopleFilter) (int, error)
	// FirstPerson returns the earliest-added person the filter selects, or ErrNotFound.
	FirstPerson(ctx context.Context, f PeopleFilter) (Person, error)
	// PersonByEmail finds a person having this (lower-case) address among their emails, or ErrNotFound.
	PersonByEmail(ctx context.Context, email string) (Person, error)
	// PersonByNameKey finds a person by normalised name key, or ErrNotFound.
	PersonByNameKey(ctx context.Context, key string) (Person, error)
	// DeletePerson removes a person.
	DeletePerson(ctx context.Context, id int64) error

	// Templates returns the user's template overrides.
	Templates(ctx context.Context) ([]TemplateOverride, error)
	// SaveTemplate stores (or replaces) one override.
	SaveTemplate(ctx context.Context, t TemplateOverride) error
	// DeleteTemplate removes one override; removing none is not an error.
	DeleteTemplate(ctx context.Context, segment, kind string) error

	// SaveReplies records the replies to eventID (encoded by the engine) as
	// the user's last, replacing the ones before.
	SaveReplies(ctx context.Context, eventID string, body []byte) error

	// Forget deletes every row of this user, the user included.
	Forget(ctx context.Context) error
}
