package intake

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// parseTable reads a delimited table: it finds the header (after any
// preamble), or guesses the columns of a headerless file, then streams the
// rows through one reused record.
func parseTable(ctx context.Context, in *input, col *collector) error {
	g := &guardReader{r: in.text(), delim: byte(in.delim)}
	cr := csv.NewReader(g)
	cr.Comma = in.delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &tableReader{cr: cr, guard: g, col: col, paste: in.paste}
	if err := t.findHeader(); err != nil {
		return err
	}
	for i := range t.pending {
		t.row(t.pending[i].fields, t.pending[i].line)
	}
	t.pending = nil
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		fields, line, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if fields != nil {
			t.row(fields, line)
		}
	}
}

// bufferedRecord is a record read while looking for the header.
type bufferedRecord struct {
	fields []string
	line   int
}

// tableReader holds the state of one table being read.
type tableReader struct {
	cr       *csv.Reader
	guard    *guardReader
	col      *collector
	m        *columnMap
	paste    bool
	header   []string // header cells, trimmed, to spot a repeated header row
	dataRow  int
	endLine  int // last physical line of the last record read
	hostMail string
	pending  []bufferedRecord
	rec      record
}

// next reads one record. A record the CSV parser rejects (a stray quote)
// is skipped and reported, and next returns nil fields; an unclosed quote
// that runs to the end of the input refuses the whole file.
func (t *tableReader) next() ([]string, int, error) {
	t.guard.startRecord(t.cr.InputOffset())
	fields, err := t.cr.Read()
	if err == nil {
		return fields, t.noteLines(fields), nil
	}
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		return nil, 0, t.parseError(pe)
	case errors.Is(err, errTooManyColumns):
		return nil, 0, lineError(t.endLine+1, err,
			"Line %d has more than %d columns, far more than a contact list has. Check that the file is a CSV export of contacts.", t.endLine+1, maxColumns)
	case errors.Is(err, errRecordTooLong):
		return nil, 0, lineError(t.endLine+1, err,
			"Line %d starts a record longer than 1 MB, so this is not a contact list Rapport can read: most likely a quote mark (\") opens a field that is never closed. Fix the file, or export it again as CSV.", t.endLine+1)
	}
	return nil, 0, err
}

// noteLines returns the line a record starts on and remembers where it ends.
func (t *tableReader) noteLines(fields []string) int {
	if len(fields) == 0 {
		return t.endLine + 1
	}
	start, _ := t.cr.FieldPos(0)
	last, _ := t.cr.FieldPos(len(fields) - 1)
	t.endLine = last + strings.Count(fields[len(fields)-1], "\n")
	return start
}

// parseError handles a record the CSV parser rejected.
func (t *tableReader) parseError(pe *csv.ParseError) error {
	t.endLine = pe.Line
	if errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine {
		if _, err := t.cr.Read(); err == io.EOF {
			return lineError(pe.StartLine, pe,
				"Line %d opens a quoted field (\") that is never closed, so the rest of the file cannot be read. Fix that line, or export the file again as CSV.", pe.StartLine)
		}
	}
	t.dataRow++
	t.col.skip(pe.StartLine, KindInvalid, "a quote mark (\") inside a field breaks the CSV format on this line")
	return nil
}

// findHeader reads the first records, skipping a preamble (LinkedIn's
// "Notes:", Zoom's meeting summary), until a header row. Without one it
// buffers enough rows to guess the columns from their content.
func (t *tableReader) findHeader() error {
	var buf []bufferedRecord
	for len(buf) < guessRecords {
		fields, line, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if fields == nil {
			continue
		}
		if len(fields) > maxColumns {
			return lineError(line, nil, "Line %d has %d columns, far more than a contact list has. Check that the file is a CSV export of contacts.", line, len(fields))
		}
		if len(buf) < headerSearchRecords {
			found, preamble := t.tryHeader(buf, fields)
			if found {
				return nil
			}
			if preamble {
				buf = buf[:0]
				continue
			}
		}
		buf = append(buf, bufferedRecord{fields: append([]string(nil), fields...), line: line})
	}
	t.m = guessColumns(buf)
	if !t.paste {
		t.col.format = FormatGenericCSV
	}
	t.pending = buf
	return nil
}

// tryHeader checks whether a record is the header; the records before it
// are a preamble and count as ignored. preamble reports a Zoom meeting
// summary, which was consumed with its data row.
func (t *tableReader) tryHeader(before []bufferedRecord, fields []string) (found, preamble bool) {
	norm := make([]string, len(fields))
	for i, f := range fields {
		norm[i] = normHeader(f)
	}
	if isZoomSummary(norm) {
		t.readZoomSummary(norm)
		t.col.ignored += 2 + len(before)
		return false, true
	}
	if _, ok := headerScore(fields); !ok {
		return false, false
	}
	format := detectFormat(norm)
	if format == FormatGenericCSV && linkedInPreamble(before) {
		format = FormatLinkedIn // older exports: no "Connected On", but the preamble
	}
	t.m = newColumnMap(fields, format)
	t.header = make([]string, len(fields))
	for i, f := range fields {
		t.header[i] = strings.TrimSpace(f)
	}
	t.col.ignored += len(before)
	if t.paste && format == FormatGenericCSV {
		format = FormatText
	}
	t.col.format = format
	return true, false
}

// linkedInPreamble reports the "Notes:" preamble of a LinkedIn export.
func linkedInPreamble(before []bufferedRecord) bool {
	for _, r := range before {
		for _, f := range r.fields {
			if strings.Contains(f, "linkedin.com") {
				return true
			}
		}
	}
	return false
}

// isZoomSummary reports the meeting summary header Zoom writes above its
// participant list.
func isZoomSummary(norm []string) bool {
	has := map[string]bool{}
	for _, h := range norm {
		has[h] = true
	}
	return has["meeting id"] && has["topic"]
}

// readZoomSummary reads the summary row under the summary header: its
// "User Email" is the meeting host, the user importing their own meeting.
func (t *tableReader) readZoomSummary(norm []string) {
	fields, _, err := t.next()
	if err != nil || fields == nil {
		return
	}
	for i, h := range norm {
		if h == "user email" {
			if addr, ok := normEmail(cell(fields, i)); ok {
				t.hostMail = addr
			}
		}
	}
}

// row turns one data row into a contact, or a skip.
func (t *tableReader) row(fields []string, line int) {
	t.dataRow++
	if allEmpty(fields) {
		t.col.skip(line, KindEmptyRow, "every field of this row is empty")
		return
	}
	if t.isHeaderAgain(fields) {
		t.col.ignore()
		return
	}
	if why, skip := t.m.statusSkip(fields); skip {
		t.col.skip(line, KindNotAttending, why)
		return
	}
	r := &t.rec
	r.reset()
	r.line, r.unit, r.unitNo = line, "row", t.dataRow
	t.m.fill(r, fields)
	if t.hostMail != "" && len(r.emails) > 0 {
		if addr, _ := normEmail(r.emails[0]); addr == t.hostMail {
			r.self = true
		}
	}
	t.col.add(r)
}

// isHeaderAgain spots the header row repeated inside the data, as happens
// when two exports are pasted together.
func (t *tableReader) isHeaderAgain(fields []string) bool {
	if t.header == nil || len(fields) != len(t.header) {
		return false
	}
	for i, f := range fields {
		if strings.TrimSpace(f) != t.header[i] {
			return false
		}
	}
	return true
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// The guard's read errors; they never reach the user as they are.
var (
	errRecordTooLong  = errors.New("intake: record longer than the limit")
	errTooManyColumns = errors.New("intake: record wider than the limit")
)

// guardReader stops the CSV reader when one record grows past
// maxRecordBytes — a 50 MB line, an unclosed quote at the top of a big
// file — so memory stays bounded and the answer comes at once.
//
// It also counts delimiters, because a megabyte of commas is a million
// columns, and encoding/csv would build all of them before the column
// count could be checked. The count restarts with each record; what the
// CSV reader reads ahead of the record (a few kilobytes) is counted with
// it, so the limit is four times maxColumns.
type guardReader struct {
	r        io.Reader
	delim    byte
	read     int64 // bytes handed to the CSV reader so far
	recStart int64 // input offset where the current record starts
	delims   int   // delimiters read since the record started
}

// startRecord tells the guard that a record starts at offset.
func (g *guardReader) startRecord(offset int64) {
	g.recStart, g.delims = offset, 0
}

// Read implements io.Reader.
func (g *guardReader) Read(p []byte) (int, error) {
	switch {
	case g.read-g.recStart > maxRecordBytes:
		return 0, errRecordTooLong
	case g.delims > 4*maxColumns:
		return 0, errTooManyColumns
	}
	n, err := g.r.Read(p)
	g.read += int64(n)
	g.delims += bytes.Count(p[:n], []byte{g.delim})
	return n, err
}
