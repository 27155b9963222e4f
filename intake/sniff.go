package intake

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/transform"
)

// inputKind is the reader Parse hands an input to.
type inputKind int

const (
	kindText  inputKind = iota // pasted text, one person a line
	kindTable                  // CSV and other delimited tables
	kindVCard                  // vCard 2.1, 3.0, 4.0
)

// input is an input whose kind and encoding are known.
type input struct {
	kind   inputKind
	format string        // format to report when the reader finds no better one
	raw    *bufio.Reader // positioned after any byte-order mark
	enc    textEncoding
	delim  rune // kindTable: the field delimiter
	paste  bool // no file name: the user pasted it
	crOnly bool // lines end with a lone CR (classic Mac)
	sample int  // average bytes per line in the sniffed sample
}

// text returns the input decoded to UTF-8 with LF or CRLF line ends.
func (in *input) text() io.Reader {
	var t transform.Transformer = in.enc.transformer()
	if in.crOnly {
		t = transform.Chain(t, crToLF{})
	}
	return transform.NewReader(in.raw, t)
}

// spreadsheetExts are workbook formats users upload instead of CSV.
var spreadsheetExts = map[string]bool{
	".xlsx": true, ".xlsm": true, ".xlsb": true, ".xls": true, ".numbers": true,
	".ods": true, ".fods": true,
}

// sniff looks at the start of the input to refuse what cannot be read and
// choose the reader for the rest.
func sniff(br *bufio.Reader, name string) (*input, error) {
	sample, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	complete := err == io.EOF
	ext := strings.ToLower(filepath.Ext(name))
	if spreadsheetExts[ext] {
		return nil, errSpreadsheet()
	}
	if e := refuseByMagic(sample, ext); e != nil {
		return nil, e
	}
	enc, bom := detectEncoding(sample)
	if enc == encUTF8 || enc == encCP1252 {
		if bytes.IndexByte(sample, 0) >= 0 {
			return nil, errBinary()
		}
	}
	if _, err := br.Discard(bom); err != nil {
		return nil, err
	}
	in := &input{raw: br, enc: enc, paste: name == "", format: FormatText}
	text := decodeBytes(sample[bom:], enc)
	if looksBinary(text) {
		return nil, errBinary()
	}
	in.crOnly = strings.Contains(text, "\r") && !strings.Contains(text, "\n")
	if in.crOnly {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	in.sample = len(text) / max(1, strings.Count(text, "\n"))
	in.chooseKind(text, complete, ext)
	return in, nil
}

// chooseKind picks the reader: vCard by extension or content; a table
// when the extension says so, when a known header appears, or when the
// lines are consistently delimited; pasted text otherwise.
func (in *input) chooseKind(text string, complete bool, ext string) {
	if ext == ".vcf" || ext == ".vcard" || startsWithVCard(text) {
		in.kind, in.format = kindVCard, FormatVCard
		return
	}
	forced := ext == ".csv" || ext == ".tsv" || ext == ".tab" || ext == ".psv"
	d, ok := chooseDelimiter(text, complete, forced, in.paste)
	if sep, declared := declaredDelimiter(text); declared {
		d, ok = sep, true
	}
	if !ok {
		return
	}
	in.kind, in.delim = kindTable, d
	if !in.paste {
		in.format = FormatGenericCSV
	}
}

// declaredDelimiter reads the "sep=;" line Excel writes, and reads, at
// the top of a CSV file to say which delimiter it uses.
func declaredDelimiter(text string) (rune, bool) {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if len(line) != 5 || !strings.EqualFold(line[:4], "sep=") {
		return 0, false
	}
	for _, d := range delimiters {
		if rune(line[4]) == d {
			return d, true
		}
	}
	return 0, false
}

// startsWithVCard reports text whose first non-blank line begins a card.
func startsWithVCard(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	return len(t) >= 11 && strings.EqualFold(t[:11], "BEGIN:VCARD")
}

// looksBinary reports decoded text with many control characters.
func looksBinary(text string) bool {
	ctl, n := 0, 0
	for _, r := range text {
		n++
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v') || r == 0x7f {
			ctl++
		}
	}
	return ctl > 2 && ctl*100 > n
}

// refuseByMagic recognises binary formats by their first bytes.
func refuseByMagic(b []byte, ext string) error {
	has := func(p string) bool { return bytes.HasPrefix(b, []byte(p)) }
	switch {
	case has("PK\x03\x04"):
		return refuseZip(b, ext)
	case has("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return errSpreadsheet() // legacy Excel (or another Office 97 file)
	case has("%PDF"):
		return refuse(ErrBinary, 0, nil, "This is a PDF, which Rapport cannot read. Copy the names out of it and paste them here, or send a CSV or vCard file.")
	case has("\x89PNG"), has("\xff\xd8\xff"), has("GIF8"), has("II*\x00"), has("MM\x00*"),
		len(b) > 12 && string(b[4:8]) == "ftyp", has("RIFF") && len(b) > 12 && string(b[8:12]) == "WEBP":
		return refuse(ErrBinary, 0, nil, "This is an image or video, not a contact list. Send a CSV or vCard file, or type or paste the names as text.")
	case has("\x1f\x8b"), has("7z\xbc\xaf"), has("Rar!"):
		return refuse(ErrBinary, 0, nil, "This is a compressed archive. Unpack it and send the CSV or vCard file inside.")
	case has("{\\rtf"):
		return refuse(ErrUnreadable, 0, nil, "This is a rich-text document. Save it as plain text or CSV, or paste its text here.")
	case has("<?xml") && bytes.Contains(b, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return errSpreadsheet()
	case has("bplist"):
		return errBinary()
	}
	return nil
}

// refuseZip tells a workbook (XLSX, Numbers, ODS) from another ZIP file.
func refuseZip(b []byte, ext string) error {
	for _, marker := range []string{"xl/", "[Content_Types].xml", "Index/Document.iwa", "opendocument.spreadsheet", "Metadata/"} {
		if bytes.Contains(b, []byte(marker)) && !bytes.Contains(b, []byte("word/")) {
			return errSpreadsheet()
		}
	}
	if ext == ".zip" || ext == "" || !spreadsheetExts[ext] {
		return refuse(ErrBinary, 0, nil, "This is a ZIP archive. Unzip it and send the CSV or vCard file inside.")
	}
	return errSpreadsheet()
}

func errSpreadsheet() *Error {
	return refuse(ErrSpreadsheet, 0, nil,
		"This is a spreadsheet workbook (Excel, Numbers or similar), which Rapport cannot read directly. Open it, export it as CSV (File › Save As or File › Export), and send the CSV file.")
}

func errBinary() *Error {
	return refuse(ErrBinary, 0, nil,
		"This file is not text, so it is not a contact list Rapport can read. Send a CSV or vCard file, or paste the names as text.")
}

// crToLF turns lone carriage returns into line feeds, for files saved
// with classic Mac line ends ("CSV (Macintosh)" in Excel).
type crToLF struct{ transform.NopResetter }

// Transform implements transform.Transformer.
func (crToLF) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	n := copy(dst, src)
	for i := 0; i < n; i++ {
		if dst[i] == '\r' {
			dst[i] = '\n'
		}
	}
	if n < len(src) {
		return n, n, transform.ErrShortDst
	}
	return n, n, nil
}

// lineError builds the ErrUnreadable *Error for a problem at a line.
func lineError(line int, cause error, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return refuse(ErrUnreadable, line, cause, "%s", msg)
}
