package telegram_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// storyNow is the engine's clock in end-to-end tests: a Wednesday, so that
// today is a sending day.
var storyNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// harness runs the real bot (real SDK, real engine, SQLite in a temp
// directory) against the fake Bot API server.
type harness struct {
	t      testing.TB
	srv    *telegramtest.Server
	store  *sqlite.Store
	eng    telegram.Engine // the engine the bot uses (maybe wrapped)
	bot    *telegram.Bot
	logs   *syncBuffer
	logger *slog.Logger
	stop   context.CancelFunc
	done   chan error
}

// syncBuffer is a buffer the logger and the test share; waiters are woken
// on every write.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the log contains sub.
func (s *syncBuffer) waitFor(t testing.TB, sub string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		s.mu.Lock()
		if strings.Contains(s.b.String(), sub) {
			s.mu.Unlock()
			return
		}
		if s.changed == nil {
			s.changed = make(chan struct{})
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("the log never said %q:\n%s", sub, s.String())
		}
	}
}

// loopbackOnly is an HTTP transport that refuses any host but 127.0.0.1:
// the bot must never reach api.telegram.org in tests, files included.
type loopbackOnly struct{}

func (loopbackOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Hostname() != "127.0.0.1" {
		return nil, fmt.Errorf("test transport: refusing to contact %s", r.URL.Host)
	}
	return http.DefaultTransport.RoundTrip(r)
}

// fastOptions are options for tests: no outbound limits (tests that check
// the limits set their own) and quick retries.
func fastOptions(srv *telegramtest.Server, logger *slog.Logger) telegram.Options {
	return telegram.Options{
		Token:      telegramtest.Token,
		Endpoint:   srv.Endpoint(),
		Limits:     &telegram.Limits{},
		Retry:      telegram.Retry{Attempts: 6, Base: 5 * time.Millisecond, Max: 50 * time.Millisecond},
		Logger:     logger,
		HTTPClient: &http.Client{Transport: loopbackOnly{}},
	}
}

// newHarness starts a bot; tweak adjusts its options. The bot runs until
// the test ends (or h.shutdown).
func newHarness(t *testing.T, tweak func(*telegram.Options)) *harness {
	t.Helper()
	h, o := setupHarness(t)
	if tweak != nil {
		tweak(&o)
	}
	h.start(o)
	return h
}

// setupHarness makes the fake, the store and the engine, and returns the
// bot's options, without starting it.
func setupHarness(t testing.TB) (*harness, telegram.Options) {
	t.Helper()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close)
	h := &harness{t: t, srv: srv, logs: &syncBuffer{}}
	h.logger = slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "rapport.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h.store = st
	h.eng = coach.New(st, coach.Options{Clock: func() time.Time { return storyNow }, Rand: func(int) int { return 0 }, Logger: h.logger})
	return h, h.options()
}

// options are fastOptions with the harness's store keeping the offset.
func (h *harness) options() telegram.Options {
	o := fastOptions(h.srv, h.logger)
	o.Offsets = h.store
	return o
}

// countRows counts rows of the store, e.g. "users WHERE key = 'telegram:1'".
func (h *harness) countRows(from string) int {
	h.t.Helper()
	var n int
	if err := h.store.DB().QueryRow("SELECT count(*) FROM " + from).Scan(&n); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// start makes the bot and runs it in the background.
func (h *harness) start(o telegram.Options) {
	h.t.Helper()
	started := func() int {
		n := 0
		for _, s := range h.srv.Sent() { // deleteWebhook (polling) or setWebhook comes after the menu
			if s.Method == "deleteWebhook" || s.Method == "setWebhook" {
				n++
			}
		}
		return n
	}
	before := started()
	bot, err := telegram.New(context.Background(), h.eng, o)
	if err != nil {
		h.t.Fatal(err)
	}
	h.bot = bot
	ctx, cancel := context.WithCancel(context.Background())
	h.stop, h.done = cancel, make(chan error, 1)
	go func() { h.done <- bot.Run(ctx) }()
	h.t.Cleanup(h.shutdown)
	h.waitFor("the bot to start", func() bool { return started() > before })
}

// shutdown stops the bot and waits for Run to return.
func (h *harness) shutdown() {
	if h.stop == nil {
		return
	}
	h.stop()
	h.stop = nil
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
	case <-time.After(30 * time.Second):
		h.t.Errorf("Run did not return after its context ended")
	}
}

// waitFor waits (up to 30 s, on the fake's changes) until cond holds.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := h.srv.WaitFor(ctx, cond); err != nil {
		h.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// step injects one update with do, waits until the bot has handled it,
// and returns what the bot sent meanwhile to the chat.
func (h *harness) step(chat int64, do func() (int, error)) []telegramtest.Sent {
	h.t.Helper()
	before := len(h.srv.Sent())
	id, err := do()
	if err != nil {
		h.t.Fatal(err)
	}
	h.waitFor("update handled", func() bool { return h.srv.Handled(id) })
	var out []telegramtest.Sent
	for _, s := range h.srv.Sent()[before:] {
		if s.ChatID == chat {
			out = append(out, s)
		}
	}
	return out
}

func (h *harness) say(u telegramtest.User, text string) []telegramtest.Sent {
	h.t.Helper()
	return h.step(u.ID, func() (int, error) { return h.srv.SendText(u, text), nil })
}

func (h *harness) press(u telegramtest.User, label string) []telegramtest.Sent {
	h.t.Helper()
	return h.step(u.ID, func() (int, error) { return h.srv.PressButton(u, label) })
}

func (h *harness) upload(u telegramtest.User, name, mime string, data []byte) []telegramtest.Sent {
	h.t.Helper()
	return h.step(u.ID, func() (int, error) { return h.srv.SendDocument(u, name, mime, data), nil })
}

// texts joins the texts of sends, as the user reads them.
func texts(sent []telegramtest.Sent) string {
	var b strings.Builder
	for _, s := range sent {
		b.WriteString(s.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// messages keeps the sends that are new messages (not edits or answers).
func messages(sent []telegramtest.Sent) []telegramtest.Sent {
	var out []telegramtest.Sent
	for _, s := range sent {
		if s.Method == "sendMessage" || s.Method == "sendDocument" {
			out = append(out, s)
		}
	}
	return out
}

// buttons lists the labels of the newest keyboard in sends.
func buttons(sent []telegramtest.Sent) []string {
	for i := len(sent) - 1; i >= 0; i-- {
		if kb := sent[i].Keyboard; kb != nil && len(kb.InlineKeyboard) > 0 && sent[i].Method == "sendMessage" {
			var out []string
			for _, row := range kb.InlineKeyboard {
				for _, b := range row {
					out = append(out, b.Text)
				}
			}
			return out
		}
	}
	return nil
}

// checkClean fails the test if the bot sent anything Telegram would refuse
// or logged a token or a user's words.
func (h *harness) checkClean(private ...string) {
	h.t.Helper()
	for _, v := range h.srv.Violations() {
		h.t.Errorf("Telegram would refuse: %s", v)
	}
	logs := h.logs.String()
	for _, s := range append([]string{telegramtest.Token, "TEST-token"}, private...) {
		if strings.Contains(logs, s) {
			h.t.Errorf("the log contains %q:\n%s", s, logs)
		}
	}
}
