// Package remind delivers each user's daily reminder at its time, once,
// through durable jobs on River (riverqueue/river).
//
// # Who decides what
//
// The coach engine owns every rule of when and what. coach.NextReminder
// says when a user's next reminder is due (their time zone, DST, sending
// days, snooze, skip-today, pause, "LinkedIn warned me", unreachable) and
// Engine.Reminder builds it: today's batch with notes ready to copy and
// LinkedIn search links, the buttons, the "sorry, this comes late" line,
// the email-first list, the week-old check-ins ("accepted? pending?
// ignored?", whose "accepted" brings the follow-up message) and the
// three-week withdrawal suggestions. So there is one kind of job,
// daily_reminder, and this
// package only schedules it and delivers what the engine returns; it
// never decides content, and the pacing rules (batch size, weekly cap,
// carry-over, slow-down) reach the user only through the engine.
//
// # How
//
// A job's args are (user key, local day, instant in unix seconds), unique
// by args, so each reminder is inserted once however often it is planned.
// The planner pages through every user at start and every minute and
// inserts the next job of each user whose next reminder changed since it
// last looked (an in-memory note per user: a steady state inserts
// nothing); Touch does the same for one user at once, after each handled
// event, so that a settings change moves the reminder immediately. A
// reminder already due when it is planned (a bot that was down at 09:00)
// is inserted to run at once; the engine then says it comes late, and
// never sends yesterday's.
//
// The worker asks Engine.Reminder. No messages means the job is no longer
// due (delivered already, moved by a settings change, paused, a day old):
// the job is cancelled rather than completed, so that its args may be
// planned again should the user move the reminder back, and a completed
// job always means a reminder delivered and recorded. Otherwise it hands
// the messages to the Notifier and records the delivery with
// Engine.ReminderDelivered. The user's next job is left to the next
// minute's planning: it is another day's (a snooze is planned at once by
// the button press, through Touch), and planning a page of users at a
// time keeps each delivery to the engine's two transactions, which lets a
// burst of reminders go out at the platform's full rate. A user who
// blocked the bot is marked with Engine.Unreachable and is no longer
// planned until they write again; a rate limit with a retry-after snoozes
// the job; other failures are retried a few times with a short backoff.
//
// A reminder goes out up to about 5 s after its minute: River's scheduler
// makes due jobs available every 5 s.
//
// River keeps its tables in the same SQLite file as the store, through a
// pool of its own (one connection, busy timeout, BEGIN IMMEDIATE): a River
// call made while the store's single connection is held by a transaction
// would otherwise wait for itself. New takes any River driver, so the same
// code runs on PostgreSQL (riverpgxv5) when the store does.
//
// # Once, and the one duplicate window
//
// Nothing is sent twice across restarts: the engine builds no reminder it
// has recorded as delivered (Settings.LastReminderDay), unique args stop a
// second insert of the same reminder, and a job interrupted by a crash is
// run again (after River's stuck-job rescue) and asks the engine again.
//
// One window remains, and it is inherent to at-least-once delivery: after
// the platform has accepted the messages and before ReminderDelivered has
// committed. A crash there (SIGKILL, power loss), a send whose answer was
// lost, or a commit that keeps failing, leaves the reminder undelivered
// in the database although the user has it, and it is sent again when the
// job runs again. The window lasts one local commit (a few milliseconds)
// after the last message of the reminder is accepted. Closing it would
// take recording the delivery before sending, which turns a crash into a
// lost reminder instead; a reminder twice is the lesser harm.
package remind
