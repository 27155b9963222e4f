package telegram

import (
	"context"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Commands returns the command menu Telegram shows in private chats: the
// words the engine understands on every platform. Descriptions are at
// most 256 characters (Telegram's limit).
func Commands() []tgbotapi.BotCommand {
	return []tgbotapi.BotCommand{
		{Command: "start", Description: "Start, or set how your notes are signed and your LinkedIn account type"},
		{Command: "help", Description: "What I can do and how"},
		{Command: "import", Description: "Import a list: paste it after /import, or send a CSV or vCard file"},
		{Command: "next", Description: "The next person to talk about (brings back people you skipped)"},
		{Command: "skip", Description: "Put the current person aside for later"},
		{Command: "undo", Description: "Take back your last answer"},
		{Command: "drafts", Description: "Plans and drafts, with the notes budget; /drafts 3 for one person"},
		{Command: "templates", Description: "See and override the note and message of each segment"},
		{Command: "batch", Description: "Today's invitations to send, with links and buttons"},
		{Command: "sent", Description: "Mark people of today's batch as sent, e.g. /sent 1 3"},
		{Command: "people", Description: "List and search your people; correct, delete or never contact one"},
		{Command: "add", Description: "Add a person by hand, e.g. /add Jane Doe, Acme"},
		{Command: "settings", Description: "Your name, account type, batch size, sending days, time zone, reminder time"},
		{Command: "stats", Description: "Progress, notes budget and acceptance by segment"},
		{Command: "pause", Description: "Stop the daily reminders until /resume"},
		{Command: "resume", Description: "Start the daily reminders again"},
		{Command: "warned", Description: "LinkedIn warned you: a week's pause, then half pace"},
		{Command: "export", Description: "Everything as a CSV file you can open in a spreadsheet"},
		{Command: "forget", Description: "Delete everything I keep about you, after you confirm"},
	}
}

// setCommands sets the command menu for private chats. A failure is
// logged, not fatal: the bot works without the menu.
func (b *Bot) setCommands(ctx context.Context) {
	cfg := tgbotapi.NewSetMyCommandsWithScope(tgbotapi.NewBotCommandScopeAllPrivateChats(), Commands()...)
	if _, err := b.call.do(ctx, request{config: cfg}); err != nil {
		b.log.WarnContext(ctx, "telegram setMyCommands failed; the command menu may be out of date", "err", err)
	}
}
