package telegram_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/coach"
)

// gatedEngine holds each event until the test opens the gate (or the
// event's context ends), and reports the events it holds.
type gatedEngine struct {
	inner   telegram.Engine
	entered chan string
	gate    chan struct{}
}

func gate(inner telegram.Engine) *gatedEngine {
	return &gatedEngine{inner: inner, entered: make(chan string, 16), gate: make(chan struct{})}
}

func (g *gatedEngine) Handle(ctx context.Context, ev coach.Event) ([]coach.Message, error) {
	g.entered <- ev.ID
	select {
	case <-g.gate:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return g.inner.Handle(ctx, ev)
}

func (g *gatedEngine) waitEntered(t *testing.T) string {
	t.Helper()
	select {
	case id := <-g.entered:
		return id
	case <-time.After(30 * time.Second):
		t.Fatal("the engine never got the event")
		return ""
	}
}

// savedOffset reads the offset the bot saved.
func (h *harness) savedOffset() int {
	h.t.Helper()
	off, _, err := h.store.TelegramOffset(context.Background(), h.srv.Me.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	return off
}

// TestPollingConfirmsOnlyHandledUpdates: while an update is being handled,
// Telegram has not been told it was received, and the saved offset does
// not pass it; when the bot stops before the engine commits, the update
// is delivered again to the next run and handled then.
func TestPollingConfirmsOnlyHandledUpdates(t *testing.T) {
	h, o := setupHarness(t)
	g := gate(h.eng)
	h.eng = g
	o.ShutdownGrace = 50 * time.Millisecond
	h.start(o)

	id := h.srv.SendText(alex, "/start")
	g.waitEntered(t)
	if h.srv.Handled(id) {
		t.Fatal("the update was confirmed to Telegram before it was handled")
	}
	h.shutdown() // the engine is still held: the grace runs out, the turn is cut short
	if h.srv.Handled(id) || h.savedOffset() > id {
		t.Fatalf("an update that was not handled was confirmed (offset %d, update %d)", h.savedOffset(), id)
	}
	if n := h.countRows("events"); n != 0 {
		t.Fatalf("%d events recorded for a turn that was cut short", n)
	}

	h.eng = g.inner
	h.start(h.options())
	h.waitFor("the update handled on the next run", func() bool { return h.srv.Handled(id) })
	if got := texts(h.srv.SentTo(alex.ID, "sendMessage")); !strings.Contains(got, "How should I sign your notes?") {
		t.Errorf("the redelivered /start got no answer:\n%s", got)
	}
	if off := h.savedOffset(); off != id+1 {
		t.Errorf("saved offset %d, want %d", off, id+1)
	}
}

// TestPollingResumesFromSavedOffset: updates below the saved offset were
// handled by the previous run and are not handled again.
func TestPollingResumesFromSavedOffset(t *testing.T) {
	h, o := setupHarness(t)
	old := h.srv.SendText(alex, "/start")
	fresh := h.srv.SendText(alex, "/help")
	if err := h.store.SaveTelegramOffset(context.Background(), h.srv.Me.ID, fresh); err != nil {
		t.Fatal(err)
	}
	h.start(o)
	h.waitFor("both updates confirmed", func() bool { return h.srv.Handled(old) && h.srv.Handled(fresh) })
	if n := h.countRows("events WHERE event_id = 'tg:" + strconv.Itoa(old) + "'"); n != 0 {
		t.Errorf("the update below the saved offset was handled again")
	}
	if n := h.countRows("events WHERE event_id = 'tg:" + strconv.Itoa(fresh) + "'"); n != 1 {
		t.Errorf("the update at the saved offset was not handled")
	}
}

// memOffsets is an Offsets in memory whose saving time the test sets.
type memOffsets struct {
	mu     sync.Mutex
	offset int
	saved  time.Time
}

func (m *memOffsets) TelegramOffset(context.Context, int64) (int, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.offset, m.saved, nil
}

func (m *memOffsets) SaveTelegramOffset(_ context.Context, _ int64, offset int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.offset, m.saved = offset, time.Now()
	return nil
}

// TestPollingIgnoresAnOffsetOlderThanADay: Telegram keeps updates a day,
// and renumbers them after a quiet week; an old offset (here far above
// the new ids) must not hide new updates.
func TestPollingIgnoresAnOffsetOlderThanADay(t *testing.T) {
	h, o := setupHarness(t)
	o.Offsets = &memOffsets{offset: 999_999_999, saved: time.Now().Add(-48 * time.Hour)}
	h.start(o)
	got := h.say(alex, "/start")
	if !strings.Contains(texts(got), "How should I sign") {
		t.Errorf("update after a stale offset not handled:\n%s", texts(got))
	}
}

// TestShutdownFinishesTheUpdateInHand: after Run's context ends, the
// update being handled still commits and gets its replies, and its offset
// is saved, before Run returns.
func TestShutdownFinishesTheUpdateInHand(t *testing.T) {
	h, o := setupHarness(t)
	g := gate(h.eng)
	h.eng = g
	h.start(o)
	id := h.srv.SendText(alex, "/start")
	g.waitEntered(t)
	h.stop()
	close(g.gate)
	select {
	case err := <-h.done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return")
	}
	h.stop = nil
	if got := texts(h.srv.SentTo(alex.ID, "sendMessage")); !strings.Contains(got, "How should I sign") {
		t.Errorf("the update in hand got no reply:\n%s", got)
	}
	if off := h.savedOffset(); off != id+1 {
		t.Errorf("saved offset %d, want %d", off, id+1)
	}
}
