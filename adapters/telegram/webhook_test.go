package telegram_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

const hookSecret = "s3cret_Token-for-tests"

// webhookMode sets up webhook mode on a loopback listener and returns the
// webhook's URL.
func webhookMode(t testing.TB, o *telegram.Options) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.Listener = ln
	o.WebhookURL = "http://" + ln.Addr().String() + "/telegram/hook"
	o.WebhookSecret = hookSecret
	return o.WebhookURL
}

// post sends a body to the webhook with a secret header (none when
// secret is "-") and returns the status.
func post(t *testing.T, method, url, secret string, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "-" {
		req.Header.Set(telegram.SecretHeader, secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookRegistersWithSecret(t *testing.T) {
	var url string
	h := newHarness(t, func(o *telegram.Options) { url = webhookMode(t, o) })
	wh, ok := h.srv.Webhook()
	if !ok || wh.URL != url || wh.Secret != hookSecret {
		t.Fatalf("webhook %+v, want %s with the secret", wh, url)
	}
	got := h.say(alex, "/start") // delivered by the fake through the webhook
	if !bytes.Contains([]byte(texts(got)), []byte("How should I sign")) {
		t.Errorf("/start through the webhook:\n%s", texts(got))
	}
	h.checkClean(hookSecret)
}

// TestWebhookRejectsRequestsWithoutTheSecret: no header, a wrong one, a
// prefix of the right one: 401, and nothing changes.
func TestWebhookRejectsRequestsWithoutTheSecret(t *testing.T) {
	var url string
	h := newHarness(t, func(o *telegram.Options) { url = webhookMode(t, o) })
	body := []byte(`{"update_id":900001,"message":{"message_id":1,"date":1764064800,"text":"/start",` +
		`"from":{"id":1001,"is_bot":false,"first_name":"Alex"},"chat":{"id":1001,"type":"private"}}}`)
	for _, secret := range []string{"-", "", "wrong", hookSecret[:len(hookSecret)-1], hookSecret + "x"} {
		if code := post(t, http.MethodPost, url, secret, body); code != http.StatusUnauthorized {
			t.Errorf("secret %q: status %d, want 401", secret, code)
		}
	}
	if code := post(t, http.MethodGet, url, "-", nil); code != http.StatusUnauthorized {
		t.Errorf("GET without the secret: %d, want 401", code)
	}
	if code := post(t, http.MethodGet, url, hookSecret, nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET with the secret: %d, want 405", code)
	}
	if code := post(t, http.MethodPost, url, hookSecret, []byte("{not json")); code != http.StatusBadRequest {
		t.Errorf("bad JSON: %d, want 400", code)
	}
	if n := h.countRows("users"); n != 0 {
		t.Errorf("%d users stored after rejected requests", n)
	}
	for _, s := range h.srv.Sent() {
		if s.Method == "sendMessage" {
			t.Errorf("the bot sent %q after a rejected request", s.Text)
		}
	}
}

// TestWebhookRedeliveryIsHandledOnce: Telegram redelivers an update whose
// answer it did not get; a second and third copy, one after the other or
// at the same time, change nothing and send nothing.
func TestWebhookRedeliveryIsHandledOnce(t *testing.T) {
	var url string
	h := newHarness(t, func(o *telegram.Options) { url = webhookMode(t, o) })
	first := h.say(alex, "/start")
	last := h.srv.Sent()
	upd := lastUpdate(t, h.srv)
	body, _ := json.Marshal(upd)
	if code := post(t, http.MethodPost, url, hookSecret, body); code != http.StatusOK {
		t.Fatalf("redelivery: status %d", code)
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code := post(t, http.MethodPost, url, hookSecret, body); code != http.StatusOK {
				t.Errorf("concurrent redelivery: status %d", code)
			}
		}()
	}
	wg.Wait()
	if n := len(h.srv.Sent()); n != len(last) {
		t.Errorf("redeliveries sent %d more things", n-len(last))
	}
	if n := h.countRows("events WHERE event_id = 'tg:" + strconv.Itoa(upd.UpdateID) + "'"); n != 1 {
		t.Errorf("the update is recorded %d times", n)
	}
	if len(messages(first)) == 0 {
		t.Errorf("the first delivery got no reply")
	}

	// A new user's update arriving three times at once is handled once.
	kim := telegramtest.User{ID: 3003, FirstName: "Kim"}
	before := len(h.srv.SentTo(kim.ID, "sendMessage"))
	kid := h.srv.SendText(kim, "/start") // the fake delivers it too
	u, _ := h.srv.Update(kid)
	kbody, _ := json.Marshal(u)
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			post(t, http.MethodPost, url, hookSecret, kbody)
		}()
	}
	wg.Wait()
	h.waitFor("Kim's update", func() bool { return h.srv.Handled(kid) })
	if got, want := len(h.srv.SentTo(kim.ID, "sendMessage"))-before, len(messages(first)); got != want {
		t.Errorf("Kim's /start, delivered four times, got %d messages; one /start gets %d", got, want)
	}
}

// lastUpdate returns the newest update the fake delivered.
func lastUpdate(t *testing.T, srv *telegramtest.Server) telegramtest.Update {
	t.Helper()
	d := srv.Deliveries()
	if len(d) == 0 {
		t.Fatal("nothing delivered")
	}
	u, ok := srv.Update(d[len(d)-1].UpdateID)
	if !ok {
		t.Fatal("delivered update unknown")
	}
	return u
}

func TestWebhookNeedsASecret(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	o := fastOptions(srv, nil)
	o.WebhookURL = "https://bot.example/telegram"
	_, err := telegram.New(context.Background(), nil, o)
	if !errors.Is(err, telegram.ErrNoWebhookSecret) {
		t.Errorf("New without a secret: %v, want ErrNoWebhookSecret", err)
	}
	o.WebhookSecret = "has spaces"
	if _, err := telegram.New(context.Background(), nil, o); err == nil {
		t.Errorf("New accepted a secret Telegram refuses")
	}
}
