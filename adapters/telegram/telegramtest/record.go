package telegramtest

import (
	"context"
	"time"
)

// Sent is one thing the bot did that a user would see (a message, an
// edit, a document, a callback answer) or that configures the bot (the
// command menu, the webhook), recorded when the request arrived and was
// accepted.
type Sent struct {
	At        time.Time
	Method    string
	ChatID    int64
	MessageID int
	// Text is the text or caption as the user sees it: parsed, entities
	// decoded. Raw is the parameter as the bot sent it.
	Text      string
	Raw       string
	ParseMode string
	Entities  []Entity
	Keyboard  *Keyboard
	Document  *SentDocument
	QueryID   string // answerCallbackQuery
	Alert     bool   // answerCallbackQuery with show_alert
	Commands  []BotCommand
}

// SentDocument is a file the bot sent.
type SentDocument struct {
	Name     string
	MimeType string
	Data     []byte
}

// Sent returns everything the bot did that was accepted, in order.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// SentTo returns the accepted sends of these methods to one chat (all
// methods when none is given).
func (s *Server) SentTo(chatID int64, methods ...string) []Sent {
	var out []Sent
	for _, x := range s.Sent() {
		if x.ChatID == chatID && (len(methods) == 0 || contains(methods, x.Method)) {
			out = append(out, x)
		}
	}
	return out
}

// Messages returns the bot's messages in a chat as they are now, after
// edits, oldest first.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages[chatID] {
		out = append(out, *m)
	}
	return out
}

// Violations returns what the bot sent that Telegram would refuse: text
// that is not valid Telegram HTML, too long or empty, bad keyboards. A
// correct bot leaves it empty.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// Commands returns the command menu the bot set.
func (s *Server) Commands() []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]BotCommand(nil), s.commands...)
}

// WaitFor waits until cond returns true, asking it again after every
// change of the server's state, or until ctx is done. cond may call the
// server's methods.
func (s *Server) WaitFor(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed // taken before cond, so no change is missed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// WaitHandled waits until the bot has confirmed the updates: by asking
// getUpdates for a higher offset, or by answering 2xx to their webhook
// delivery.
func (s *Server) WaitHandled(ctx context.Context, ids ...int) error {
	return s.WaitFor(ctx, func() bool {
		for _, id := range ids {
			if !s.Handled(id) {
				return false
			}
		}
		return true
	})
}

// Handled reports whether the update has been confirmed.
func (s *Server) Handled(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done[id]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
