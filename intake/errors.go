package intake

import (
	"errors"
	"fmt"
)

// Sentinel errors classify input that Parse refuses whole. Test for them with
// errors.Is; the *Error that carries them has the message to show the user.
var (
	// ErrTooLarge means the input is bigger than Options.MaxBytes.
	ErrTooLarge = errors.New("intake: input too large")
	// ErrSpreadsheet means the input is a spreadsheet workbook (XLSX, XLS,
	// Numbers, ODS) rather than text: the user should export it as CSV.
	ErrSpreadsheet = errors.New("intake: spreadsheet workbook")
	// ErrBinary means the input is not text (an image, a PDF, an archive…).
	ErrBinary = errors.New("intake: binary input")
	// ErrUnreadable means the input is text but structurally broken: an
	// unclosed quote, a record too long to be a contact, a vCard file
	// without cards.
	ErrUnreadable = errors.New("intake: unreadable input")
)

// Error is the error Parse returns for input it refuses whole. Error() is a
// complete sentence meant for the user: it names the problem, the line when
// one is known, and what to do, and never carries internals. The cause, when
// there is one, is kept for logs and reachable with errors.Unwrap.
type Error struct {
	Kind  error  // one of ErrTooLarge, ErrSpreadsheet, ErrBinary, ErrUnreadable
	Line  int    // physical line the problem was found on, 0 when not tied to a line
	Msg   string // user-facing message
	Cause error  // underlying error, if any; not shown to users
}

// Error returns the user-facing message.
func (e *Error) Error() string { return e.Msg }

// Unwrap exposes both the kind sentinel and the cause to errors.Is/As.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}

// refuse builds an *Error of the given kind with a formatted user message.
func refuse(kind error, line int, cause error, format string, args ...any) *Error {
	return &Error{Kind: kind, Line: line, Msg: fmt.Sprintf(format, args...), Cause: cause}
}
