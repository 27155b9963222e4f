// Package telegramtest is a fake Telegram Bot API server for tests: a real
// HTTP server on 127.0.0.1 that speaks the Bot API's wire protocol
// (form-encoded, multipart and JSON POSTs; {ok, result} and {ok:false,
// error_code, description, parameters} answers), so that the real SDK talks
// to it.
//
// Tests inject what users do (messages, button presses, documents), read
// back everything the bot sent with the time it arrived, inject 429 and 5xx
// answers, and check that every text the bot sent is valid Telegram HTML
// (Violations). In webhook mode the fake delivers updates to the bot's
// webhook as Telegram does, with the secret token header, retrying until
// the bot answers 2xx.
package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Token is a well-formed bot token the fake accepts unless told otherwise.
const Token = "123456:TEST-token_for-the-fake"

// Server is a fake Bot API server. Make one with NewServer; its methods are
// safe for concurrent use.
type Server struct {
	// URL is the server's base URL, "http://127.0.0.1:port".
	URL string
	// Token is the only token the server accepts; other tokens get 401.
	Token string
	// Me is what getMe returns.
	Me User

	srv       *httptest.Server
	now       func() time.Time
	stop      chan struct{}
	wg        sync.WaitGroup
	closeOnce sync.Once

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every change
	state
}

// state is everything the fake remembers; guarded by Server.mu.
type state struct {
	nextUpdate  int
	pending     []Update       // not yet confirmed
	all         map[int]Update // every update, by id
	done        map[int]bool   // confirmed update ids
	pollGen     int            // the newest getUpdates request
	nextMessage int
	nextFile    int
	nextQuery   int
	chats       map[int64]Chat
	messages    map[int64][]*Message // the bot's messages by chat, as they are now
	queries     map[string]*query
	files       map[string]*storedFile
	blocked     map[int64]bool
	sent        []Sent
	calls       []Call
	violations  []string
	faults      map[string][]Fault
	faultFunc   func(method string) *Fault
	commands    []BotCommand
	webhook     *Webhook
	inFlight    map[int64]bool // webhook deliveries under way, by chat
	localDir    string
	deliveries  []Delivery
	retryDelay  time.Duration
	delivering  bool // deliverLoop runs
}

type query struct {
	answered bool
	chatID   int64
}

type storedFile struct {
	name, mime string
	data       []byte
	path       string
}

// NewServer starts a fake Bot API server on 127.0.0.1 that accepts Token.
// Close it when done.
func NewServer() *Server {
	s := &Server{
		Token:   Token,
		Me:      User{ID: 7000001, IsBot: true, FirstName: "Rapport", UserName: "rapport_test_bot"},
		now:     time.Now,
		stop:    make(chan struct{}),
		changed: make(chan struct{}),
	}
	s.state = state{
		nextUpdate: 500000, nextMessage: 100, done: map[int]bool{}, all: map[int]Update{},
		chats: map[int64]Chat{}, messages: map[int64][]*Message{}, queries: map[string]*query{},
		files: map[string]*storedFile{}, blocked: map[int64]bool{}, faults: map[string][]Fault{},
		inFlight: map[int64]bool{}, retryDelay: 50 * time.Millisecond,
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.srv.URL
	return s
}

// Endpoint is the SDK's API endpoint pattern for this server:
// "http://127.0.0.1:port/bot%s/%s".
func (s *Server) Endpoint() string {
	return s.URL + "/bot%s/%s"
}

// Close stops webhook deliveries and shuts the server down. Closing twice
// does nothing.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.stop)
		s.wg.Wait()
		s.srv.Close()
	})
}

// notify wakes every waiter; call with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// serveHTTP routes /bot<token>/<method> and /file/bot<token>/<path>.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.download(w, r, rest)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		writeError(w, http.StatusNotFound, "Not Found", 0)
		return
	}
	if token != s.Token {
		writeError(w, http.StatusUnauthorized, "Unauthorized", 0)
		return
	}
	params, files, err := readParams(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request: "+err.Error(), 0)
		return
	}
	chat, _ := strconv.ParseInt(params["chat_id"], 10, 64)
	if s.injectFault(w, method, chat) {
		return
	}
	s.call(w, r, method, chat, params, files)
}

// apiError is a Bot API error answer.
type apiError struct {
	code       int
	desc       string
	retryAfter int
}

func (e *apiError) Error() string { return e.desc }

func badRequest(desc string) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + desc}
}

func writeResult(w http.ResponseWriter, result any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(answer{OK: true, Result: result})
}

func writeError(w http.ResponseWriter, code int, desc string, retryAfter int) {
	a := answer{ErrorCode: code, Description: desc}
	if retryAfter > 0 {
		a.Parameters = &parameters{RetryAfter: retryAfter}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(a)
}
