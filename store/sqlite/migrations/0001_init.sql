-- 0001: the first schema of Rapport.
--
-- Every row belongs to one user and goes with it: each table has a user_id
-- that references users(id) ON DELETE CASCADE, so deleting the users row
-- (Tx.Forget) deletes everything of that user.
--
-- Users, imports and people are AUTOINCREMENT: an id is never reused, so a
-- button pressed late for a deleted person, or a reminder for a forgotten
-- user, can never reach a newer one.
--
-- Times are TEXT in UTC, "2006-01-02T15:04:05.000000000Z", written by Go so
-- that they sort as text and tests can reason about them.

-- users: one row per user key; settings and state are the JSON of
-- coach.Settings and coach.State.
CREATE TABLE users (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	key        TEXT    NOT NULL UNIQUE,
	settings   TEXT    NOT NULL,
	state      TEXT    NOT NULL,
	created_at TEXT    NOT NULL
) STRICT;

-- imports: one paste or file. UNIQUE (user_id, id) lets people reference an
-- import of their own user only.
CREATE TABLE imports (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	format     TEXT    NOT NULL,
	origin     TEXT    NOT NULL,
	label      TEXT    NOT NULL,
	event_date TEXT    NOT NULL,
	count      INTEGER NOT NULL,
	created_at TEXT    NOT NULL,
	UNIQUE (user_id, id)
) STRICT;

-- people: one column per coach.Person field. import_id is NULL for people
-- added by hand. emails is the JSON array of Person.Emails; the look-up by
-- address goes through person_emails. search is the lower-cased names,
-- addresses and company, written by Go so that case folding is Unicode-aware.
CREATE TABLE people (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	import_id     INTEGER,
	full_name     TEXT    NOT NULL,
	first_name    TEXT    NOT NULL,
	last_name     TEXT    NOT NULL,
	email         TEXT    NOT NULL,
	emails        TEXT    NOT NULL,
	company       TEXT    NOT NULL,
	title         TEXT    NOT NULL,
	phone         TEXT    NOT NULL,
	linkedin_url  TEXT    NOT NULL,
	source        TEXT    NOT NULL,
	notes         TEXT    NOT NULL,
	name_key      TEXT    NOT NULL,
	segment       TEXT    NOT NULL,
	recognition   TEXT    NOT NULL,
	linkedin      TEXT    NOT NULL,
	context       TEXT    NOT NULL,
	context_done  INTEGER NOT NULL,
	plan          TEXT    NOT NULL,
	plan_by_user  INTEGER NOT NULL,
	triage        TEXT    NOT NULL,
	draft         TEXT    NOT NULL,
	draft_kind    TEXT    NOT NULL,
	variant       INTEGER NOT NULL,
	never_contact INTEGER NOT NULL,
	batch_day     TEXT    NOT NULL DEFAULT '',
	batch_pos     INTEGER NOT NULL DEFAULT 0,
	not_before    TEXT    NOT NULL DEFAULT '',
	sent_at       TEXT    NOT NULL DEFAULT '',
	outcome       TEXT    NOT NULL DEFAULT '',
	outcome_at    TEXT    NOT NULL DEFAULT '',
	unfound       INTEGER NOT NULL DEFAULT 0,
	search        TEXT    NOT NULL,
	created_at    TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL,
	FOREIGN KEY (user_id, import_id) REFERENCES imports (user_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX people_user ON people (user_id, id);
CREATE INDEX people_user_triage ON people (user_id, triage, id);
CREATE INDEX people_user_import ON people (user_id, import_id, id);
CREATE INDEX people_user_name_key ON people (user_id, name_key, id);
-- Counting an import's progress and the month's notes are index-only.
CREATE INDEX people_user_import_triage ON people (user_id, import_id, triage);
CREATE INDEX people_user_plan ON people (user_id, plan, id);
-- A day's batch, and the sent invitations that pace the next one.
CREATE INDEX people_user_batch_day ON people (user_id, batch_day, id);
CREATE INDEX people_user_sent ON people (user_id, sent_at);

-- person_emails: every lower-cased address of a person (Email and Emails),
-- for Tx.PersonByEmail.
CREATE TABLE person_emails (
	user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	email     TEXT    NOT NULL,
	PRIMARY KEY (user_id, email, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX person_emails_person ON person_emails (person_id);

-- templates: the user's overrides of a segment's template.
CREATE TABLE templates (
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	segment TEXT    NOT NULL,
	kind    TEXT    NOT NULL,
	body    TEXT    NOT NULL,
	PRIMARY KEY (user_id, segment, kind)
) STRICT, WITHOUT ROWID;

-- events: platform event ids already handled, for de-duplication; pruned
-- after 30 days.
CREATE TABLE events (
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	event_id   TEXT    NOT NULL,
	created_at TEXT    NOT NULL,
	PRIMARY KEY (user_id, event_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX events_created_at ON events (created_at);
