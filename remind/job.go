package remind

import (
	"time"

	"github.com/riverqueue/river"
)

// JobKind is the River kind of the daily reminder job.
const JobKind = "daily_reminder"

// Queue is the River queue the reminders run in, apart from any other
// jobs the bot may have one day, so that their workers are counted alone.
const Queue = "reminders"

// reminderJob is a daily reminder job's args: one user's reminder of one
// local day at one instant. The instant is part of the key because a
// snooze makes the same day's reminder due again later.
type reminderJob struct {
	User string `json:"user"`
	Day  string `json:"day"` // YYYY-MM-DD in the user's time zone
	At   int64  `json:"at"`  // unix seconds
}

// Kind is JobKind.
func (reminderJob) Kind() string { return JobKind }

// InsertOpts makes the args unique: a reminder planned again while its job
// is waiting, running or done is not inserted twice. Cancelled jobs (no
// longer due when they ran) do not count, so that a reminder moved away
// and back again the same day is planned anew.
func (reminderJob) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Queue, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// at is the job's instant.
func (j reminderJob) at() time.Time { return time.Unix(j.At, 0) }

// slot is when a user's next reminder is due: what the planner notes.
type slot struct {
	day string
	at  int64
}

func (j reminderJob) slot() slot { return slot{day: j.Day, at: j.At} }

// jobFor is the job of a user's reminder.
func jobFor(user string, s slot) reminderJob { return reminderJob{User: user, Day: s.day, At: s.at} }
