package telegram

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/rapport-bot/rapport/coach"
)

// The adapter's own replies: what Telegram makes possible and the engine
// never sees (groups, strangers, files it cannot read). They are built as
// spans like the engine's, so they go through the same escaping.

func plainMsg(parts ...coach.Span) []coach.Message {
	return []coach.Message{{Spans: parts}}
}

func txt(s string) coach.Span { return coach.Span{Text: s} }

func bold(s string) coach.Span { return coach.Span{Text: s, Style: coach.Bold} }

// groupReply is said once in a group: contact lists are private.
func groupReply(botName string) []coach.Message {
	return plainMsg(
		txt("Hi! I work only in a private chat, because the people you talk to me about are private. "),
		txt("Message me directly: "),
		coach.Span{Text: "@" + botName, Style: coach.Link, URL: "https://t.me/" + botName},
		txt(". I keep nothing from this group."))
}

// refusal answers someone who is not on RAPPORT_ALLOWED_USERS.
func refusal(userID int64) []coach.Message {
	return plainMsg(
		txt("Sorry, this Rapport is private and you are not on its list of users, so I keep nothing you send. "),
		txt("If you know its owner, ask them to add your Telegram id: "),
		coach.Span{Text: strconv.FormatInt(userID, 10), Style: coach.Monospace},
		txt("."))
}

// refusalToast is the short refusal on a pressed button.
const refusalToast = "Sorry, this Rapport is private and you are not on its list of users."

// fileTooBig answers a document over the size limit.
func fileTooBig(size, limit int64) []coach.Message {
	return plainMsg(txt(fmt.Sprintf("That file is %s; I read files up to %s. ", megabytes(size), megabytes(limit))),
		txt("Export only the columns or people you need, or paste the list as a message."))
}

// fileUnreadable answers a document of a type intake does not read.
func fileUnreadable(kind string) []coach.Message {
	return plainMsg(txt("I can't read "+kind+". I read "),
		bold("CSV"), txt(" (.csv, from LinkedIn, Google, Outlook, event sites or a spreadsheet), "),
		bold("vCard"), txt(" (.vcf, from a phone or address book) and plain text lists. "),
		txt("From Excel or Numbers, save as CSV and send that file; or just paste the names as a message."))
}

// fileFailed answers a document that could not be fetched from Telegram.
func fileFailed() []coach.Message {
	return plainMsg(txt("I couldn't fetch that file from Telegram. Please send it again in a moment."))
}

// notText answers a photo, sticker, voice note and the like.
func notText() []coach.Message {
	return plainMsg(txt("I read text messages and contact files (CSV, vCard or a text list). "),
		txt("Type /help to see what I can do."))
}

// engineError phrases an engine error for the user, by its code. Only an
// *coach.Error's Message is ever shown: it is meant for the user; the rest
// goes to the log.
func engineError(err error) []coach.Message {
	var ce *coach.Error
	if errors.As(err, &ce) && ce.Code != coach.CodeInternal && ce.Message != "" {
		return plainMsg(txt(ce.Message))
	}
	switch coach.ErrorCode(err) {
	case coach.CodeRateLimited:
		return plainMsg(txt("That's a lot at once; give me a moment and try again."))
	case coach.CodeNotFound:
		return plainMsg(txt("I couldn't find that any more. Type /next to go on."))
	case coach.CodeConflict:
		return plainMsg(txt("That was already answered. Type /next to go on."))
	case coach.CodeUnauthorised:
		return plainMsg(txt("Sorry, that isn't something you can do here."))
	}
	return plainMsg(txt("Something went wrong on my side, sorry. Nothing you told me was lost; please try again in a moment."))
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
