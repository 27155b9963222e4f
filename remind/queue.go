package remind

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// queue is the part of a River client the scheduler uses (list only to
// look at the jobs, in tests). River's client is generic in the driver's
// transaction type; hiding it behind this interface keeps Scheduler one
// type for SQLite and PostgreSQL.
type queue interface {
	start(ctx context.Context) error
	stop(ctx context.Context) error
	insertMany(ctx context.Context, p []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	list(ctx context.Context, p *river.JobListParams) ([]*rivertype.JobRow, error)
}

type riverQueue[TTx any] struct{ c *river.Client[TTx] }

func (q riverQueue[TTx]) start(ctx context.Context) error { return q.c.Start(ctx) }
func (q riverQueue[TTx]) stop(ctx context.Context) error  { return q.c.Stop(ctx) }

func (q riverQueue[TTx]) insertMany(ctx context.Context, p []river.InsertManyParams) ([]*rivertype.JobInsertResult, error) {
	return q.c.InsertMany(ctx, p)
}

func (q riverQueue[TTx]) list(ctx context.Context, p *river.JobListParams) ([]*rivertype.JobRow, error) {
	res, err := q.c.JobList(ctx, p)
	if err != nil {
		return nil, err
	}
	return res.Jobs, nil
}

// migrate brings River's tables up to date; it is idempotent.
func migrate[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], cfg *Config) error {
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: cfg.Logger})
	if err != nil {
		return fmt.Errorf("remind: river migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("remind: river migrations: %w", err)
	}
	return nil
}

// riverConfig is the River client's configuration for cfg.
func riverConfig(cfg *Config, w *worker) *river.Config {
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	rc := &river.Config{
		Queues:               map[string]river.QueueConfig{Queue: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		Logger:               cfg.Logger,
		MaxAttempts:          cfg.Attempts,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		SoftStopTimeout:      cfg.StopGrace,
		// A due reminder should start within a few milliseconds of its
		// promotion; the default 100 ms cooldown caps a queue at
		// Workers/0.1 s, below a burst of thousands due the same minute.
		FetchCooldown: 20 * time.Millisecond,
	}
	// River keeps the real time even when Clock is a test's: its stuck-job
	// rescuer and cleaner read time.Now whatever it is given, and would
	// rescue or delete jobs of a stubbed time at once.
	rc.TestOnly = cfg.testOnly
	return rc
}
