package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"time"
)

// Webhook is the webhook the bot registered with setWebhook.
type Webhook struct {
	URL            string
	Secret         string
	AllowedUpdates []string
	MaxConnections int
}

// Delivery is one POST of an update to the bot's webhook.
type Delivery struct {
	At       time.Time
	UpdateID int
	Status   int // 0 when the request failed
}

// SecretHeader is the header that carries the webhook's secret token.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// Webhook returns the registered webhook, if one is set.
func (s *Server) Webhook() (Webhook, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.webhook == nil {
		return Webhook{}, false
	}
	return *s.webhook, true
}

// Deliveries returns every webhook delivery attempt, in order.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Delivery(nil), s.deliveries...)
}

// SetWebhookRetry sets how long the fake waits before delivering an update
// again after the webhook failed (Telegram waits longer; default 50 ms).
func (s *Server) SetWebhookRetry(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.retryDelay = d
}

// setWebhook registers the webhook (the fake accepts http:// URLs, so that
// tests can serve it on loopback; Telegram requires HTTPS) and starts
// delivering updates to it.
func (s *Server) setWebhook(at time.Time, p map[string]string) (any, error) {
	if p["url"] == "" {
		return s.deleteWebhook(at, p)
	}
	wh := Webhook{URL: p["url"], Secret: p["secret_token"], MaxConnections: 40}
	if wh.Secret != "" && !secretToken.MatchString(wh.Secret) {
		return nil, badRequest("secret token contains unallowed characters")
	}
	if n, err := intParam(p, "max_connections"); err != nil {
		return nil, err
	} else if n > 0 {
		wh.MaxConnections = min(n, 100)
	}
	if a := p["allowed_updates"]; a != "" {
		if err := json.Unmarshal([]byte(a), &wh.AllowedUpdates); err != nil {
			return nil, badRequest("can't parse allowed updates")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p["drop_pending_updates"] == "true" {
		s.pending = nil
	}
	s.webhook = &wh
	s.sent = append(s.sent, Sent{At: at, Method: "setWebhook", Raw: wh.URL})
	if !s.delivering {
		s.delivering = true
		s.wg.Add(1)
		go s.deliverLoop()
	}
	s.notify()
	return true, nil
}

func (s *Server) deleteWebhook(at time.Time, p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p["drop_pending_updates"] == "true" {
		s.pending = nil
	}
	s.webhook = nil
	s.sent = append(s.sent, Sent{At: at, Method: "deleteWebhook"})
	s.notify()
	return true, nil
}

// deliverLoop posts pending updates to the webhook, at most MaxConnections
// at once and one at a time per chat (so a user's updates arrive in order),
// until the webhook is deleted or the server closed.
func (s *Server) deliverLoop() {
	defer s.wg.Done()
	retry := map[int]time.Time{} // update id → not before
	active := map[int]bool{}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.delivering = false }()
	for s.webhook != nil {
		wh := *s.webhook
		u, wait, ok := s.nextDelivery(retry, active, len(active) < wh.MaxConnections)
		if ok {
			active[u.UpdateID] = true
			s.inFlight[chatOf(u)] = true
			s.wg.Add(1)
			go s.deliver(wh, u, retry, active)
			continue
		}
		ch := s.changed
		s.mu.Unlock()
		timer := time.NewTimer(wait)
		select {
		case <-ch:
		case <-timer.C:
		case <-s.stop:
			timer.Stop()
			s.mu.Lock()
			return
		}
		timer.Stop()
		s.mu.Lock()
	}
}

// nextDelivery picks the next update to deliver, or how long to wait for
// one to be due. Call with s.mu held.
func (s *Server) nextDelivery(retry map[int]time.Time, active map[int]bool, room bool) (Update, time.Duration, bool) {
	wait := time.Hour
	if !room {
		return Update{}, wait, false
	}
	now := s.now()
	for _, u := range s.pending {
		if active[u.UpdateID] || s.inFlight[chatOf(u)] {
			continue
		}
		if t, ok := retry[u.UpdateID]; ok && t.After(now) {
			wait = min(wait, t.Sub(now))
			continue
		}
		return u, 0, true
	}
	return Update{}, wait, false
}

// deliver posts one update and confirms it on a 2xx answer.
func (s *Server) deliver(wh Webhook, u Update, retry map[int]time.Time, active map[int]bool) {
	defer s.wg.Done()
	status := post(s.stop, wh, u)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deliveries = append(s.deliveries, Delivery{At: s.now(), UpdateID: u.UpdateID, Status: status})
	delete(active, u.UpdateID)
	delete(s.inFlight, chatOf(u))
	if status >= 200 && status < 300 {
		s.confirm1(u.UpdateID)
	} else {
		retry[u.UpdateID] = s.now().Add(s.retryDelay)
	}
	s.notify()
}

// post sends one update as Telegram does and returns the HTTP status, or 0.
func post(stop <-chan struct{}, wh Webhook, u Update) int {
	body, _ := json.Marshal(u)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	go func() {
		select {
		case <-stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, wh.URL, bytes.NewReader(body))
	if err != nil {
		return 0
	}
	req.Header.Set("Content-Type", "application/json")
	if wh.Secret != "" {
		req.Header.Set(SecretHeader, wh.Secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// confirm1 forgets one delivered update. Call with s.mu held.
func (s *Server) confirm1(id int) {
	for i, u := range s.pending {
		if u.UpdateID == id {
			s.pending = append(s.pending[:i], s.pending[i+1:]...)
			break
		}
	}
	s.done[id] = true
}

// chatOf is the chat an update belongs to.
func chatOf(u Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil:
		return u.CallbackQuery.Message.Chat.ID
	case u.CallbackQuery != nil:
		return u.CallbackQuery.From.ID
	}
	return 0
}
