// Package terminal is Rapport's terminal chat: interactive on a TTY and
// scriptable through piped standard input.
package terminal

import (
	"bufio"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// Handler is the engine's face as the terminal needs it.
type Handler interface {
	Handle(ctx context.Context, ev coach.Event) ([]coach.Message, error)
}

// Reminders is what a Handler may also offer: the day's reminder when it
// is due, which an interactive chat shows as it opens.
type Reminders interface {
	DueReminder(ctx context.Context, userKey string) ([]coach.Message, error)
}

// Options configure a terminal chat.
type Options struct {
	User        string // user key; default "terminal:local"
	DisplayName string // offered as the signature at /start
	Interactive bool   // a person at a TTY: prompt, paste detection, greeting
	Bold        bool   // the terminal shows ANSI bold
	// FileDir is where files the bot sends (an export) are saved; default
	// the working directory.
	FileDir string
	Logger  *slog.Logger
}

// pasteWindow is how soon the next line must follow for an interactive
// paste without bracketed-paste markers to count as one message.
const pasteWindow = 30 * time.Millisecond

// Bracketed paste markers, sent by terminals when mode 2004 is on.
const (
	pasteOn    = "\x1b[?2004h"
	pasteOff   = "\x1b[?2004l"
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// Run chats until the input ends (then it returns nil) or ctx is done.
//
// Piped input is a script: each line is a message, except that the lines
// after a line "/import" up to the next blank line or the end of input form
// one pasted message. On a TTY a multi-line paste is one message.
func Run(ctx context.Context, h Handler, in io.Reader, out io.Writer, o Options) error {
	if o.User == "" {
		o.User = "terminal:local"
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	c := &chat{h: h, out: out, o: o}
	if o.Interactive {
		if f, ok := in.(*os.File); ok {
			defer quietControlEcho(f)()
		}
		io.WriteString(out, pasteOn)
		defer io.WriteString(out, pasteOff)
		c.send(ctx, "") // greet, or show where we stopped
		c.dueReminder(ctx)
	}
	lines := make(chan string, 64)
	readErr := make(chan error, 1)
	go readLines(in, lines, readErr)
	var next messageReader = scripted{lines: lines}
	if o.Interactive {
		next = interactive{lines: lines}
	}
	for {
		if o.Interactive {
			io.WriteString(out, "> ")
		}
		msg, ok := next.read(ctx)
		if !ok {
			break
		}
		c.send(ctx, msg)
	}
	if ctx.Err() != nil {
		return nil
	}
	select {
	case err := <-readErr:
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
	default:
	}
	return nil
}

// chat sends messages to the engine and prints its replies.
type chat struct {
	h   Handler
	out io.Writer
	o   Options
}

func (c *chat) send(ctx context.Context, text string) {
	replies, err := c.h.Handle(ctx, coach.Event{User: c.o.User, DisplayName: c.o.DisplayName, Text: text})
	if err != nil {
		c.o.Logger.ErrorContext(ctx, "terminal turn", "err", err)
	}
	for i, m := range replies {
		if m.File == nil {
			continue
		}
		path, err := saveFile(c.o.FileDir, m.File)
		if err != nil {
			c.o.Logger.ErrorContext(ctx, "save file", "err", err)
			replies[i].Spans = append(replies[i].Spans, coach.Span{Text: "\n(I could not save the file: " + err.Error() + ")"})
		} else {
			replies[i].Spans = append(replies[i].Spans, coach.Span{Text: "\nSaved to " + path})
		}
		replies[i].File = nil
	}
	if err := Print(c.out, replies, c.o.Bold); err != nil {
		c.o.Logger.ErrorContext(ctx, "terminal write", "err", err)
	}
}

// dueReminder shows today's batch reminder if it is due.
func (c *chat) dueReminder(ctx context.Context) {
	r, ok := c.h.(Reminders)
	if !ok {
		return
	}
	msgs, err := r.DueReminder(ctx, c.o.User)
	if err != nil {
		c.o.Logger.ErrorContext(ctx, "due reminder", "err", err)
		return
	}
	if err := Print(c.out, msgs, c.o.Bold); err != nil {
		c.o.Logger.ErrorContext(ctx, "terminal write", "err", err)
	}
}

// readLines feeds input lines to a channel, closing it at the end.
func readLines(in io.Reader, lines chan<- string, errc chan<- error) {
	defer close(lines)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for sc.Scan() {
		lines <- strings.TrimRight(sc.Text(), "\r")
	}
	errc <- sc.Err()
}

type messageReader interface {
	read(ctx context.Context) (string, bool)
}

// scripted reads piped input: a line a message, /import blocks as one.
type scripted struct{ lines <-chan string }

func (s scripted) read(ctx context.Context) (string, bool) {
	for {
		line, ok := recv(ctx, s.lines)
		if !ok {
			return "", false
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if cmd := strings.TrimSpace(line); cmd == "/import" || strings.HasPrefix(cmd, "/import ") {
			return s.block(ctx, line), true
		}
		return line, true
	}
}

// block collects the lines after /import up to a blank line.
func (s scripted) block(ctx context.Context, first string) string {
	var b strings.Builder
	b.WriteString(first)
	for {
		line, ok := recv(ctx, s.lines)
		if !ok || strings.TrimSpace(line) == "" {
			return b.String()
		}
		b.WriteByte('\n')
		b.WriteString(line)
	}
}

// interactive reads a TTY: a bracketed paste, or lines that arrive together,
// are one message.
type interactive struct{ lines <-chan string }

func (s interactive) read(ctx context.Context) (string, bool) {
	line, ok := recv(ctx, s.lines)
	if !ok {
		return "", false
	}
	var b strings.Builder
	if strings.Contains(line, pasteStart) {
		b.WriteString(line)
		for !strings.Contains(line, pasteEnd) {
			if line, ok = recv(ctx, s.lines); !ok {
				break
			}
			b.WriteByte('\n')
			b.WriteString(line)
		}
		msg := strings.NewReplacer(pasteStart, "", pasteEnd, "").Replace(b.String())
		return strings.TrimSpace(msg), true
	}
	b.WriteString(line)
	timer := time.NewTimer(pasteWindow)
	defer timer.Stop()
	for {
		select {
		case more, ok := <-s.lines:
			if !ok {
				return b.String(), true
			}
			b.WriteByte('\n')
			b.WriteString(more)
			timer.Reset(pasteWindow)
		case <-timer.C:
			return b.String(), true
		case <-ctx.Done():
			return "", false
		}
	}
}

func recv(ctx context.Context, lines <-chan string) (string, bool) {
	select {
	case line, ok := <-lines:
		return line, ok
	case <-ctx.Done():
		return "", false
	}
}
