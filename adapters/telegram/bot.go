package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Bot is Rapport on Telegram. Make one with New, then Run it.
type Bot struct {
	o      Options
	eng    Engine
	c      *client
	call   *caller
	log    *slog.Logger
	runner *serial
	seen   *seen
	groups *seen // groups already told that the bot works in private chats

	// work is the context of the updates in hand: it outlives Run's
	// context by ShutdownGrace, so that they finish and commit.
	work     context.Context
	stopWork context.CancelFunc
}

// New checks the options and the token (with getMe) and returns the bot.
// It returns ErrNoWebhookSecret in webhook mode without a secret, an error
// for other bad options, and the SDK's error (token removed) when getMe
// fails: a wrong token is a *tgbotapi.Error with code 401.
func New(ctx context.Context, eng Engine, o Options) (*Bot, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	ep, err := parseEndpoint(o.Endpoint)
	if err != nil {
		return nil, err
	}
	c, err := newClient(ctx, o.Token, ep, o.HTTPClient)
	if err != nil {
		return nil, fmt.Errorf("telegram: getMe: %w", err)
	}
	work, stop := context.WithCancel(context.WithoutCancel(ctx))
	b := &Bot{
		o: o, eng: eng, c: c, log: o.Logger,
		call: &caller{c: c, lim: NewLimiter(*o.Limits, o.Clock), clock: o.Clock, retry: o.Retry,
			timeout: o.CallTimeout, log: o.Logger},
		runner: newSerial(o.Workers),
		seen:   newSeen(10000),
		groups: newSeen(10000),
		work:   work, stopWork: stop,
	}
	return b, nil
}

// Username is the bot's @username, without the "@".
func (b *Bot) Username() string { return b.c.api.Self.UserName }

// ID is the bot's Telegram user id.
func (b *Bot) ID() int64 { return b.c.api.Self.ID }

// Run serves until ctx ends: it sets the command menu, then receives
// updates by long polling, or through the webhook when WebhookURL is set.
// When ctx ends it stops receiving, lets the updates in hand finish (for
// up to ShutdownGrace), saves the polling offset and returns nil. It
// returns an error when it cannot start (setWebhook refused, the address
// taken) or when Telegram rejects the token. Call it once.
func (b *Bot) Run(ctx context.Context) error {
	b.logStart(ctx)
	b.setCommands(ctx)
	defer b.graceAfter(ctx)()
	if b.o.WebhookURL != "" {
		return b.runWebhook(ctx)
	}
	return b.runPolling(ctx)
}

// graceAfter arranges that once ctx ends, the updates in hand get
// ShutdownGrace to finish before their context is cancelled. The returned
// function waits for them and releases everything.
func (b *Bot) graceAfter(ctx context.Context) func() {
	var mu sync.Mutex
	var timer *time.Timer
	unregister := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		timer = time.AfterFunc(b.o.ShutdownGrace, func() {
			b.log.Warn("telegram shutdown grace over; abandoning the updates still in hand", "grace", b.o.ShutdownGrace)
			b.stopWork()
		})
	})
	return func() {
		b.runner.Wait()
		unregister()
		mu.Lock()
		if timer != nil {
			timer.Stop()
		}
		mu.Unlock()
		b.stopWork()
	}
}

func (b *Bot) logStart(ctx context.Context) {
	mode := "long polling"
	if b.o.WebhookURL != "" {
		mode = "webhook"
	}
	b.log.InfoContext(ctx, "telegram bot starting", "bot", b.Username(), "mode", mode, "workers", b.o.Workers)
	if b.o.Allow.Open() {
		b.log.WarnContext(ctx, "RAPPORT_ALLOWED_USERS is not set: anyone who finds this bot may use it (each user's data is kept apart)")
	} else {
		b.log.InfoContext(ctx, "telegram users restricted by RAPPORT_ALLOWED_USERS", "telegram_entries", b.o.Allow.Size())
	}
}

// Notify sends messages to a user unprompted (the daily batch, a
// check-in): the scheduler's way to reach a Telegram user. userKey is the
// user's coach key, "telegram:<id>". It returns a *BlockedError (matching
// ErrBlocked) when the user blocked the bot, ErrNotTelegramUser for
// another platform's key, or the send error. Notify respects the same
// rate limits as replies and may wait for them.
func (b *Bot) Notify(ctx context.Context, userKey string, msgs []coach.Message) error {
	id, ok := strings.CutPrefix(userKey, userPrefix)
	chat, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || chat <= 0 {
		return fmt.Errorf("%w: %q", ErrNotTelegramUser, userKey)
	}
	err = b.deliver(ctx, chat, msgs)
	if errors.Is(err, ErrBlocked) {
		return &BlockedError{User: userKey}
	}
	return err
}

// userPrefix starts every Telegram user key.
const userPrefix = "telegram:"

// userKey is the coach key of a Telegram user.
func userKey(id int64) string {
	return userPrefix + strconv.FormatInt(id, 10)
}
