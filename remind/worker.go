package remind

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/rapport-bot/rapport/coach"
)

// errNotDue cancels a job whose reminder is no longer due when it runs.
var errNotDue = errors.New("reminder no longer due")

// worker runs daily reminder jobs.
type worker struct {
	river.WorkerDefaults[reminderJob]
	s *Scheduler
}

// Work delivers the job's reminder; see deliver.
func (w *worker) Work(ctx context.Context, job *river.Job[reminderJob]) error {
	return w.s.deliver(ctx, job.Args)
}

// Timeout bounds one delivery.
func (w *worker) Timeout(*river.Job[reminderJob]) time.Duration { return w.s.cfg.JobTimeout }

// NextRetry waits RetryBase, then three times longer after each failure:
// a reminder is worth little hours late, so a few quick tries, not River's
// default of 25 over weeks. It is River's time, hence the real clock.
func (w *worker) NextRetry(job *river.Job[reminderJob]) time.Time {
	return time.Now().Add(w.s.retryWait(job.Attempt))
}

// retryWait is the wait after the attempt-th failure.
func (s *Scheduler) retryWait(attempt int) time.Duration {
	d := s.cfg.RetryBase
	for range attempt - 1 {
		d *= 3
	}
	return d
}

// deliver asks the engine for the reminder, hands it to the notifier and
// records it. It returns nil once delivered and recorded; a JobCancel
// error when the reminder is no longer due or the user blocked the bot; a
// JobSnooze when it runs early or the platform asks to wait; any other
// error to be retried.
func (s *Scheduler) deliver(ctx context.Context, j reminderJob) error {
	// River's clock (the database's, on PostgreSQL) may run ahead of ours;
	// the engine would refuse a reminder asked for too early.
	if early := j.at().Sub(s.now()); early > 30*time.Second {
		return river.JobSnooze(early)
	}
	msgs, err := s.cfg.Engine.Reminder(ctx, j.User, j.Day, j.at())
	if errors.Is(err, coach.ErrNotFound) { // the user was forgotten (/forget)
		s.notes.drop(j.User)
		return river.JobCancel(fmt.Errorf("build reminder: %w", err))
	}
	if err != nil {
		s.notes.forget(j.User, j.slot())
		return fmt.Errorf("build reminder: %w", err)
	}
	if len(msgs) == 0 {
		s.notDue(ctx, j)
		return river.JobCancel(errNotDue)
	}
	if err := s.cfg.Notifier.Notify(ctx, j.User, msgs); err != nil {
		return s.notifyFailed(ctx, j, err)
	}
	if err := s.recordDelivery(ctx, j); err != nil {
		return err
	}
	s.log.DebugContext(ctx, "reminder delivered", "user", j.User, "day", j.Day, "messages", len(msgs), "late_s", int(s.now().Sub(j.at()).Seconds()))
	// The next job is the planner's: it comes within PlanEvery, a whole
	// page of users in one read and one insert, where asking the engine
	// here would cost each delivery two more transactions. Nothing is
	// due sooner: the next reminder is another day's, or a snooze, which
	// the button press plans at once through Touch.
	return nil
}

// notDue ends a job the engine no longer wants sent, and plans what it
// wants instead (the job may have been left over by a settings change the
// planner has not seen yet).
func (s *Scheduler) notDue(ctx context.Context, j reminderJob) {
	s.log.DebugContext(ctx, "reminder no longer due", "user", j.User, "day", j.Day)
	s.notes.forget(j.User, j.slot())
	if err := s.Touch(ctx, j.User); err != nil {
		s.log.WarnContext(ctx, "replanning failed; the planner will", "user", j.User, "err", err)
	}
}

// notifyFailed turns a Notify error into the job's outcome.
func (s *Scheduler) notifyFailed(ctx context.Context, j reminderJob, err error) error {
	if unreachable(err) {
		s.log.InfoContext(ctx, "user unreachable; reminders stop until they write", "user", j.User)
		s.notes.forget(j.User, j.slot())
		if uerr := s.cfg.Engine.Unreachable(ctx, j.User); uerr != nil {
			return fmt.Errorf("mark unreachable: %w", uerr)
		}
		return river.JobCancel(fmt.Errorf("notify: %w", err))
	}
	if d := retryAfter(err); d > 0 {
		s.log.WarnContext(ctx, "reminder rate limited", "user", j.User, "retry_after_s", d.Seconds())
		return river.JobSnooze(d)
	}
	s.notes.forget(j.User, j.slot())
	return fmt.Errorf("notify: %w", err)
}

// recordDelivery commits ReminderDelivered, trying a few times: the user
// has the messages now, and each failure here widens the one window in
// which they would get them twice. It runs on a context of its own so
// that the job's timeout or a stop cannot cut it short.
func (s *Scheduler) recordDelivery(ctx context.Context, j reminderJob) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	var err error
	for try := 1; try <= 3; try++ {
		if err = s.cfg.Engine.ReminderDelivered(ctx, j.User, j.Day); err == nil {
			return nil
		}
		s.log.ErrorContext(ctx, "recording a delivered reminder failed", "user", j.User, "try", try, "err", err)
		if sleep(ctx, time.Duration(try)*time.Second) != nil {
			break
		}
	}
	s.notes.forget(j.User, j.slot())
	return fmt.Errorf("record delivery: %w", err)
}

// sleep waits d or until ctx ends, and then returns ctx's error.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
