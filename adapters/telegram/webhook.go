package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SecretHeader carries the webhook's secret token on Telegram's requests.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds a webhook request body; an update with a long
// message is a few kilobytes.
const maxUpdateBytes = 1 << 20

// runWebhook registers the webhook with its secret, serves it until ctx
// ends, then stops taking requests and lets those in hand finish.
func (b *Bot) runWebhook(ctx context.Context) error {
	ln := b.o.Listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", b.o.Listen); err != nil {
			return fmt.Errorf("telegram: webhook server: %w", err)
		}
	}
	srv := &http.Server{Handler: b.mux(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	if err := b.setWebhook(ctx); err != nil {
		srv.Close()
		return err
	}
	b.log.InfoContext(ctx, "telegram webhook serving", "addr", ln.Addr().String(), "path", b.o.webhookPath())
	select {
	case err := <-serveErr:
		return fmt.Errorf("telegram: webhook server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), b.o.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	return nil
}

// setWebhook registers the webhook URL with its secret token. The SDK's
// WebhookConfig has no secret_token (STACK-NOTES trap 2), so this is a raw
// request.
func (b *Bot) setWebhook(ctx context.Context) error {
	params := tgbotapi.Params{
		"url":             b.o.WebhookURL,
		"secret_token":    b.o.WebhookSecret,
		"allowed_updates": `["message","callback_query"]`,
		"max_connections": "40",
	}
	if _, err := b.call.do(ctx, request{method: "setWebhook", params: params}); err != nil {
		return fmt.Errorf("telegram: setWebhook: %w", err)
	}
	return nil
}

// mux serves the webhook at its path (compared as is: it is not a
// ServeMux pattern) and a health check at /healthz.
func (b *Bot) mux() http.Handler {
	path, hook := b.o.webhookPath(), b.WebhookHandler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == path:
			hook.ServeHTTP(w, r)
		case r.URL.Path == "/healthz" && r.Method == http.MethodGet:
			io.WriteString(w, "ok\n")
		default:
			http.NotFound(w, r)
		}
	})
}

// WebhookHandler returns the handler of webhook requests (Run serves it;
// tests and benchmarks may mount it themselves). A request without the
// secret token, or with a wrong one, gets 401 and does nothing. A good
// request is answered once its update has been handled, replies sent:
// 200, or 503 when the bot is stopping and did not handle it (Telegram
// then delivers it again; an update delivered again is handled once).
func (b *Bot) WebhookHandler() http.Handler {
	return &webhook{b: b, secret: []byte(b.o.WebhookSecret)}
}

type webhook struct {
	b      *Bot
	secret []byte
}

func (h *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	got := []byte(r.Header.Get(SecretHeader))
	if len(h.secret) == 0 || subtle.ConstantTimeCompare(got, h.secret) != 1 {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var u tgbotapi.Update
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdateBytes)).Decode(&u); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := h.b.submit(r.Context(), u); err != nil {
		http.Error(w, "not handled, try again", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// submit hands an update to the workers and waits until it is handled.
// When the request ends first (Telegram gave up waiting), the update is
// still handled; Telegram's redelivery is then ignored.
func (b *Bot) submit(ctx context.Context, u tgbotapi.Update) error {
	if b.work.Err() != nil {
		return errNotHandled
	}
	done := make(chan error, 1) // buffered: the job never blocks on a gone request
	b.enqueue(u, func() { done <- b.handle(b.work, u) })
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return errors.Join(errNotHandled, ctx.Err())
	}
}
