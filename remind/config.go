package remind

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Engine is what the scheduler needs of *coach.Engine.
type Engine interface {
	Reminder(ctx context.Context, userKey, day string, at time.Time) ([]coach.Message, error)
	ReminderDelivered(ctx context.Context, userKey, day string) error
	Unreachable(ctx context.Context, userKey string) error
	Settings(ctx context.Context, userKey string) (coach.Settings, error)
}

// Users pages through every user with settings; coach.Store implements it.
type Users interface {
	Users(ctx context.Context, afterID int64, limit int) ([]coach.User, error)
}

// Config configures a Scheduler. Engine, Users and Notifier are required;
// the rest has defaults.
type Config struct {
	Engine   Engine
	Users    Users
	Notifier Notifier

	// Clock is the time the scheduler plans with; it must be the engine's
	// clock. Default: time.Now. River always keeps the real time.
	Clock func() time.Time
	// Logger gets the scheduler's and River's logs. Default slog.Default().
	Logger *slog.Logger

	// Workers is how many reminders are delivered at once (default 20).
	// The notifier's rate limits pace them; more workers only help while
	// sends wait on the network rather than on the limiter.
	Workers int
	// PlanEvery is how often every user is planned again (default 1 min):
	// the bound on how late a change made outside Touch is noticed.
	PlanEvery time.Duration
	// PageSize is how many users the planner reads at once (default 500).
	PageSize int
	// JobTimeout bounds one delivery, rate-limit waits included (default
	// 2 min).
	JobTimeout time.Duration
	// RescueAfter is when a delivery still running is taken for dead (its
	// process was killed) and run again (default 5 min; more than
	// JobTimeout). A reminder interrupted by a crash comes that much late.
	RescueAfter time.Duration
	// Attempts bounds how often a failing delivery is tried (default 4).
	Attempts int
	// RetryBase is the wait after the first failure, tripled after each
	// further one (default 10 s).
	RetryBase time.Duration
	// StopGrace is how long Run lets deliveries in hand finish once its
	// context ends, before cancelling them (default 20 s).
	StopGrace time.Duration

	// testOnly starts River without the jitter that staggers its
	// services in production.
	testOnly bool
}

// Defaults of Config.
const (
	defaultWorkers     = 20
	defaultPlanEvery   = time.Minute
	defaultPageSize    = 500
	defaultJobTimeout  = 2 * time.Minute
	defaultRescueAfter = 5 * time.Minute
	defaultAttempts    = 4
	defaultRetryBase   = 10 * time.Second
	defaultStopGrace   = 20 * time.Second
)

// check validates c and fills in the defaults.
func (c *Config) check() error {
	if c.Engine == nil || c.Users == nil || c.Notifier == nil {
		return errors.New("remind: Config needs an Engine, Users and a Notifier")
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	c.Workers = or(c.Workers, defaultWorkers)
	c.PlanEvery = or(c.PlanEvery, defaultPlanEvery)
	c.PageSize = or(c.PageSize, defaultPageSize)
	c.JobTimeout = or(c.JobTimeout, defaultJobTimeout)
	c.RescueAfter = or(c.RescueAfter, defaultRescueAfter)
	c.Attempts = or(c.Attempts, defaultAttempts)
	c.RetryBase = or(c.RetryBase, defaultRetryBase)
	c.StopGrace = or(c.StopGrace, defaultStopGrace)
	if c.RescueAfter <= c.JobTimeout {
		return errors.New("remind: RescueAfter must be longer than JobTimeout, or a slow delivery would be run twice")
	}
	return nil
}

// or returns v, or def when v is zero or less.
func or[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
