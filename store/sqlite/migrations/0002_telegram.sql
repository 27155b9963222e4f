-- 0002: the Telegram adapter's transport state.
--
-- telegram_offsets: the long-polling offset of each bot, by the bot's
-- Telegram user id (so that a new token for another bot starts afresh):
-- the id of the first update not yet handled. It is the adapter's, not a
-- user's, so it has no user_id; no coach data lives here. saved_at lets
-- the adapter ignore an offset older than Telegram keeps updates (a day).
CREATE TABLE telegram_offsets (
	bot_id      INTEGER PRIMARY KEY,
	next_update INTEGER NOT NULL,
	saved_at    TEXT    NOT NULL
) STRICT;
