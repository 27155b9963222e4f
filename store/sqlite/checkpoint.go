package sqlite

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
)

// checkpointEvery is how often the background checkpointer copies the WAL
// into the database file.
const checkpointEvery = time.Second

// checkpointer moves WAL checkpoints off the store's writer. SQLite's
// automatic checkpoint runs inside the commit that crosses 1,000 WAL pages,
// and that commit (a user's turn) then pays for copying and syncing the
// pages: it made the 99th percentile of a triage turn twice the median of
// the rest. The writer connection therefore has wal_autocheckpoint(0), and
// this goroutine runs PASSIVE checkpoints on a connection of its own, which
// never block the writer.
type checkpointer struct {
	db   *sql.DB
	stop chan struct{}
	done chan struct{}
}

// startCheckpointer opens its connection and starts checkpointing.
func startCheckpointer(path string) (*checkpointer, error) {
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

func (c *checkpointer) run() {
	defer close(c.done)
	tick := time.NewTicker(checkpointEvery)
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-tick.C:
			c.checkpoint("PASSIVE")
		}
	}
}

// checkpoint runs one checkpoint of the given mode. A failure is logged
// and retried at the next tick: the WAL only grows meanwhile.
func (c *checkpointer) checkpoint(mode string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.db.ExecContext(ctx, "PRAGMA wal_checkpoint("+mode+")"); err != nil {
		slog.Warn("sqlite checkpoint", "mode", mode, "err", err)
	}
}

// close stops the goroutine, folds the WAL into the database and closes
// the connection.
func (c *checkpointer) close() error {
	close(c.stop)
	<-c.done
	c.checkpoint("TRUNCATE")
	return c.db.Close()
}
