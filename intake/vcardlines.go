package intake

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// vcardLine is one logical vCard line: unfolded, decoded to UTF-8, with
// vCard 2.1 parameters rewritten in the 3.0 form go-vcard reads.
type vcardLine struct {
	text    string // the property line, ready for go-vcard
	name    string // property name, upper-case, without group
	line    int    // physical line where it starts
	tooLong bool   // the line was over the limit and dropped
}

// vcardLines reads logical lines. It unfolds before decoding, at the byte
// level, because naive writers fold in the middle of a UTF-8 sequence; it
// joins quoted-printable soft line breaks, which go-vcard does not know;
// and it drops the content of PHOTO, LOGO, SOUND and KEY without buffering
// it, since a photo can be megabytes of base64 Rapport has no use for.
type vcardLines struct {
	br   *bufio.Reader
	n    int    // physical lines read
	peek []byte // next physical line, read ahead to see whether it is a fold
	has  bool
	eof  bool
}

func newVCardLines(r io.Reader) *vcardLines {
	return &vcardLines{br: bufio.NewReaderSize(r, 64<<10)}
}

// physical reads one physical line without its line end. Lines longer
// than maxRecordBytes are cut; long says so.
func (v *vcardLines) physical() (b []byte, long bool, err error) {
	if v.has {
		v.has = false
		return v.peek, false, nil
	}
	if v.eof {
		return nil, false, io.EOF
	}
	var buf []byte
	for {
		chunk, err := v.br.ReadSlice('\n')
		if len(buf)+len(chunk) <= maxRecordBytes {
			buf = append(buf, chunk...)
		} else {
			long = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			v.eof = true
			if len(buf) == 0 && !long {
				return nil, false, io.EOF
			}
		} else if err != nil {
			return nil, false, err
		}
		v.n++
		return bytes.TrimRight(buf, "\r\n"), long, nil
	}
}

// unread puts a physical line back.
func (v *vcardLines) unread(b []byte) {
	v.peek, v.has = b, true
}

// next returns the next logical line.
func (v *vcardLines) next() (vcardLine, error) {
	first, long, err := v.physical()
	if err != nil {
		return vcardLine{}, err
	}
	out := vcardLine{line: v.n, tooLong: long}
	name := propertyName(first)
	out.name = name
	skip := name == "PHOTO" || name == "LOGO" || name == "SOUND" || name == "KEY"
	qp := isQuotedPrintable(first)
	buf := append([]byte(nil), first...)
	if skip {
		buf = buf[:min(len(buf), bytes.IndexByte(buf, ':')+1)]
	}
	for {
		if qp && bytes.HasSuffix(buf, []byte("=")) {
			nxt, l2, err := v.physical()
			if err != nil {
				break
			}
			buf = append(buf[:len(buf)-1], nxt...)
			out.tooLong = out.tooLong || l2 || len(buf) > maxRecordBytes
			continue
		}
		nxt, l2, err := v.physical()
		if err != nil {
			break
		}
		if len(nxt) == 0 || (nxt[0] != ' ' && nxt[0] != '\t') {
			v.unread(nxt)
			break
		}
		if !skip && !out.tooLong {
			buf = append(buf, nxt[1:]...)
		}
		out.tooLong = out.tooLong || l2 || len(buf) > maxRecordBytes
	}
	if out.tooLong {
		return out, nil
	}
	out.text = normalizeVCardLine(buf)
	return out, nil
}

// propertyName returns the upper-case property name of a raw line, without
// its group ("item1.EMAIL" → "EMAIL").
func propertyName(b []byte) string {
	end := bytes.IndexAny(b, ";:")
	if end < 0 {
		return ""
	}
	name := b[:end]
	if dot := bytes.LastIndexByte(name, '.'); dot >= 0 {
		name = name[dot+1:]
	}
	return strings.ToUpper(strings.TrimSpace(string(name)))
}

// isQuotedPrintable reports a raw line whose parameters declare
// quoted-printable encoding (2.1: "ENCODING=QUOTED-PRINTABLE" or bare).
func isQuotedPrintable(b []byte) bool {
	colon := bytes.IndexByte(b, ':')
	if colon < 0 {
		return false
	}
	head := b[:colon]
	for i := bytes.IndexAny(head, "Qq"); i >= 0 && i+16 <= len(head); {
		if bytes.EqualFold(head[i:i+16], []byte("QUOTED-PRINTABLE")) {
			return true
		}
		j := bytes.IndexAny(head[i+1:], "Qq")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// normalizeVCardLine decodes one unfolded line and rewrites it for
// go-vcard: bare 2.1 type words become TYPE= parameters, quoted-printable
// and base64 values are decoded, CHARSET is applied (UTF-8 is assumed, and
// Windows-1252 when the bytes are not valid UTF-8), and the ENCODING and
// CHARSET parameters are removed.
func normalizeVCardLine(b []byte) string {
	colon := valueStart(b)
	if colon < 0 {
		return decodeVCardText(b, "")
	}
	head, value := b[:colon], b[colon+1:]
	if !needsRewrite(head) && utf8.Valid(value) {
		return string(b) // the common 3.0/4.0 line: nothing to change
	}
	params := bytes.Split(head, []byte(";"))
	var out strings.Builder
	out.Write(params[0])
	encoding, charset := "", ""
	for _, p := range params[1:] {
		k, val, hasEq := bytes.Cut(p, []byte("="))
		key := strings.ToUpper(strings.TrimSpace(string(k)))
		switch {
		case !hasEq && (key == "QUOTED-PRINTABLE" || key == "BASE64" || key == "8BIT" || key == "7BIT"):
			encoding = key
		case !hasEq:
			out.WriteString(";TYPE=" + string(k))
		case key == "ENCODING":
			encoding = strings.ToUpper(string(val))
		case key == "CHARSET":
			charset = string(val)
		default:
			out.WriteByte(';')
			out.Write(p)
		}
	}
	out.WriteByte(':')
	out.WriteString(decodeVCardValue(value, encoding, charset))
	return out.String()
}

// needsRewrite reports parameters normalizeVCardLine must change: a bare
// 2.1 type word, ENCODING or CHARSET.
func needsRewrite(head []byte) bool {
	semi := bytes.IndexByte(head, ';')
	if semi < 0 {
		return false
	}
	for p := range bytes.SplitSeq(head[semi+1:], []byte(";")) {
		k, _, hasEq := bytes.Cut(p, []byte("="))
		if !hasEq || bytes.EqualFold(k, []byte("ENCODING")) || bytes.EqualFold(k, []byte("CHARSET")) {
			return true
		}
	}
	return false
}

// valueStart finds the colon that ends the property name and parameters,
// skipping colons inside quoted parameter values.
func valueStart(b []byte) int {
	quoted := false
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ':' && !quoted:
			return i
		}
	}
	return -1
}

// decodeVCardValue decodes a value's transfer encoding and charset. A
// decoded quoted-printable value is re-escaped, since its line breaks and
// backslashes are literal.
func decodeVCardValue(v []byte, encoding, charset string) string {
	switch encoding {
	case "QUOTED-PRINTABLE":
		dec, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(v)))
		if err != nil && len(dec) == 0 {
			dec = v
		}
		s := decodeVCardText(dec, charset)
		return escapeVCard(s)
	case "B", "BASE64":
		dec, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(v)))
		if err != nil {
			return ""
		}
		return escapeVCard(decodeVCardText(dec, charset))
	}
	return decodeVCardText(v, charset)
}

// decodeVCardText turns bytes in the declared charset into UTF-8.
func decodeVCardText(b []byte, charset string) string {
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		if enc, err := htmlindex.Get(cs); err == nil {
			if out, err := enc.NewDecoder().Bytes(b); err == nil {
				return string(out)
			}
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeBytes(b, encCP1252)
}

// escapeVCard escapes a decoded value the way vCard 3.0 text is written.
func escapeVCard(s string) string {
	if !strings.ContainsAny(s, "\\\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "\r\n", `\n`)
	return strings.ReplaceAll(strings.ReplaceAll(s, "\n", `\n`), "\r", `\n`)
}
