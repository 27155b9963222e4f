package telegram

import (
	"context"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// handleCallback handles a pressed button (enqueue has answered it). It
// edits the message to show the choice made, without its buttons, so no
// stale keyboard stays pressable; then the engine gets the choice's value.
// The engine decides whether a late or repeated press still applies: the
// value names the question and the person, and the data may be forged, so
// nothing here trusts it.
func (b *Bot) handleCallback(ctx context.Context, id int, q *tgbotapi.CallbackQuery) error {
	if q.From == nil || q.Message == nil || q.Message.Chat == nil || !q.Message.Chat.IsPrivate() {
		return nil
	}
	if !b.o.Allow.Allows(q.From.ID, q.From.UserName) {
		b.log.InfoContext(ctx, "telegram user not allowed", "user_id", q.From.ID)
		return nil
	}
	b.markChosen(ctx, q)
	ev := b.event(id, q.From)
	ev.Choice = q.Data
	return b.turn(ctx, q.Message.Chat.ID, ev)
}

// answer answers a callback query. Failing is harmless (the query may be
// too old, or answered before a redelivery): logged at debug level.
func (b *Bot) answer(ctx context.Context, queryID, text string) {
	cb := tgbotapi.NewCallback(queryID, text)
	cb.ShowAlert = text != ""
	if _, err := b.call.do(ctx, request{config: cb}); err != nil {
		b.log.DebugContext(ctx, "telegram answerCallbackQuery failed", "err", err)
	}
}

// chosenMark starts the line added under a message whose button was pressed.
const chosenMark = "\n\n✓ "

// markChosen edits the message whose button was pressed: the same text
// and formatting (its entities, as Telegram gave them) with the choice
// added below, and no keyboard. A message it cannot edit that way (a
// document, a text near the length limit) just loses its keyboard.
func (b *Bot) markChosen(ctx context.Context, q *tgbotapi.CallbackQuery) {
	m := q.Message
	if m.ReplyMarkup == nil || len(m.ReplyMarkup.InlineKeyboard) == 0 {
		return
	}
	label, ok := choiceLabel(m.ReplyMarkup, q.Data)
	chat := m.Chat.ID
	var req request
	if text := m.Text + chosenMark + label; ok && m.Text != "" && utf16Len(text) <= maxText {
		edit := tgbotapi.NewEditMessageText(chat, m.MessageID, text)
		edit.Entities = m.Entities
		edit.DisableWebPagePreview = true
		req = request{chat: chat, config: edit}
	} else {
		req = request{chat: chat, config: tgbotapi.NewEditMessageReplyMarkup(chat, m.MessageID,
			tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}})}
	}
	if _, err := b.call.do(ctx, req); err != nil {
		b.log.WarnContext(ctx, "telegram could not mark the choice on its message", "chat_id", chat, "err", err)
	}
}
