package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Retry is how failed Bot API calls are retried. A 429 is always waited
// out (its retry_after) and retried, however often it comes, until the
// caller's context ends; 5xx answers, answers that are not JSON and
// network errors are retried Attempts times in all, waiting Base, 2·Base,
// 4·Base… up to Max between tries. Other errors are not retried.
type Retry struct {
	Attempts int
	Base     time.Duration
	Max      time.Duration
}

// DefaultRetry returns 6 attempts, 500 ms doubling up to 15 s (about 30 s
// in all before giving up).
func DefaultRetry() Retry {
	return Retry{Attempts: 6, Base: 500 * time.Millisecond, Max: 15 * time.Second}
}

// outcome classifies the result of one Bot API call.
type outcome int

const (
	done        outcome = iota // success
	tooMany                    // 429: wait retry_after, retry
	transient                  // 5xx, not JSON, network: back off, retry
	notModified                // 400 "message is not modified": an edit that changes nothing
	blocked                    // 403: the user blocked the bot (or left the chat)
	failed                     // any other error: do not retry
)

// classify reads a call's result. Upload errors from the SDK carry no code
// (STACK-NOTES trap 5), so the code comes from the answer when the error
// lacks it.
func classify(resp *tgbotapi.APIResponse, err error) (outcome, time.Duration) {
	if err == nil {
		return done, 0
	}
	var te *tgbotapi.Error
	if !errors.As(err, &te) {
		return transient, 0 // network error, or an answer that is not JSON
	}
	code := te.Code
	if code == 0 && resp != nil {
		code = resp.ErrorCode
	}
	switch {
	case te.RetryAfter > 0 || code == 429:
		return tooMany, time.Duration(max(te.RetryAfter, 1)) * time.Second
	case code >= 500:
		return transient, 0
	case code == 403:
		return blocked, 0
	case code == 400 && strings.Contains(te.Message, "message is not modified"):
		return notModified, 0
	}
	return failed, 0
}

// caller makes Bot API calls with rate limits and retries.
type caller struct {
	c       *client
	lim     *Limiter
	clock   Clock
	retry   Retry
	timeout time.Duration // of one attempt; 0: none
	log     *slog.Logger
}

// request is one Bot API call: an SDK config, or a raw method with params
// for what the SDK lacks (setWebhook's secret_token).
type request struct {
	chat   int64 // the chat a message goes to; 0 for calls that are not messages
	config tgbotapi.Chattable
	method string
	params tgbotapi.Params
}

// do makes the call: it waits for the limiter when the call sends a
// message to a chat, and retries as Retry says. A 403 returns an error
// wrapping ErrBlocked; an edit that changes nothing is a success.
func (k *caller) do(ctx context.Context, r request) (*tgbotapi.APIResponse, error) {
	name := r.method
	if r.config != nil {
		name = methodOf(r.config)
	}
	failures := 0
	for {
		if r.chat != 0 {
			if err := k.lim.Wait(ctx, r.chat); err != nil {
				return nil, fmt.Errorf("telegram: %s: %w", name, err)
			}
		}
		resp, err := k.once(ctx, r)
		out, wait := classify(resp, err)
		switch out {
		case done, notModified:
			return resp, nil
		case blocked:
			return resp, fmt.Errorf("telegram: %s: %w", name, ErrBlocked)
		case failed:
			return resp, fmt.Errorf("telegram: %s: %w", name, err)
		case tooMany:
			k.log.WarnContext(ctx, "telegram rate limited", "method", name, "retry_after_s", wait.Seconds())
			if r.chat != 0 {
				k.lim.Hold(r.chat, k.clock.Now().Add(wait))
				wait = 0 // the limiter waits
			}
		case transient:
			if ctx.Err() != nil {
				return resp, fmt.Errorf("telegram: %s: %w", name, ctx.Err())
			}
			failures++
			if failures >= k.retry.Attempts {
				return resp, fmt.Errorf("telegram: %s: giving up after %d attempts: %w", name, failures, err)
			}
			wait = k.backoff(failures)
			k.log.WarnContext(ctx, "telegram call failed, retrying", "method", name, "attempt", failures, "err", err)
		}
		if err := k.clock.Sleep(ctx, wait); err != nil {
			return resp, fmt.Errorf("telegram: %s: %w", name, err)
		}
	}
}

// once makes one attempt, within the attempt timeout.
func (k *caller) once(ctx context.Context, r request) (*tgbotapi.APIResponse, error) {
	if k.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, k.timeout)
		defer cancel()
	}
	api := k.c.with(ctx)
	if r.config != nil {
		return api.Request(r.config)
	}
	return api.MakeRequest(r.method, r.params)
}

// backoff is the wait after the n-th consecutive failure.
func (k *caller) backoff(n int) time.Duration {
	d := k.retry.Base << (n - 1)
	if d > k.retry.Max || d <= 0 {
		d = k.retry.Max
	}
	return d
}

// methodOf names an SDK config's method for logs.
func methodOf(c tgbotapi.Chattable) string {
	switch c.(type) {
	case tgbotapi.MessageConfig:
		return "sendMessage"
	case tgbotapi.EditMessageTextConfig:
		return "editMessageText"
	case tgbotapi.EditMessageReplyMarkupConfig:
		return "editMessageReplyMarkup"
	case tgbotapi.DocumentConfig:
		return "sendDocument"
	case tgbotapi.CallbackConfig:
		return "answerCallbackQuery"
	case tgbotapi.FileConfig:
		return "getFile"
	case tgbotapi.SetMyCommandsConfig:
		return "setMyCommands"
	case tgbotapi.DeleteWebhookConfig:
		return "deleteWebhook"
	case tgbotapi.UpdateConfig:
		return "getUpdates"
	}
	return fmt.Sprintf("%T", c)
}
