package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// offsetMaxAge is how old a saved offset may be and still be used. Telegram
// keeps unconfirmed updates for 24 hours, and after a week without updates
// it may number the next ones from a random, possibly lower id; an older
// offset could hide them. Starting from 0 asks for every unconfirmed
// update, which the engine de-duplicates by id.
const offsetMaxAge = 24 * time.Hour

// runPolling receives updates with getUpdates in its own loop (not the
// SDK's GetUpdatesChan, which confirms updates before they are handled):
// it fetches a batch, hands its updates to the workers, waits until all
// are handled, then saves the next offset and only then asks for more (a
// getUpdates with a higher offset is what confirms updates to Telegram).
func (b *Bot) runPolling(ctx context.Context) error {
	if _, err := b.call.do(ctx, request{config: tgbotapi.DeleteWebhookConfig{}}); err != nil && ctx.Err() == nil {
		return fmt.Errorf("telegram: deleteWebhook before polling: %w", err)
	}
	offset := b.loadOffset(ctx)
	failures := 0
	for ctx.Err() == nil {
		ups, err := b.getUpdates(ctx, offset)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			if err := b.pollFailed(ctx, err, &failures); err != nil {
				return err
			}
			continue
		}
		failures = 0
		next, done := b.handleBatch(ups, offset)
		if next != offset {
			offset = next
			b.saveOffset(offset)
		}
		if !done {
			break // stopping in the middle of a batch
		}
	}
	return nil
}

// getUpdates asks for the updates from offset on, long-polling. The call
// carries ctx, so a shutdown ends the poll at once.
func (b *Bot) getUpdates(ctx context.Context, offset int) ([]tgbotapi.Update, error) {
	cfg := tgbotapi.UpdateConfig{Offset: offset, Limit: 100, Timeout: int(b.o.PollTimeout / time.Second),
		AllowedUpdates: []string{"message", "callback_query"}}
	pctx, cancel := context.WithTimeout(ctx, b.o.PollTimeout+15*time.Second)
	defer cancel()
	resp, err := b.c.with(pctx).Request(cfg)
	if err != nil {
		return nil, err
	}
	var ups []tgbotapi.Update
	if err := json.Unmarshal(resp.Result, &ups); err != nil {
		return nil, fmt.Errorf("telegram: getUpdates: %w", err)
	}
	return ups, nil
}

// pollFailed waits as a failed getUpdates asks: retry_after for a 429, a
// growing backoff otherwise. A 401 (the token was revoked) ends the bot.
func (b *Bot) pollFailed(ctx context.Context, err error, failures *int) error {
	out, wait := classify(nil, err)
	var te *tgbotapi.Error
	switch {
	case errors.As(err, &te) && te.Code == 401:
		return fmt.Errorf("telegram: getUpdates: the token was refused: %w", err)
	case errors.As(err, &te) && te.Code == 409:
		b.log.WarnContext(ctx, "telegram getUpdates conflict: another instance polls this bot, or a webhook is set", "err", err)
	case out == tooMany:
		b.log.WarnContext(ctx, "telegram getUpdates rate limited", "retry_after_s", wait.Seconds())
	default:
		b.log.WarnContext(ctx, "telegram getUpdates failed", "err", err)
	}
	if out != tooMany {
		*failures++
		wait = b.call.backoff(min(*failures, 10))
	}
	b.o.Clock.Sleep(ctx, wait)
	return nil
}

// handleBatch handles a batch of updates, each user's in order and
// different users' at once, and waits for all. It returns the offset to
// confirm: past the batch, or, when the bot is stopping, the first update
// that was not handled, and false then.
func (b *Bot) handleBatch(ups []tgbotapi.Update, offset int) (int, bool) {
	if len(ups) == 0 {
		return offset, true
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	first := -1 // the lowest update id not handled
	for _, u := range ups {
		wg.Add(1)
		b.enqueue(u, func() {
			defer wg.Done()
			if err := b.handle(b.work, u); err != nil {
				mu.Lock()
				if first < 0 || u.UpdateID < first {
					first = u.UpdateID
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if first >= 0 {
		return max(first, offset), false
	}
	return ups[len(ups)-1].UpdateID + 1, true
}

// loadOffset returns the saved offset, or 0 (every unconfirmed update)
// when there is none, it is too old or it cannot be read.
func (b *Bot) loadOffset(ctx context.Context) int {
	if b.o.Offsets == nil {
		return 0
	}
	off, saved, err := b.o.Offsets.TelegramOffset(ctx, b.ID())
	switch {
	case err != nil:
		b.log.ErrorContext(ctx, "telegram offset not readable; starting from the first unconfirmed update", "err", err)
		return 0
	case off > 0 && b.o.Clock.Now().Sub(saved) > offsetMaxAge:
		b.log.InfoContext(ctx, "telegram saved offset is over a day old; starting from the first unconfirmed update", "saved_at", saved)
		return 0
	}
	return off
}

// saveOffset saves the offset; a failure is logged (the engine would
// ignore the updates delivered again).
func (b *Bot) saveOffset(offset int) {
	if b.o.Offsets == nil {
		return
	}
	if err := b.o.Offsets.SaveTelegramOffset(b.work, b.ID(), offset); err != nil {
		b.log.Error("telegram offset not saved", "offset", offset, "err", err)
	}
}
