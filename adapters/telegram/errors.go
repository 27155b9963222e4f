package telegram

import (
	"errors"
	"fmt"
)

// BlockedError is returned by Notify when Telegram answers 403: the user
// blocked the bot or deleted their account. Stop messaging that user until
// they write again.
type BlockedError struct {
	User string // the user key, "telegram:<id>"
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("telegram: %s has blocked the bot", e.User)
}

// Is makes errors.Is(err, ErrBlocked) true for a *BlockedError.
func (e *BlockedError) Is(target error) bool { return target == ErrBlocked }

// ErrBlocked matches every *BlockedError with errors.Is.
var ErrBlocked = errors.New("telegram: the user blocked the bot")

// ErrNotTelegramUser is returned by Notify for a user key that is not
// "telegram:<numeric id>".
var ErrNotTelegramUser = errors.New("telegram: not a Telegram user key")
