package remind

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/rapport-bot/rapport/coach"
)

// Touch plans one user's next reminder at once: call it after each
// handled event, so that a settings change (time, time zone, sending days,
// /pause, /resume) moves the reminder now rather than at the next
// planning. It inserts nothing when the reminder did not move. It returns
// the engine's or River's error; the minutely planning retries anyway.
func (s *Scheduler) Touch(ctx context.Context, userKey string) error {
	if !handles(s.cfg.Notifier, userKey) {
		return nil
	}
	st, err := s.cfg.Engine.Settings(ctx, userKey)
	if errors.Is(err, coach.ErrNotFound) { // forgotten: nothing to plan
		s.notes.drop(userKey)
		return nil
	}
	if err != nil {
		return fmt.Errorf("remind: touch: %w", err)
	}
	return s.plan(ctx, []coach.User{{Key: userKey, Settings: st}})
}

// planAll plans every user, a page at a time, and forgets the notes of
// users that are gone.
func (s *Scheduler) planAll(ctx context.Context) error {
	seen := map[string]bool{}
	var after int64
	for {
		users, err := s.cfg.Users.Users(ctx, after, s.cfg.PageSize)
		if err != nil {
			return fmt.Errorf("remind: list users: %w", err)
		}
		for _, u := range users {
			seen[u.Key] = true
		}
		if err := s.plan(ctx, users); err != nil {
			return err
		}
		if len(users) < s.cfg.PageSize {
			break
		}
		after = users[len(users)-1].ID
	}
	s.notes.keepOnly(seen)
	return nil
}

// plan inserts the next reminder of each user whose next reminder is not
// the one noted, in one River transaction, and notes them.
func (s *Scheduler) plan(ctx context.Context, users []coach.User) error {
	s.planMu.Lock()
	defer s.planMu.Unlock()
	now := s.now()
	var params []river.InsertManyParams
	var keys []string
	for _, u := range users {
		next, ok := s.next(u, now)
		if !ok {
			continue
		}
		params = append(params, s.insertParams(u.Key, next, now))
		keys = append(keys, u.Key)
	}
	if len(params) == 0 {
		return nil
	}
	if _, err := s.q.insertMany(ctx, params); err != nil {
		return fmt.Errorf("remind: insert %d reminders: %w", len(params), err)
	}
	for i, p := range params {
		s.notes.set(keys[i], p.Args.(reminderJob).slot())
	}
	return nil
}

// next is the user's next reminder, and whether it needs inserting: not
// when no reminder is due (the note is dropped), when the platform has no
// notifier, or when it is the one already noted.
func (s *Scheduler) next(u coach.User, now time.Time) (slot, bool) {
	at, day, ok := coach.NextReminder(u.Settings, now)
	if !ok || !handles(s.cfg.Notifier, u.Key) {
		s.notes.drop(u.Key)
		return slot{}, false
	}
	next := slot{day: day, at: at.Unix()}
	return next, !s.notes.is(u.Key, next)
}

// insertParams is the insert of a user's reminder. One already due (the
// bot was down, or the user set a time that has passed today) is made
// available at once rather than scheduled in the past, where it would
// wait for River's next scheduler tick (every 5 s).
func (s *Scheduler) insertParams(user string, next slot, now time.Time) river.InsertManyParams {
	var opts river.InsertOpts
	if at := time.Unix(next.at, 0); at.After(now) {
		opts.ScheduledAt = at
	}
	return river.InsertManyParams{Args: jobFor(user, next), InsertOpts: &opts}
}
