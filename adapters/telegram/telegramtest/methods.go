package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"time"
	"unicode/utf8"
)

// call runs one Bot API method and writes its answer.
func (s *Server) call(w http.ResponseWriter, r *http.Request, method string, chat int64, p map[string]string, files map[string]upload) {
	at := s.now()
	var result any
	var err error
	switch method {
	case "getMe":
		result = s.Me
	case "getUpdates":
		result, err = s.getUpdates(r.Context(), p)
	case "sendMessage":
		result, err = s.sendMessage(at, p)
	case "editMessageText":
		result, err = s.editMessageText(at, p)
	case "editMessageReplyMarkup":
		result, err = s.editMessageReplyMarkup(at, p)
	case "answerCallbackQuery":
		result, err = s.answerCallbackQuery(at, p)
	case "sendDocument":
		result, err = s.sendDocument(at, p, files)
	case "getFile":
		result, err = s.getFile(p)
	case "setMyCommands":
		result, err = s.setMyCommands(at, p)
	case "setWebhook":
		result, err = s.setWebhook(at, p)
	case "deleteWebhook":
		result, err = s.deleteWebhook(at, p)
	default:
		err = &apiError{code: http.StatusNotFound, desc: "Not Found"}
	}
	status := http.StatusOK
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = badRequest(err.Error())
		}
		status = ae.code
		writeError(w, ae.code, ae.desc, ae.retryAfter)
	} else {
		writeResult(w, result)
	}
	s.record(Call{At: at, Method: method, ChatID: chat, Status: status})
}

// violation records what Telegram would refuse, with the offending text
// when there is one, and returns Telegram's 400 (which, like Telegram's,
// does not repeat the text). Call with s.mu held.
func (s *Server) violation(method, raw, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	v := method + ": " + msg
	if raw != "" {
		v += fmt.Sprintf(" (text %q)", raw)
	}
	s.violations = append(s.violations, v)
	return badRequest(msg)
}

// text parses a text parameter in its parse mode, checks Telegram's limits
// and records a violation when it would be refused. Call with s.mu held.
func (s *Server) text(method, raw, mode, entities string, caption bool) (string, []Entity, error) {
	var text string
	var ents []Entity
	var err error
	switch mode {
	case "HTML":
		text, ents, err = ParseHTML(raw)
	case "":
		text, ents, err = raw, nil, nil
		if entities != "" {
			err = json.Unmarshal([]byte(entities), &ents)
			if err == nil {
				err = checkEntities(text, ents)
			}
		}
	default:
		err = fmt.Errorf("parse mode %q is not served by the fake", mode)
	}
	if err == nil && !caption {
		err = CheckText(text)
	}
	if err == nil && caption && UTF16Len(text) > 1024 {
		err = errors.New("message caption is too long")
	}
	if err != nil {
		return "", nil, s.violation(method, raw, "%v", err)
	}
	return text, ents, nil
}

// checkEntities checks that entities sent with a plain text lie inside it.
func checkEntities(text string, ents []Entity) error {
	n := UTF16Len(text)
	for _, e := range ents {
		if e.Offset < 0 || e.Length <= 0 || e.Offset+e.Length > n || e.Type == "" {
			return fmt.Errorf("can't parse entities: bad entity %+v", e)
		}
	}
	return nil
}

// keyboard parses and checks a reply_markup parameter. Call with s.mu held.
func (s *Server) keyboard(method, raw string) (*Keyboard, error) {
	if raw == "" {
		return nil, nil
	}
	var kb Keyboard
	if err := json.Unmarshal([]byte(raw), &kb); err != nil {
		return nil, s.violation(method, raw, "can't parse reply keyboard markup JSON object: %v", err)
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if err := checkButton(b); err != nil {
				return nil, s.violation(method, raw, "%v", err)
			}
		}
	}
	return &kb, nil
}

func checkButton(b Button) error {
	switch {
	case b.Text == "":
		return errors.New("text buttons are unallowed in the inline keyboard")
	case (b.CallbackData == "") == (b.URL == nil):
		return errors.New("BUTTON_TYPE_INVALID")
	case b.URL == nil && len(b.CallbackData) > 64:
		return errors.New("BUTTON_DATA_INVALID")
	case !utf8.ValidString(b.Text) || !utf8.ValidString(b.CallbackData):
		return errors.New("BUTTON_DATA_INVALID")
	}
	return nil
}

// chatFor checks that the bot may write to a chat. Call with s.mu held.
func (s *Server) chatFor(p map[string]string) (Chat, error) {
	id, err := chatParam(p)
	if err != nil {
		return Chat{}, err
	}
	if s.blocked[id] {
		return Chat{}, &apiError{code: http.StatusForbidden, desc: "Forbidden: bot was blocked by the user"}
	}
	c, ok := s.chats[id]
	if !ok {
		return Chat{}, badRequest("chat not found")
	}
	return c, nil
}

func (s *Server) sendMessage(at time.Time, p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, err := s.chatFor(p)
	if err != nil {
		return nil, err
	}
	text, ents, err := s.text("sendMessage", p["text"], p["parse_mode"], p["entities"], false)
	if err != nil {
		return nil, err
	}
	kb, err := s.keyboard("sendMessage", p["reply_markup"])
	if err != nil {
		return nil, err
	}
	m := s.newMessage(at, chat)
	m.Text, m.Entities, m.ReplyMarkup = text, ents, kb
	s.sent = append(s.sent, Sent{At: at, Method: "sendMessage", ChatID: chat.ID, MessageID: m.MessageID,
		Text: text, Raw: p["text"], ParseMode: p["parse_mode"], Entities: ents, Keyboard: kb})
	s.notify()
	return *m, nil
}

// newMessage adds a message of the bot to a chat. Call with s.mu held.
func (s *Server) newMessage(at time.Time, chat Chat) *Message {
	s.nextMessage++
	me := s.Me
	m := &Message{MessageID: s.nextMessage, From: &me, Chat: chat, Date: at.Unix()}
	s.messages[chat.ID] = append(s.messages[chat.ID], m)
	return m
}

// botMessage finds a message of the bot to edit. Call with s.mu held.
func (s *Server) botMessage(p map[string]string) (*Message, error) {
	if p["inline_message_id"] != "" {
		return nil, badRequest("the fake serves no inline messages")
	}
	chat, err := s.chatFor(p)
	if err != nil {
		return nil, err
	}
	id, err := intParam(p, "message_id")
	if err != nil {
		return nil, err
	}
	for _, m := range s.messages[chat.ID] {
		if m.MessageID == id {
			return m, nil
		}
	}
	return nil, badRequest("message to edit not found")
}

var errNotModified = badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")

func (s *Server) editMessageText(at time.Time, p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.botMessage(p)
	if err != nil {
		return nil, err
	}
	text, ents, err := s.text("editMessageText", p["text"], p["parse_mode"], p["entities"], false)
	if err != nil {
		return nil, err
	}
	kb, err := s.keyboard("editMessageText", p["reply_markup"])
	if err != nil {
		return nil, err
	}
	if text == m.Text && reflect.DeepEqual(ents, m.Entities) && reflect.DeepEqual(kb, m.ReplyMarkup) {
		return nil, errNotModified
	}
	m.Text, m.Entities, m.ReplyMarkup, m.EditDate = text, ents, kb, at.Unix()
	s.sent = append(s.sent, Sent{At: at, Method: "editMessageText", ChatID: m.Chat.ID, MessageID: m.MessageID,
		Text: text, Raw: p["text"], ParseMode: p["parse_mode"], Entities: ents, Keyboard: kb})
	s.notify()
	return *m, nil
}

func (s *Server) editMessageReplyMarkup(at time.Time, p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.botMessage(p)
	if err != nil {
		return nil, err
	}
	kb, err := s.keyboard("editMessageReplyMarkup", p["reply_markup"])
	if err != nil {
		return nil, err
	}
	if reflect.DeepEqual(kb, m.ReplyMarkup) {
		return nil, errNotModified
	}
	m.ReplyMarkup, m.EditDate = kb, at.Unix()
	s.sent = append(s.sent, Sent{At: at, Method: "editMessageReplyMarkup", ChatID: m.Chat.ID,
		MessageID: m.MessageID, Text: m.Text, Keyboard: kb})
	s.notify()
	return *m, nil
}

func (s *Server) answerCallbackQuery(at time.Time, p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := p["callback_query_id"]
	q := s.queries[id]
	if q == nil || q.answered {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	if utf8.RuneCountInString(p["text"]) > 200 {
		return nil, s.violation("answerCallbackQuery", p["text"], "MESSAGE_TOO_LONG")
	}
	q.answered = true
	s.sent = append(s.sent, Sent{At: at, Method: "answerCallbackQuery", ChatID: q.chatID, QueryID: id,
		Text: p["text"], Alert: p["show_alert"] == "true"})
	s.notify()
	return true, nil
}

func (s *Server) sendDocument(at time.Time, p map[string]string, files map[string]upload) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, err := s.chatFor(p)
	if err != nil {
		return nil, err
	}
	up, ok := files["document"]
	if !ok {
		return nil, badRequest("there is no document in the request")
	}
	caption, ents, err := s.text("sendDocument", p["caption"], p["parse_mode"], p["caption_entities"], true)
	if err != nil {
		return nil, err
	}
	kb, err := s.keyboard("sendDocument", p["reply_markup"])
	if err != nil {
		return nil, err
	}
	doc := s.storeFile(up.name, mimeFor(up.name), up.data)
	m := s.newMessage(at, chat)
	m.Document, m.Caption, m.ReplyMarkup = &doc, caption, kb
	s.sent = append(s.sent, Sent{At: at, Method: "sendDocument", ChatID: chat.ID, MessageID: m.MessageID,
		Text: caption, Raw: p["caption"], ParseMode: p["parse_mode"], Entities: ents, Keyboard: kb,
		Document: &SentDocument{Name: up.name, MimeType: doc.MimeType, Data: up.data}})
	s.notify()
	return *m, nil
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

func (s *Server) setMyCommands(at time.Time, p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var cmds []BotCommand
	if err := json.Unmarshal([]byte(p["commands"]), &cmds); err != nil {
		return nil, s.violation("setMyCommands", p["commands"], "can't parse commands JSON: %v", err)
	}
	if len(cmds) > 100 {
		return nil, s.violation("setMyCommands", "", "too many commands")
	}
	for _, c := range cmds {
		n := utf8.RuneCountInString(c.Description)
		if !commandName.MatchString(c.Command) || n < 1 || n > 256 {
			return nil, s.violation("setMyCommands", "", "BOT_COMMAND_INVALID: %q", c.Command)
		}
	}
	s.commands = cmds
	s.sent = append(s.sent, Sent{At: at, Method: "setMyCommands", Commands: cmds})
	s.notify()
	return true, nil
}
