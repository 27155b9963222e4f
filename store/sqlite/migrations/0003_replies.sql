-- 0003: the replies to each user's last event.
--
-- A platform may redeliver an event after a crash that came between the
-- engine's commit and the delivery of its replies (Telegram after a
-- restart, for one). The engine ignores the event the second time, as it
-- must, but sends the replies it recorded, so that the user still sees the
-- next question. One row a user: only the last event can be in that window.
CREATE TABLE replies (
	user_id  INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	event_id TEXT    NOT NULL,
	body     TEXT    NOT NULL
) STRICT;
