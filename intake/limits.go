package intake

// Limits that keep Parse prompt and its memory bounded whatever it is fed.
// They are generous for real contact data: no exporter writes a contact
// record anywhere near a megabyte.
const (
	// DefaultMaxBytes is the input size limit used when Options.MaxBytes is 0.
	DefaultMaxBytes int64 = 64 << 20

	// sniffSize is how much of the input is examined to choose the format.
	sniffSize = 64 << 10

	// maxRecordBytes bounds one CSV record or one vCard property line.
	maxRecordBytes = 1 << 20

	// maxTextLine bounds one line of pasted text; longer lines are skipped.
	maxTextLine = 64 << 10

	// maxColumns bounds the width of a CSV file.
	maxColumns = 4096

	// headerSearchRecords is how many leading CSV records may precede the
	// header (LinkedIn's "Notes:" preamble, Zoom's meeting summary).
	headerSearchRecords = 20

	// guessRecords is how many records headerless column guessing looks at.
	guessRecords = 100
)
