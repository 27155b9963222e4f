package telegram

import (
	"context"
	"errors"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/rapport-bot/rapport/coach"
)

// errNotHandled means an update was not handled (the bot is stopping): it
// must not be confirmed, so that Telegram delivers it again.
var errNotHandled = errors.New("telegram: update not handled")

// queueKey is the key that orders an update among others: its sender, so
// one user's updates are handled one at a time and in order.
func queueKey(u tgbotapi.Update) string {
	if from := u.SentFrom(); from != nil {
		return strconv.FormatInt(from.ID, 10)
	}
	return "update:" + strconv.Itoa(u.UpdateID)
}

// enqueue hands an update to the workers: job runs after the user's
// earlier updates. A pressed button is answered at once, apart from the
// user's queue, so that the client's spinner stops even while earlier
// updates of the user are still being sent; job starts only once the
// answer is done, so a handled update is always an answered one.
func (b *Bot) enqueue(u tgbotapi.Update, job func()) {
	q := u.CallbackQuery
	if q == nil || b.seen.has(int64(u.UpdateID)) {
		b.runner.Go(queueKey(u), job)
		return
	}
	answered := make(chan struct{})
	go func() { // not a worker: a job waiting for it must not starve it
		defer close(answered)
		toast := ""
		if q.From != nil && !b.o.Allow.Allows(q.From.ID, q.From.UserName) {
			toast = refusalToast
		}
		b.answer(b.work, q.ID, toast)
	}()
	b.runner.Go(queueKey(u), func() {
		<-answered
		job()
	})
}

// handle does everything one update asks for: filtering, the engine's
// turn, the replies. It returns errNotHandled when it was cut short before
// the engine committed; everything else counts as handled (failures are
// logged and, where it helps, told to the user).
func (b *Bot) handle(ctx context.Context, u tgbotapi.Update) error {
	if b.seen.has(int64(u.UpdateID)) {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, b.o.TurnTimeout)
	defer cancel()
	var err error
	switch {
	case u.Message != nil:
		err = b.handleMessage(ctx, u.UpdateID, u.Message)
	case u.CallbackQuery != nil:
		err = b.handleCallback(ctx, u.UpdateID, u.CallbackQuery)
	default:
		// Edited messages, channel posts and the like: nothing to do.
	}
	if err != nil {
		return err
	}
	b.seen.add(int64(u.UpdateID))
	return nil
}

// handleMessage handles a message: text, a document, or something else.
func (b *Bot) handleMessage(ctx context.Context, id int, m *tgbotapi.Message) error {
	if m.From == nil || m.From.IsBot || m.Chat == nil {
		return nil
	}
	if !m.Chat.IsPrivate() {
		b.inGroup(ctx, m.Chat)
		return nil
	}
	if !b.o.Allow.Allows(m.From.ID, m.From.UserName) {
		b.log.InfoContext(ctx, "telegram user not allowed", "user_id", m.From.ID)
		b.reply(ctx, m.Chat.ID, refusal(m.From.ID))
		return nil
	}
	ev := b.event(id, m.From)
	switch {
	case m.Document != nil:
		f, refuse := b.fetchDocument(ctx, m.Document)
		if refuse != nil {
			b.reply(ctx, m.Chat.ID, refuse)
			return nil
		}
		ev.File = f
	case m.Text != "":
		ev.Text = m.Text // the engine reads "/cmd@bot_name" too
	default:
		b.reply(ctx, m.Chat.ID, notText())
		return nil
	}
	return b.turn(ctx, m.Chat.ID, ev)
}

// event starts the coach event of an update from a user.
func (b *Bot) event(id int, from *tgbotapi.User) coach.Event {
	return coach.Event{
		User:        userKey(from.ID),
		ID:          "tg:" + strconv.Itoa(id),
		DisplayName: strings.TrimSpace(from.FirstName + " " + from.LastName),
	}
}

// turn asks the engine (within ctx, the turn's deadline) and sends its
// replies. Once the engine has committed, the update counts as handled
// whatever happens to the replies.
func (b *Bot) turn(ctx context.Context, chat int64, ev coach.Event) error {
	replies, err := b.eng.Handle(ctx, ev)
	if err != nil {
		if b.work.Err() != nil {
			return errNotHandled // stopping: Telegram will deliver it again
		}
		b.log.ErrorContext(ctx, "engine turn failed", "user_id", chat, "code", string(coach.ErrorCode(err)), "err", internalCause(err))
		if len(replies) == 0 { // the engine usually says what went wrong itself
			replies = engineError(err)
		}
	}
	// The replies are sent under the work context, not the turn's
	// deadline: a 429 is waited out however long Telegram asks, and only
	// a shutdown cuts the sending short.
	b.reply(b.work, chat, replies)
	return nil
}

// reply sends replies, logging what fails (deliver logs each failure).
func (b *Bot) reply(ctx context.Context, chat int64, msgs []coach.Message) {
	if err := b.deliver(ctx, chat, msgs); errors.Is(err, ErrBlocked) {
		b.log.InfoContext(ctx, "telegram user blocked the bot", "user_id", chat)
	}
}

// inGroup answers the first message seen in a group, once, and stores
// nothing: contact lists are private.
func (b *Bot) inGroup(ctx context.Context, chat *tgbotapi.Chat) {
	if b.groups.has(chat.ID) || chat.IsChannel() {
		return
	}
	b.groups.add(chat.ID)
	b.reply(ctx, chat.ID, groupReply(b.Username()))
}

// internalCause is what may be logged of an engine error: the internal
// cause of a *coach.Error, whose Message is for the user and may quote
// what they typed.
func internalCause(err error) error {
	var ce *coach.Error
	if errors.As(err, &ce) {
		if ce.Err == nil {
			return errors.New("(no internal cause)")
		}
		return ce.Err
	}
	return err
}
