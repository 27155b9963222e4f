package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Engine is what the adapter needs of coach.Engine.
type Engine interface {
	Handle(ctx context.Context, ev coach.Event) ([]coach.Message, error)
}

// Offsets keeps the long-polling offset (the id of the first update not
// yet handled) across restarts; *sqlite.Store implements it. The adapter
// saves it after each batch of updates is handled.
type Offsets interface {
	// TelegramOffset returns the offset saved for the bot with this id and
	// when it was saved; 0 and the zero time when there is none.
	TelegramOffset(ctx context.Context, botID int64) (offset int, saved time.Time, err error)
	// SaveTelegramOffset saves the offset of the bot with this id.
	SaveTelegramOffset(ctx context.Context, botID int64, offset int) error
}

// Options configure a Bot. Token is required; everything else has a
// default.
type Options struct {
	Token string // TELEGRAM_BOT_TOKEN
	// Endpoint is TELEGRAM_API_ENDPOINT: empty for api.telegram.org, the
	// SDK's pattern "http://host:port/bot%s/%s", or a base URL.
	Endpoint string
	// WebhookURL (TELEGRAM_WEBHOOK_URL) selects webhook mode; its path is
	// the path the bot serves. WebhookSecret (TELEGRAM_WEBHOOK_SECRET) is
	// required with it: 1–256 of A–Z, a–z, 0–9, _ and -.
	WebhookURL    string
	WebhookSecret string
	// Listen is the webhook server's address (RAPPORT_LISTEN; default
	// ":8080"). Listener, when set, is used instead (tests).
	Listen   string
	Listener net.Listener
	// Allow says who may use the bot; the zero value lets everyone in.
	Allow Allowlist
	// Offsets keeps the polling offset; nil keeps it in memory only.
	Offsets Offsets
	// Limits are the outbound limits; the zero value means DefaultLimits.
	Limits *Limits
	// Retry is how failed calls are retried; zero fields take DefaultRetry's.
	Retry Retry
	// MaxFileBytes bounds an uploaded document (default 10 MiB; Telegram's
	// cloud serves at most 20 MB to bots).
	MaxFileBytes int64
	// Workers is how many updates are handled at once (default 16); one
	// user's updates are always handled one at a time, in order.
	Workers int
	// TurnTimeout bounds the handling of one update up to its replies:
	// the engine's turn, a file download (default 2 minutes). Sending the
	// replies is bounded only by shutdown, so that a 429 is always waited
	// out; each attempt of a call has CallTimeout.
	TurnTimeout time.Duration
	// CallTimeout bounds one attempt of a Bot API call other than the long
	// poll (default 60 s): a connection that hangs is retried.
	CallTimeout time.Duration
	// ShutdownGrace is how long, after the context of Run ends, the
	// updates in hand may take to finish (default 20 s).
	ShutdownGrace time.Duration
	// PollTimeout is the long-polling timeout (default 50 s).
	PollTimeout time.Duration
	HTTPClient  *http.Client // default: a client with no overall timeout (calls have deadlines)
	Clock       Clock        // default: the wall clock
	Logger      *slog.Logger // default: slog.Default()
}

// Defaults.
const (
	defaultListen       = ":8080"
	defaultMaxFileBytes = 10 << 20
	defaultWorkers      = 16
	defaultTurnTimeout  = 2 * time.Minute
	defaultCallTimeout  = time.Minute
	defaultGrace        = 20 * time.Second
	defaultPollTimeout  = 50 * time.Second
)

var webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// ErrNoWebhookSecret is returned by New in webhook mode without a secret:
// anyone who finds the URL could post updates as any user.
var ErrNoWebhookSecret = errors.New("telegram: TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not; refusing to start a webhook anyone could post to")

// Validate reports what New would refuse in the options, without
// contacting Telegram: a missing token, webhook mode without a secret
// (ErrNoWebhookSecret), a bad endpoint or webhook URL.
func (o Options) Validate() error {
	if err := o.check(); err != nil {
		return err
	}
	_, err := parseEndpoint(o.Endpoint)
	return err
}

// check validates the options and fills in the defaults.
func (o *Options) check() error {
	if o.Token == "" {
		return errors.New("telegram: no bot token (TELEGRAM_BOT_TOKEN)")
	}
	if o.WebhookURL != "" {
		if err := o.checkWebhook(); err != nil {
			return err
		}
	}
	if o.Listen == "" {
		o.Listen = defaultListen
	}
	if o.Limits == nil {
		l := DefaultLimits()
		o.Limits = &l
	}
	d := DefaultRetry()
	o.Retry.Attempts = or(o.Retry.Attempts, d.Attempts)
	o.Retry.Base = or(o.Retry.Base, d.Base)
	o.Retry.Max = or(o.Retry.Max, d.Max)
	o.MaxFileBytes = or(o.MaxFileBytes, defaultMaxFileBytes)
	o.Workers = or(o.Workers, defaultWorkers)
	o.TurnTimeout = or(o.TurnTimeout, defaultTurnTimeout)
	o.CallTimeout = or(o.CallTimeout, defaultCallTimeout)
	o.ShutdownGrace = or(o.ShutdownGrace, defaultGrace)
	o.PollTimeout = or(o.PollTimeout, defaultPollTimeout)
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{}
	}
	if o.Clock == nil {
		o.Clock = wallClock{}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return nil
}

func (o *Options) checkWebhook() error {
	u, err := url.Parse(o.WebhookURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("telegram: TELEGRAM_WEBHOOK_URL %q: want an https:// URL", o.WebhookURL)
	}
	if o.WebhookSecret == "" {
		return ErrNoWebhookSecret
	}
	if !webhookSecret.MatchString(o.WebhookSecret) {
		return errors.New("telegram: TELEGRAM_WEBHOOK_SECRET: use 1–256 characters of A–Z, a–z, 0–9, _ and -")
	}
	return nil
}

// webhookPath is the path the webhook server serves: the URL's path.
func (o *Options) webhookPath() string {
	u, _ := url.Parse(o.WebhookURL)
	if u.Path == "" {
		return "/"
	}
	return u.Path
}

// or returns v, or def when v is zero or less.
func or[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
