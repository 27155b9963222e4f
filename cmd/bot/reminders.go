package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/remind"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// reminders is the scheduler of daily reminders and River's pool on the
// database file.
type reminders struct {
	s  *remind.Scheduler
	db *sql.DB
}

// openReminders opens River's own pool on the database at path, brings
// River's tables up to date and returns the scheduler, delivering through
// n. Close it after its Run has returned.
func openReminders(ctx context.Context, path string, eng *coach.Engine, st *sqlite.Store, n remind.Notifier) (*reminders, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("reminders: %w", err)
	}
	db, err := remind.OpenSQLite(sqlite.DSN(abs))
	if err != nil {
		return nil, err
	}
	s, err := remind.New(ctx, riversqlite.New(db), remind.Config{Engine: eng, Users: st, Notifier: n, Logger: slog.Default()})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &reminders{s: s, db: db}, nil
}

func (r *reminders) Close() error { return r.db.Close() }

// touchingEngine is the engine the adapters get: after each handled event
// it plans the user's next reminder, so that a settings change moves it
// at once. A failure to plan is logged, not shown: the scheduler plans
// every user every minute anyway.
type touchingEngine struct {
	*coach.Engine
	s *remind.Scheduler // set before the adapter runs
}

// Handle handles the event, then touches the user's reminder.
func (e *touchingEngine) Handle(ctx context.Context, ev coach.Event) ([]coach.Message, error) {
	out, err := e.Engine.Handle(ctx, ev)
	if ev.User != "" {
		if terr := e.s.Touch(ctx, ev.User); terr != nil {
			slog.WarnContext(ctx, "planning the reminder after an event failed", "user", ev.User, "err", terr)
		}
	}
	return out, err
}

// telegramNotifier delivers reminders through the Telegram bot, and says
// "unreachable" in remind's words when the user blocked the bot.
type telegramNotifier struct{ bot *telegram.Bot }

func (n telegramNotifier) Notify(ctx context.Context, userKey string, msgs []coach.Message) error {
	err := n.bot.Notify(ctx, userKey, msgs)
	if errors.Is(err, telegram.ErrBlocked) {
		return fmt.Errorf("%w: %w", remind.ErrUnreachable, err)
	}
	return err
}

// runBoth runs the adapter and the scheduler until ctx ends or the
// adapter fails, and returns the first error.
func runBoth(ctx context.Context, adapter func(context.Context) error, r *reminders) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- r.s.Run(ctx) }()
	err := adapter(ctx)
	cancel()
	if rerr := <-done; err == nil {
		err = rerr
	}
	return err
}
