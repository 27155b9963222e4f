package telegram

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

// newTestCaller returns a caller on the fake server and a fake clock, and
// a chat the bot may write to.
func newTestCaller(t *testing.T, lim Limits) (*caller, *telegramtest.Server, *fakeClock, int64) {
	t.Helper()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close)
	ep, err := parseEndpoint(srv.Endpoint())
	if err != nil {
		t.Fatal(err)
	}
	c, err := newClient(context.Background(), telegramtest.Token, ep, &http.Client{})
	if err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	user := telegramtest.User{ID: 77, FirstName: "Kim"}
	srv.SendText(user, "hi") // the chat exists once the user wrote
	k := &caller{c: c, lim: NewLimiter(lim, clock), clock: clock,
		retry: Retry{Attempts: 4, Base: time.Second, Max: 3 * time.Second},
		log:   slog.New(slog.NewTextHandler(io.Discard, nil))}
	return k, srv, clock, user.ID
}

func sendHello(ctx context.Context, k *caller, chat int64) error {
	_, err := k.do(ctx, request{chat: chat, config: tgbotapi.NewMessage(chat, "hello")})
	return err
}

func countCalls(srv *telegramtest.Server, method string) int {
	n := 0
	for _, c := range srv.Calls() {
		if c.Method == method {
			n++
		}
	}
	return n
}

func TestCallerWaitsOutRetryAfterAndSendsOnce(t *testing.T) {
	k, srv, clock, chat := newTestCaller(t, DefaultLimits())
	srv.Fail("sendMessage", telegramtest.Fault{Code: 429, RetryAfter: 7}, telegramtest.Fault{Code: 429, RetryAfter: 3})
	t0 := clock.Now()
	if err := sendHello(context.Background(), k, chat); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.SentTo(chat, "sendMessage")); n != 1 {
		t.Errorf("%d messages arrived, want 1", n)
	}
	if n := countCalls(srv, "sendMessage"); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
	if waited := clock.Now().Sub(t0); waited < 10*time.Second {
		t.Errorf("waited %v in all, want at least the 7 s + 3 s Telegram asked for", waited)
	}
}

func TestCallerRetriesServerAndNetworkErrorsWithBackoff(t *testing.T) {
	k, srv, clock, chat := newTestCaller(t, Limits{})
	srv.Fail("sendMessage",
		telegramtest.Fault{Code: 502, NotJSON: true},
		telegramtest.Fault{Code: 500},
		telegramtest.Fault{Disconnect: true})
	if err := sendHello(context.Background(), k, chat); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.SentTo(chat, "sendMessage")); n != 1 {
		t.Errorf("%d messages arrived, want 1", n)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second} // 1, 2, then capped at Max
	if got := clock.sleeps(); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("backoff %v, want %v", got, want)
	}
}

func TestCallerGivesUpAfterAttempts(t *testing.T) {
	k, srv, _, chat := newTestCaller(t, Limits{})
	srv.FailWith(func(method string) *telegramtest.Fault {
		if method == "sendMessage" {
			return &telegramtest.Fault{Code: 503}
		}
		return nil
	})
	err := sendHello(context.Background(), k, chat)
	if err == nil {
		t.Fatal("no error after endless 503s")
	}
	if n := countCalls(srv, "sendMessage"); n != 4 {
		t.Errorf("%d attempts, want Attempts = 4", n)
	}
}

func TestCallerDoesNotRetryRefusals(t *testing.T) {
	k, srv, _, chat := newTestCaller(t, Limits{})
	srv.Block(chat)
	if err := sendHello(context.Background(), k, chat); !errors.Is(err, ErrBlocked) {
		t.Errorf("blocked: err %v, want ErrBlocked", err)
	}
	srv.Unblock(chat)
	bad := tgbotapi.NewMessage(chat, "<bad>")
	bad.ParseMode = tgbotapi.ModeHTML
	_, err := k.do(context.Background(), request{chat: chat, config: bad})
	var te *tgbotapi.Error
	if !errors.As(err, &te) || te.Code != 400 {
		t.Errorf("bad HTML: err %v, want the 400", err)
	}
	if n := countCalls(srv, "sendMessage"); n != 2 {
		t.Errorf("%d attempts for two refusals, want 2", n)
	}
}

func TestCallerUploadErrorsKeepTheirCode(t *testing.T) {
	// The SDK drops error_code on multipart uploads (STACK-NOTES trap 5);
	// a 429 on sendDocument must still be waited out.
	k, srv, clock, chat := newTestCaller(t, Limits{})
	srv.Fail("sendDocument", telegramtest.Fault{Code: 429, RetryAfter: 4}, telegramtest.Fault{Code: 502})
	doc := tgbotapi.NewDocument(chat, tgbotapi.FileBytes{Name: "x.csv", Bytes: []byte("a,b\n")})
	if _, err := k.do(context.Background(), request{chat: chat, config: doc}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.SentTo(chat, "sendDocument")); n != 1 {
		t.Errorf("%d documents arrived, want 1", n)
	}
	if got := clock.sleeps(); len(got) != 2 || got[0] != 4*time.Second {
		t.Errorf("waits %v, want 4s (retry_after) then a backoff", got)
	}
}

func TestCallerEditThatChangesNothingSucceeds(t *testing.T) {
	k, srv, _, chat := newTestCaller(t, Limits{})
	if err := sendHello(context.Background(), k, chat); err != nil {
		t.Fatal(err)
	}
	id := srv.Messages(chat)[0].MessageID
	_, err := k.do(context.Background(), request{chat: chat, config: tgbotapi.NewEditMessageText(chat, id, "hello")})
	if err != nil {
		t.Errorf("edit with the same text: %v, want success", err)
	}
}

func TestCallerStopsWhenContextEnds(t *testing.T) {
	k, srv, _, chat := newTestCaller(t, Limits{})
	srv.Fail("sendMessage", telegramtest.Fault{Code: 429, RetryAfter: 30})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sendHello(ctx, k, chat); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}
