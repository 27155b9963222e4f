package telegram

import (
	"context"
	"errors"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/rapport-bot/rapport/coach"
)

// choosePrompt stands in for the text of a reply that has buttons but no
// text: Telegram refuses an empty message.
const choosePrompt = "Choose one:"

// deliver sends replies to a chat in order: each as one or more HTML
// messages (split at 4,096 characters, the buttons on the last part) and
// its file as a document. It stops at a 403 (the user blocked the bot) and
// returns an error wrapping ErrBlocked; other failures are logged, the
// rest is still sent, and the errors are returned joined.
func (b *Bot) deliver(ctx context.Context, chat int64, msgs []coach.Message) error {
	var errs []error
	for _, m := range msgs {
		err := b.deliverOne(ctx, chat, m)
		if errors.Is(err, ErrBlocked) {
			return err
		}
		if err != nil {
			b.log.ErrorContext(ctx, "telegram send failed", "chat_id", chat, "err", err)
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// deliverOne sends one reply.
func (b *Bot) deliverOne(ctx context.Context, chat int64, m coach.Message) error {
	kb := keyboard(m.Choices)
	parts := splitSpans(m.Spans, maxText)
	if len(parts) == 0 && kb != nil && m.File == nil {
		parts = [][]coach.Span{{txt(choosePrompt)}}
	}
	for i, p := range parts {
		var markup *tgbotapi.InlineKeyboardMarkup
		if i == len(parts)-1 {
			markup = kb
		}
		if err := b.sendText(ctx, chat, p, markup); err != nil {
			return err
		}
	}
	if m.File == nil {
		return nil
	}
	if len(parts) > 0 {
		kb = nil // the buttons went with the text
	}
	return b.sendFile(ctx, chat, m.File, kb)
}

// sendText sends one message of HTML. Should Telegram refuse the HTML
// (which the renderer means never to produce), the text goes again without
// markup rather than not at all.
func (b *Bot) sendText(ctx context.Context, chat int64, spans []coach.Span, kb *tgbotapi.InlineKeyboardMarkup) error {
	msg := tgbotapi.NewMessage(chat, renderHTML(spans))
	msg.ParseMode = tgbotapi.ModeHTML
	msg.DisableWebPagePreview = true
	if kb != nil {
		msg.ReplyMarkup = *kb
	}
	_, err := b.call.do(ctx, request{chat: chat, config: msg})
	var te *tgbotapi.Error
	if err != nil && errors.As(err, &te) && strings.Contains(te.Message, "can't parse entities") {
		b.log.ErrorContext(ctx, "telegram refused our HTML; sending plain text", "chat_id", chat, "err", err)
		msg.Text, msg.ParseMode = plainText(spans), ""
		_, err = b.call.do(ctx, request{chat: chat, config: msg})
	}
	return err
}

// sendFile sends a reply's file as a document.
func (b *Bot) sendFile(ctx context.Context, chat int64, f *coach.File, kb *tgbotapi.InlineKeyboardMarkup) error {
	name := f.Name
	if name == "" {
		name = "rapport.txt"
	}
	doc := tgbotapi.NewDocument(chat, tgbotapi.FileBytes{Name: name, Bytes: f.Data})
	if kb != nil {
		doc.ReplyMarkup = *kb
	}
	_, err := b.call.do(ctx, request{chat: chat, config: doc})
	return err
}
