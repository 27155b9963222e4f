package telegramtest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// SendText makes a user send a text message to the bot in their private
// chat, and returns the update's id.
func (s *Server) SendText(from User, text string) int {
	return s.userMessage(from, Chat{ID: from.ID, Type: "private"}, func(m *Message) {
		m.Text = text
		m.Entities = commandEntity(text)
	})
}

// SendGroupText makes a user send a text message in a group the bot is in.
func (s *Server) SendGroupText(group Chat, from User, text string) int {
	return s.userMessage(from, group, func(m *Message) {
		m.Text = text
		m.Entities = commandEntity(text)
	})
}

// SendDocument makes a user send a file to the bot in their private chat.
// mime may be empty, as when a client does not know the type.
func (s *Server) SendDocument(from User, name, mime string, data []byte) int {
	return s.userMessage(from, Chat{ID: from.ID, Type: "private"}, func(m *Message) {
		s.mu.Lock()
		doc := s.storeFile(name, mime, data)
		s.mu.Unlock()
		m.Document = &doc
	})
}

// commandEntity marks a leading /command as Telegram does.
func commandEntity(text string) []Entity {
	if !strings.HasPrefix(text, "/") {
		return nil
	}
	word, _, _ := strings.Cut(text, " ")
	word, _, _ = strings.Cut(word, "\n")
	return []Entity{{Type: "bot_command", Offset: 0, Length: UTF16Len(word)}}
}

// userMessage queues an update carrying a message from a user.
func (s *Server) userMessage(from User, chat Chat, fill func(*Message)) int {
	m := &Message{From: &from, Chat: chat, Date: s.now().Unix()}
	fill(m)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats[chat.ID] = chat
	s.nextMessage++
	m.MessageID = s.nextMessage
	return s.push(Update{Message: m})
}

// Press makes a user press the button with callback data on a message of
// the bot in their private chat. It fails when that message has no such
// button now (a real client cannot press it).
func (s *Server) Press(from User, messageID int, data string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.messages[from.ID] {
		if m.MessageID == messageID && hasButton(m.ReplyMarkup, func(b Button) bool { return b.CallbackData == data }) {
			return s.press(from, m, data), nil
		}
	}
	return 0, fmt.Errorf("telegramtest: message %d in chat %d has no button %q", messageID, from.ID, data)
}

// PressButton makes a user press the button with this label on the newest
// message of the bot in their private chat that shows one.
func (s *Server) PressButton(from User, label string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs := s.messages[from.ID]
	for i := len(msgs) - 1; i >= 0; i-- {
		var data string
		if hasButton(msgs[i].ReplyMarkup, func(b Button) bool { data = b.CallbackData; return b.Text == label }) {
			return s.press(from, msgs[i], data), nil
		}
	}
	return 0, fmt.Errorf("telegramtest: no message in chat %d shows a button %q", from.ID, label)
}

// PressData sends a callback query with any data for a message, as a
// modified client could: the bot must not trust it.
func (s *Server) PressData(from User, messageID int, data string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.messages[from.ID] {
		if m.MessageID == messageID {
			return s.press(from, m, data), nil
		}
	}
	return 0, fmt.Errorf("telegramtest: no message %d in chat %d", messageID, from.ID)
}

// press queues a callback query. Call with s.mu held.
func (s *Server) press(from User, m *Message, data string) int {
	s.nextQuery++
	id := fmt.Sprintf("cbq-%d", s.nextQuery)
	s.queries[id] = &query{chatID: m.Chat.ID}
	cp := *m
	return s.push(Update{CallbackQuery: &CallbackQuery{ID: id, From: from, Message: &cp,
		ChatInstance: fmt.Sprintf("ci-%d", m.Chat.ID), Data: data}})
}

func hasButton(kb *Keyboard, match func(Button) bool) bool {
	if kb == nil {
		return false
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if match(b) {
				return true
			}
		}
	}
	return false
}

// push queues an update and returns its id. Call with s.mu held.
func (s *Server) push(u Update) int {
	s.nextUpdate++
	u.UpdateID = s.nextUpdate
	s.pending = append(s.pending, u)
	s.all[u.UpdateID] = u
	s.notify()
	return u.UpdateID
}

// Update returns an update by id, queued or delivered, for tests that post
// it to a webhook themselves (a redelivery, say).
func (s *Server) Update(id int) (Update, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.all[id]
	return u, ok
}

// Block makes the user of a private chat block the bot: sends to the chat
// get 403 until Unblock.
func (s *Server) Block(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blocked[chatID] = true
}

// Unblock undoes Block.
func (s *Server) Unblock(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.blocked, chatID)
}

// Polls returns how many getUpdates requests have arrived, counted when
// they arrive (a long poll is recorded in Calls only when it ends).
func (s *Server) Polls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pollGen
}

// Pending returns how many updates wait for confirmation.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// getUpdates long-polls: it confirms the updates below offset, then answers
// with the updates from offset on, waiting up to timeout seconds for one.
// A newer getUpdates request ends a waiting one with 409, as Telegram's.
func (s *Server) getUpdates(ctx context.Context, p map[string]string) (any, error) {
	offset, err := intParam(p, "offset")
	if err != nil {
		return nil, err
	}
	limit, err := intParam(p, "limit")
	if err != nil {
		return nil, err
	}
	timeout, err := intParam(p, "timeout")
	if err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.webhook != nil {
		return nil, &apiError{code: http.StatusConflict, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	}
	s.pollGen++
	gen := s.pollGen
	s.confirm(offset)
	s.notify()
	for {
		if ups := s.from(offset, limit); len(ups) > 0 || timeout == 0 {
			return ups, nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			s.mu.Lock()
			return s.from(offset, limit), nil
		case <-ctx.Done():
			s.mu.Lock()
			return nil, ctx.Err()
		}
		s.mu.Lock()
		if s.pollGen != gen {
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		}
	}
}

// confirm forgets the updates below offset. Call with s.mu held.
func (s *Server) confirm(offset int) {
	if offset <= 0 {
		return
	}
	kept := s.pending[:0]
	for _, u := range s.pending {
		if u.UpdateID < offset {
			s.done[u.UpdateID] = true
			continue
		}
		kept = append(kept, u)
	}
	s.pending = kept
}

// from returns the pending updates from offset on. Call with s.mu held.
func (s *Server) from(offset, limit int) []Update {
	out := []Update{}
	for _, u := range s.pending {
		if u.UpdateID >= offset && len(out) < limit {
			out = append(out, u)
		}
	}
	return out
}
