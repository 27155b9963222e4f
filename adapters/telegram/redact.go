package telegram

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"sync"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// tokenLike matches anything shaped like a bot token ("123456:AAE…"), so
// that text can be cleaned without knowing which token is in it.
var tokenLike = regexp.MustCompile(`[0-9]{3,}:[A-Za-z0-9_-]{16,}`)

// redact removes bot tokens from text meant for logs: the given one (also
// URL-escaped) and anything shaped like one.
func redact(s, token string) string {
	if token != "" {
		s = strings.ReplaceAll(s, token, "<token>")
		s = strings.ReplaceAll(s, url.PathEscape(token), "<token>")
	}
	return tokenLike.ReplaceAllString(s, "<token>")
}

// redactedError is an error whose text had the token removed. It unwraps
// to the cause below the URL (the *url.Error's Err), so errors.Is still
// sees context.Canceled and friends, but nothing that prints the URL.
type redactedError struct {
	msg   string
	cause error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.cause }

// redactErr returns err without the token in its text.
func redactErr(err error, token string) error {
	if err == nil {
		return nil
	}
	cause := err
	var ue *url.Error
	if errors.As(err, &ue) {
		cause = ue.Err
	}
	return &redactedError{msg: redact(err.Error(), token), cause: cause}
}

// sdkLogger is the SDK's package logger: it only logs in debug mode or from
// GetUpdatesChan, neither of which Rapport uses, but whatever it says goes
// to slog at debug level with tokens removed (STACK-NOTES trap 6).
type sdkLogger struct{}

func (sdkLogger) Println(v ...any) {
	slog.Debug("telegram sdk", "sdk_line", redact(strings.TrimSpace(fmt.Sprintln(v...)), ""))
}

func (sdkLogger) Printf(format string, v ...any) {
	slog.Debug("telegram sdk", "sdk_line", redact(strings.TrimSpace(fmt.Sprintf(format, v...)), ""))
}

var setSDKLogger sync.Once

// quietSDK installs sdkLogger once per process (the SDK's logger is a
// package variable of the SDK).
func quietSDK() {
	setSDKLogger.Do(func() { tgbotapi.SetLogger(sdkLogger{}) })
}
