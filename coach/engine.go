package coach

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/rapport-bot/rapport/intake"
	"github.com/rapport-bot/rapport/prompts"
)

// Engine is the coach: it turns a user's events into replies, keeping every
// answer in the Store. It has no goroutines of its own and no platform
// knowledge; adapters call Handle, one event per call.
type Engine struct {
	store   Store
	now     func() time.Time
	intn    func(n int) int
	lib     *prompts.Library
	log     *slog.Logger
	maxFile int64
}

// Options configure an Engine. Zero values get sensible defaults.
type Options struct {
	Clock   func() time.Time // default time.Now
	Rand    func(n int) int  // picks template variants; default math/rand/v2
	Prompts *prompts.Library // default prompts.Default()
	Logger  *slog.Logger     // default slog.Default()
	// MaxFileBytes bounds an uploaded or pasted import (default 20 MiB).
	MaxFileBytes int64
}

// New returns an Engine keeping its data in store.
func New(store Store, o Options) *Engine {
	e := &Engine{store: store, now: o.Clock, intn: o.Rand, lib: o.Prompts, log: o.Logger, maxFile: o.MaxFileBytes}
	if e.now == nil {
		e.now = time.Now
	}
	if e.intn == nil {
		e.intn = rand.IntN
	}
	if e.lib == nil {
		e.lib = prompts.Default()
	}
	if e.log == nil {
		e.log = slog.Default()
	}
	if e.maxFile <= 0 {
		e.maxFile = 20 << 20
	}
	return e
}

// Handle processes one event and returns the replies to show the user, in
// order. A redelivered event (same ID) changes nothing; if it is the user's
// last event, its replies are returned again (a crash may have kept them
// from the user), else none.
// Errors are *Error values: CodeInvalid errors carry a message for the
// user; anything else is internal, already logged, and has been rolled back.
func (e *Engine) Handle(ctx context.Context, ev Event) ([]Message, error) {
	if ev.User == "" {
		return nil, &Error{Code: CodeInvalid, Message: "event without a user"}
	}
	parsed, perr := e.preparse(ctx, ev)
	var out []Message
	err := e.store.Update(ctx, ev.User, ev.ID, func(ctx context.Context, tx Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return fmt.Errorf("load user: %w", err)
		}
		t := &turn{e: e, ctx: ctx, tx: tx, user: u, state: u.State}
		if err := t.dispatch(ev, parsed, perr); err != nil {
			return err
		}
		out = t.out
		if t.forgotten {
			return nil
		}
		t.user.State = t.state
		if err := tx.SaveUser(ctx, t.user); err != nil {
			return fmt.Errorf("save user: %w", err)
		}
		return saveReplies(ctx, tx, ev.ID, out)
	})
	switch {
	case errors.Is(err, ErrDuplicateEvent):
		return e.replay(ctx, ev)
	case err != nil:
		var ce *Error
		if errors.As(err, &ce) && ce.Code != CodeInternal {
			return []Message{new(text).plain(ce.Message).message()}, nil
		}
		e.log.ErrorContext(ctx, "handle event", "err", err)
		return []Message{new(text).plain("Something went wrong on my side, so I kept nothing of that last step. Please try again in a moment.").message()},
			&Error{Code: CodeInternal, Message: "internal error", Err: err}
	}
	return out, nil
}

// saveReplies records the replies to a platform event, so that a
// redelivery of the event can send them again (replay).
func saveReplies(ctx context.Context, tx Tx, eventID string, out []Message) error {
	if eventID == "" {
		return nil
	}
	kept := make([]Message, len(out))
	for i, m := range out {
		kept[i] = m
		kept[i].File = nil // an export is made again on request, not kept
	}
	body, err := json.Marshal(kept)
	if err != nil {
		return fmt.Errorf("encode replies: %w", err)
	}
	if err := tx.SaveReplies(ctx, eventID, body); err != nil {
		return fmt.Errorf("save replies: %w", err)
	}
	return nil
}

// replay answers a redelivered event. Its effects are not applied twice,
// but when it is the user's last event its replies are returned again: a
// crash between the commit and the delivery of the replies must not leave
// the user without the next question.
func (e *Engine) replay(ctx context.Context, ev Event) ([]Message, error) {
	body, err := e.store.Replies(ctx, ev.User, ev.ID)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	} else if err != nil {
		e.log.ErrorContext(ctx, "replay replies", "err", err)
		return nil, nil
	}
	var out []Message
	if err := json.Unmarshal(body, &out); err != nil {
		e.log.ErrorContext(ctx, "decode replies", "err", err)
		return nil, nil
	}
	return out, nil
}

// parsedImport is an import parsed before the unit of work starts, so that
// parsing a large file never holds the database.
type parsedImport struct {
	result intake.Result
	name   string
}

// preparse parses the event's file, or its text when it looks like a list.
func (e *Engine) preparse(ctx context.Context, ev Event) (*parsedImport, error) {
	switch {
	case ev.File != nil:
		res, err := intake.Parse(ctx, bytes.NewReader(ev.File.Data), intake.Options{Name: ev.File.Name, MaxBytes: e.maxFile})
		return &parsedImport{result: res, name: ev.File.Name}, err
	case ev.Choice != "":
		return nil, nil
	}
	text := strings.TrimSpace(ev.Text)
	if cmd, rest := splitCommand(text); cmd == "import" {
		text = rest
	} else if cmd != "" || !intake.LooksLikeList(text) {
		return nil, nil
	}
	if text == "" {
		return nil, nil
	}
	res, err := intake.Parse(ctx, strings.NewReader(text), intake.Options{MaxBytes: e.maxFile})
	return &parsedImport{result: res}, err
}

// turn is the handling of one event inside one unit of work.
type turn struct {
	e         *Engine
	ctx       context.Context
	tx        Tx
	user      User
	state     State
	out       []Message
	forgotten bool
	// displayName is the platform's name for the user, offered at /start.
	displayName string
}

func (t *turn) say(m Message) {
	if len(m.Choices) > 0 {
		t.state.Choices = m.Choices
	}
	t.out = append(t.out, m)
}

func (t *turn) sayText(s string) { t.say(new(text).plain(s).message()) }

func (t *turn) now() time.Time { return t.e.now() }
