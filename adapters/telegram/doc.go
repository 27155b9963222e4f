// Package telegram is Rapport's Telegram adapter: it turns Telegram updates
// (private messages, button presses, uploaded documents) into coach events
// and the engine's replies into Telegram messages (HTML text, inline
// keyboards, documents), on go-telegram-bot-api/v5.
//
// It receives updates by long polling, confirming an update to Telegram
// only after it was handled (the offset is kept through Offsets), or
// through a webhook guarded by a secret token. Sends go through a rate
// limiter with Telegram's figures and are retried on 429 (after
// retry_after), 5xx and network errors. The adapter holds no coach data;
// the only state it keeps is the polling offset.
//
// Delivery is at least once: an update whose replies were not all sent
// before a crash is delivered again; the engine applies it only once, and
// returns its replies again when it is the user's last event, so the user
// still gets the next question (a reply sent just before the crash may
// then arrive twice).
package telegram
