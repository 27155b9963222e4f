package remind

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
)

// Scheduler plans every user's next reminder as a River job and delivers
// it when due. Make one with New, then Run it; Touch is safe to call at
// any time, from any goroutine, before or during Run.
type Scheduler struct {
	cfg    Config
	now    func() time.Time
	log    *slog.Logger
	q      queue
	notes  *notes
	planMu sync.Mutex // one planning at a time, so notes follow inserts
}

// New brings River's tables up to date through driver and returns a
// Scheduler keeping its jobs there. For the SQLite default give it
// riversqlite.New(db) with db from OpenSQLite (River's own pool on the
// store's file); for PostgreSQL, riverpgxv5.New(pool). It returns an error
// for an incomplete Config or when the migrations fail.
func New[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], cfg Config) (*Scheduler, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if err := migrate(ctx, driver, &cfg); err != nil {
		return nil, err
	}
	s := &Scheduler{cfg: cfg, now: cfg.Clock, log: cfg.Logger, notes: newNotes()}
	if s.now == nil {
		s.now = time.Now
	}
	client, err := river.NewClient(driver, riverConfig(&cfg, &worker{s: s}))
	if err != nil {
		return nil, fmt.Errorf("remind: river client: %w", err)
	}
	s.q = riverQueue[TTx]{c: client}
	return s, nil
}

// Run starts delivering, plans every user at once and then every
// PlanEvery, until ctx ends; it then stops taking jobs, lets the
// deliveries in hand finish for up to StopGrace, cancels the rest (they
// run again at the next start) and returns nil. It returns an error when
// River cannot start.
func (s *Scheduler) Run(ctx context.Context) error {
	// River gets a context that outlives ctx: ending ctx must stop it
	// softly (Stop below), not cancel the deliveries in hand.
	if err := s.q.start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("remind: start river: %w", err)
	}
	s.log.InfoContext(ctx, "reminders started", "workers", s.cfg.Workers, "plan_every", s.cfg.PlanEvery)
	s.planLoop(ctx)
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.StopGrace+10*time.Second)
	defer cancel()
	if err := s.q.stop(stopCtx); err != nil {
		s.log.WarnContext(ctx, "reminders did not stop in time", "err", err)
	}
	s.log.InfoContext(ctx, "reminders stopped")
	return nil
}

// planLoop plans every user now and every PlanEvery until ctx ends.
func (s *Scheduler) planLoop(ctx context.Context) {
	t := time.NewTicker(s.cfg.PlanEvery)
	defer t.Stop()
	for {
		if err := s.planAll(ctx); err != nil && ctx.Err() == nil {
			s.log.ErrorContext(ctx, "planning reminders failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
