package intake

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// Contact is one person found in the input.
type Contact struct {
	FullName    string   `json:"full_name"`
	FirstName   string   `json:"first_name"` // the name a greeting uses
	LastName    string   `json:"last_name"`
	Email       string   `json:"email"`  // preferred of Emails, lower-cased, validated
	Emails      []string `json:"emails"` // never null in JSON: [] when none
	Company     string   `json:"company"`
	Title       string   `json:"title"`
	Phone       string   `json:"phone"`        // as given
	LinkedInURL string   `json:"linkedin_url"` // normalised https://www.linkedin.com/in/<slug>
	Source      string   `json:"source"`       // "line 4", "row 3 (line 5)", "card 2 (line 25)"
	Notes       string   `json:"notes"`
	Line        int      `json:"-"` // physical line where the record starts
}

// Skip kinds: why a record was not turned into a contact.
const (
	KindDuplicate     = "duplicate"
	KindEmptyRow      = "empty_row"
	KindNoIdentity    = "no_identity"
	KindNotAttending  = "not_attending"
	KindPlaceholder   = "placeholder"
	KindInvalid       = "invalid"
	KindSelf          = "self"
	KindBot           = "bot"
	KindSystemAddress = "system_address"
)

// Skip reports one record that was not imported, and why.
type Skip struct {
	Line   int    `json:"line"`   // physical line where the record starts
	Kind   string `json:"kind"`   // one of the Kind* constants
	Reason string `json:"reason"` // a short sentence for the user
}

// Format names, as reported in Result.Format.
const (
	FormatLinkedIn   = "linkedin_connections"
	FormatGoogle     = "google_csv"
	FormatOutlook    = "outlook_csv"
	FormatACT        = "act_csv"
	FormatEventbrite = "eventbrite"
	FormatLuma       = "luma"
	FormatMeetup     = "meetup"
	FormatZoom       = "zoom_csv"
	FormatCRM        = "crm_csv"
	FormatGenericCSV = "generic_csv"
	FormatVCard      = "vcard"
	FormatText       = "pasted_text"
)

// Result is everything Parse found in one input.
type Result struct {
	Format   string    `json:"format"`   // one of the Format* constants
	Contacts []Contact `json:"contacts"` // never null, in input order
	Merged   int       `json:"merged"`   // duplicates merged into an earlier contact
	Ignored  int       `json:"ignored"`  // noise lines ignored (headings, "Going", "+2", preambles…)
	Skipped  []Skip    `json:"skipped"`  // never null, in line order
}

// Options tune Parse.
type Options struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Name is the file name when the input is a file ("contacts.csv"), and
	// "" for pasted text. Its extension helps choose the format.
	Name string
}

// Parse reads one paste or file and returns its contacts, de-duplicated.
//
// Input refused whole — a spreadsheet workbook, binary data, input over
// the size limit, a structurally broken file — gives an *Error whose
// message can be shown to the user as it is; errors.Is matches it against
// ErrSpreadsheet, ErrBinary, ErrTooLarge or ErrUnreadable. A bad record
// inside a good file is skipped and reported in Result.Skipped instead.
// Parse also returns ctx.Err() when ctx ends, and the reader's error when
// reading fails. On error the Result is empty: nothing is half-imported.
func Parse(ctx context.Context, r io.Reader, opts Options) (Result, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	br := bufio.NewReaderSize(&limitReader{r: r, left: limit, limit: limit}, sniffSize)
	in, err := sniff(br, opts.Name)
	if err != nil {
		return Result{}, classifyReadError(err)
	}
	col := newCollector()
	switch in.kind {
	case kindVCard:
		err = parseVCard(ctx, in, col)
	case kindTable:
		col.reserve(estimateRecords(r, in.sample))
		err = parseTable(ctx, in, col)
	default:
		err = parseText(ctx, in.text(), col)
	}
	if err != nil {
		return Result{}, classifyReadError(err)
	}
	if col.format == "" {
		col.format = in.format
	}
	return col.result(), nil
}

// estimateRecords guesses how many records the input holds from its size,
// when the reader knows it (a file, a buffer), and the line length of the
// sample; 0 when it cannot tell. It only sizes the result up front.
func estimateRecords(r io.Reader, sample int) int {
	var size int64
	switch v := r.(type) {
	case interface{ Len() int }:
		size = int64(v.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	if size <= 0 || sample <= 0 {
		return 0
	}
	return int(min(size/int64(sample), 1<<20))
}

// classifyReadError passes *Error and context errors through and wraps any
// other failure of the underlying reader.
func classifyReadError(err error) error {
	var ie *Error
	if errors.As(err, &ie) {
		return ie
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("intake: reading input: %w", err)
}

// limitReader fails with an ErrTooLarge *Error once more than limit bytes
// were read, so that oversize input is refused without being read whole.
type limitReader struct {
	r           io.Reader
	left, limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, tooLarge(l.limit)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return 0, tooLarge(l.limit)
	}
	return n, err
}

func tooLarge(limit int64) *Error {
	return refuse(ErrTooLarge, 0, nil,
		"This file is larger than %s, which is more than a contact list needs. Split it into smaller files, or export only the columns with names, emails and companies.",
		humanBytes(limit))
}

// humanBytes writes a byte count the way a user reads it: "64 MB".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
