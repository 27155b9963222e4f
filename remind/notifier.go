package remind

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Notifier delivers a reminder's messages to a user, unprompted, on the
// user's platform (Telegram's adapter has one). It returns nil only when
// the platform accepted every message. A user who blocked the bot is
// reported by an error matching ErrUnreachable (errors.Is) or having an
// Unreachable() bool method that returns true; a rate limit the caller
// should wait out, by an error with a RetryAfter() time.Duration method.
type Notifier interface {
	Notify(ctx context.Context, userKey string, msgs []coach.Message) error
}

// ErrUnreachable is what a Notifier's error matches when the user cannot
// be reached (they blocked the bot, deleted their account): the user is
// then marked unreachable and no longer scheduled until they write again.
var ErrUnreachable = errors.New("remind: user unreachable")

// ErrNoNotifier is returned by Router.Notify for a user key that none of
// its prefixes matches.
var ErrNoNotifier = errors.New("remind: no notifier for this platform")

// NotifierFunc lets a function be a Notifier.
type NotifierFunc func(ctx context.Context, userKey string, msgs []coach.Message) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, userKey string, msgs []coach.Message) error {
	return f(ctx, userKey, msgs)
}

// Router sends each user's reminder through the notifier of their
// platform, chosen by user-key prefix ("telegram:"). Users of a platform
// without a notifier (the terminal chat) are not scheduled at all.
type Router map[string]Notifier

// Notify hands the messages to the notifier whose prefix starts userKey,
// or returns ErrNoNotifier.
func (r Router) Notify(ctx context.Context, userKey string, msgs []coach.Message) error {
	n := r.route(userKey)
	if n == nil {
		return fmt.Errorf("%w: %q", ErrNoNotifier, platformOf(userKey))
	}
	return n.Notify(ctx, userKey, msgs)
}

// Handles reports whether some notifier can reach userKey.
func (r Router) Handles(userKey string) bool { return r.route(userKey) != nil }

func (r Router) route(userKey string) Notifier {
	for prefix, n := range r {
		if strings.HasPrefix(userKey, prefix) {
			return n
		}
	}
	return nil
}

// platformOf is the part of a user key before the first colon: enough to
// say which platform lacks a notifier without logging the user's id.
func platformOf(userKey string) string {
	p, _, _ := strings.Cut(userKey, ":")
	return p
}

// handles reports whether n can reach userKey: a notifier that says which
// users it handles (a Router) is asked; any other handles everyone.
func handles(n Notifier, userKey string) bool {
	h, ok := n.(interface{ Handles(string) bool })
	return !ok || h.Handles(userKey)
}

// unreachable reports whether a Notify error says the user blocked the bot.
func unreachable(err error) bool {
	if errors.Is(err, ErrUnreachable) {
		return true
	}
	var u interface{ Unreachable() bool }
	return errors.As(err, &u) && u.Unreachable()
}

// retryAfter is how long a Notify error asks to wait before trying again;
// 0 when it does not say.
func retryAfter(err error) time.Duration {
	var r interface{ RetryAfter() time.Duration }
	if errors.As(err, &r) {
		return max(r.RetryAfter(), 0)
	}
	return 0
}
