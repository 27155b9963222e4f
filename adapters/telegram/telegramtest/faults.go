package telegramtest

import (
	"fmt"
	"net/http"
	"time"
)

// Fault is an error the fake answers instead of handling a request; the
// request then has no effect.
type Fault struct {
	// Code is the HTTP status and error_code: 429, 500, 502, 403…
	Code int
	// RetryAfter is the retry_after parameter of a 429, in seconds.
	RetryAfter int
	// NotJSON answers with an HTML page instead of JSON, as a proxy in
	// front of the Bot API does when it fails.
	NotJSON bool
	// Disconnect closes the connection without an answer: a network error
	// to the client.
	Disconnect bool
}

// description is the Bot API's text for the fault's code.
func (f Fault) description() string {
	switch f.Code {
	case http.StatusTooManyRequests:
		return fmt.Sprintf("Too Many Requests: retry after %d", f.RetryAfter)
	case http.StatusForbidden:
		return "Forbidden: bot was blocked by the user"
	}
	return http.StatusText(f.Code)
}

// Call is one request the fake received, answered or failed.
type Call struct {
	At     time.Time
	Method string
	ChatID int64  // the chat_id parameter, if any
	Status int    // the HTTP status of the answer
	Fault  *Fault // the injected fault, if any
}

// Fail makes the next calls of method fail with the faults, one call each,
// in order.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// FailWith sets a function asked before every call (after the queued
// faults of Fail): a non-nil answer fails the call. nil removes it.
func (s *Server) FailWith(f func(method string) *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faultFunc = f
}

// Calls returns every request received so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// nextFault pops the fault for this call of method, if any.
func (s *Server) nextFault(method string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.faults[method]; len(q) > 0 {
		f := q[0]
		s.faults[method] = q[1:]
		return &f
	}
	if s.faultFunc != nil {
		return s.faultFunc(method)
	}
	return nil
}

// injectFault answers the call with its fault and reports whether it did.
func (s *Server) injectFault(w http.ResponseWriter, method string, chat int64) bool {
	f := s.nextFault(method)
	if f == nil {
		return false
	}
	s.record(Call{At: s.now(), Method: method, ChatID: chat, Status: f.Code, Fault: f})
	switch {
	case f.Disconnect:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler)
	case f.NotJSON:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.Code)
		fmt.Fprintf(w, "<html><body><h1>%d %s</h1></body></html>\n", f.Code, http.StatusText(f.Code))
	default:
		writeError(w, f.Code, f.description(), f.RetryAfter)
	}
	return true
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
}
