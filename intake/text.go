package intake

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
)

// parseText reads pasted text, one person a line. The person on a line is
// held back until the next person arrives, because the lines under a name
// may still add to it: LinkedIn's "• 2nd" badge, a headline with the job
// and company, Google Meet's "(You)".
func parseText(ctx context.Context, r io.Reader, col *collector) error {
	lr := newLineReader(r)
	tp := textParser{col: col}
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		line, num, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if tooLong {
			tp.flush()
			col.skip(num, KindInvalid, "this line is longer than 64 KB, far too long to be a person")
			continue
		}
		tp.feed(num, line)
	}
	tp.flush()
	return nil
}

// textParser holds the state of the line loop.
type textParser struct {
	col      *collector
	pending  []record // the people of the last person line, not yet filed
	card     bool     // the pending person came with a LinkedIn badge
	headline bool     // a headline was attached to the pending person
	justHead bool     // the previous line was that headline
}

// feed handles one line.
func (tp *textParser) feed(num int, line string) {
	if strings.TrimSpace(line) == "" {
		return // blank lines carry nothing: neither ignored nor skipped
	}
	res := parseLine(line)
	afterHeadline := tp.justHead
	tp.justHead = false
	switch res.kind {
	case lineNoise:
		tp.col.ignore()
	case lineBadge:
		tp.col.ignore()
		tp.card = len(tp.pending) > 0
	case lineSelfMarker:
		tp.col.ignore()
		if n := len(tp.pending); n > 0 {
			tp.pending[n-1].self = true
		}
	case lineHeadline:
		tp.attachHeadline(res)
	case lineStatus:
		tp.col.ignore()
		if n := len(tp.pending); n > 0 {
			tp.pending[n-1].absent = res.why
		}
	case lineSkip:
		tp.flush()
		tp.col.skip(num, res.skipKind, res.why)
	case linePeople:
		tp.people(num, res.recs, afterHeadline)
	}
}

// attachHeadline gives the person above the title and company of a
// headline line, if they have none yet.
func (tp *textParser) attachHeadline(res lineResult) {
	n := len(tp.pending)
	if n == 0 || tp.headline {
		tp.col.ignore()
		return
	}
	p := &tp.pending[n-1]
	if p.title == "" && p.company == "" {
		p.title, p.company = res.title, res.company
	} else {
		tp.col.ignore()
	}
	tp.headline, tp.justHead = true, true
}

// people files the previous person and holds back the new ones. In a
// LinkedIn card the line after the headline is the location, not a person.
func (tp *textParser) people(num int, recs []record, afterHeadline bool) {
	if tp.card && afterHeadline && len(recs) == 1 && len(recs[0].emails) == 0 && len(recs[0].urls) == 0 {
		tp.col.ignore()
		tp.card = false
		return
	}
	tp.flush()
	for i := range recs {
		recs[i].line = num
	}
	tp.pending = recs
}

// flush files the held-back people.
func (tp *textParser) flush() {
	for i := range tp.pending {
		tp.col.add(&tp.pending[i])
	}
	tp.pending, tp.card, tp.headline = nil, false, false
}

// lineReader reads lines of bounded length, counting them. A line over
// maxTextLine is reported as too long and skipped without being held in
// memory.
type lineReader struct {
	br *bufio.Reader
	n  int
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, maxTextLine)}
}

// next returns the next line without its line end.
func (lr *lineReader) next() (line string, num int, tooLong bool, err error) {
	b, err := lr.br.ReadSlice('\n')
	if len(b) == 0 && err != nil {
		return "", 0, false, err
	}
	lr.n++
	if errors.Is(err, bufio.ErrBufferFull) {
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = lr.br.ReadSlice('\n')
		}
		if err != nil && err != io.EOF {
			return "", 0, false, err
		}
		return "", lr.n, true, nil
	}
	if err != nil && err != io.EOF {
		return "", 0, false, err
	}
	return strings.TrimRight(string(b), "\r\n"), lr.n, false, nil
}
