package coach

// Event is one thing a user did, translated by an adapter from its platform:
// a message, a pressed button or an uploaded file.
type Event struct {
	// User is the opaque key of the user: platform, workspace and user id
	// ("telegram:42"). Every read and write of the event is scoped by it.
	User string
	// ID is the platform's id of the event; a second event with the same ID
	// is ignored. Empty means the platform cannot redeliver (the terminal).
	ID string
	// DisplayName is the user's name as the platform knows it, offered as
	// the default signature at /start.
	DisplayName string

	Text   string // a typed message, possibly a /command
	Choice string // the Value of a pressed Choice
	File   *File  // an uploaded file
}

// File is a file received from or sent to a user.
type File struct {
	Name string
	Type string // MIME type when known
	Data []byte
}

// Style is how a span of text is shown.
type Style int

// Span styles. Adapters render them in their platform's markup and escape
// the text, so a contact's name can never become markup.
const (
	Plain Style = iota
	Bold
	Italic
	Monospace
	Link
)

// Span is a run of text in one style. Text may contain newlines.
type Span struct {
	Text  string
	Style Style
	URL   string // for Link
}

// Choice is a button: a label for the user and a short value (at most 64
// bytes, Telegram's limit) naming the question, the person and the answer.
type Choice struct {
	Label string
	Value string
}

// Message is one reply: rich text, and optionally buttons or a file.
type Message struct {
	Spans   []Span
	Choices []Choice
	File    *File
}

// PlainText returns the message's text without styling, for logs and tests.
func (m Message) PlainText() string {
	n := 0
	for _, s := range m.Spans {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range m.Spans {
		b = append(b, s.Text...)
	}
	return string(b)
}

// text builds a Message span by span.
type text struct{ spans []Span }

func (t *text) plain(s string) *text { return t.add(s, Plain) }
func (t *text) bold(s string) *text  { return t.add(s, Bold) }
func (t *text) code(s string) *text  { return t.add(s, Monospace) }
func (t *text) link(label, url string) *text {
	t.spans = append(t.spans, Span{Text: label, Style: Link, URL: url})
	return t
}

func (t *text) add(s string, st Style) *text {
	if s == "" {
		return t
	}
	if n := len(t.spans); n > 0 && t.spans[n-1].Style == st && st != Link {
		t.spans[n-1].Text += s
		return t
	}
	t.spans = append(t.spans, Span{Text: s, Style: st})
	return t
}

func (t *text) message(choices ...Choice) Message {
	return Message{Spans: t.spans, Choices: choices}
}
