package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// zipWith builds a ZIP archive holding the named files, as XLSX, Numbers
// and ODS files are.
func zipWith(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRefusals checks the input refused whole: each gives an *Error of
// the right kind whose message tells the user what to do, and no result.
func TestRefusals(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		data     []byte
		kind     error
		sayWhat  string
		maxBytes int64
	}{
		{"xlsx", "contacts.xlsx", zipWith(t, "[Content_Types].xml", "xl/workbook.xml"), ErrSpreadsheet, "export it as CSV", 0},
		{"xlsx renamed", "contacts.csv", zipWith(t, "[Content_Types].xml", "xl/workbook.xml"), ErrSpreadsheet, "export it as CSV", 0},
		{"numbers", "", zipWith(t, "Index/Document.iwa", "Metadata/Properties.plist"), ErrSpreadsheet, "export it as CSV", 0},
		{"numbers by name", "People.numbers", []byte("anything"), ErrSpreadsheet, "export it as CSV", 0},
		{"legacy xls", "old.xls", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 64)...), ErrSpreadsheet, "export it as CSV", 0},
		{"zip archive", "export.zip", zipWith(t, "contacts.csv"), ErrBinary, "Unzip it", 0},
		{"pdf", "list.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ErrBinary, "PDF", 0},
		{"png", "card.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, "image", 0},
		{"binary with zeros", "data.bin", []byte("abc\x00\x01\x02\x03def\x00\x00ghi\x00jkl"), ErrBinary, "not text", 0},
		{"control characters", "", bytes.Repeat([]byte("a\x01\x02\x03\x04\x05b"), 50), ErrBinary, "not text", 0},
		{"too large", "big.csv", []byte(strings.Repeat("Jane Doe,jane@acme.example\n", 100)), ErrTooLarge, "larger than 1 KB", 1024},
		{"rtf", "list.rtf", []byte(`{\rtf1\ansi Jane Doe}`), ErrUnreadable, "plain text", 0},
		{"vcard without cards", "x.vcf", []byte("hello\r\n"), ErrUnreadable, "no contact cards", 0},
		{"unclosed quote", "x.csv", []byte("Name,Email\n\"Jane Doe,jane@acme.example\nBob,bob@x.example\n"), ErrUnreadable, "never closed", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Parse(context.Background(), bytes.NewReader(tt.data), Options{Name: tt.file, MaxBytes: tt.maxBytes})
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (%T), want *Error", err, err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.sayWhat) {
				t.Errorf("message %q does not say %q", err.Error(), tt.sayWhat)
			}
			if strings.Contains(err.Error(), "intake:") || strings.Contains(err.Error(), "csv:") {
				t.Errorf("message leaks internals: %q", err.Error())
			}
			if res.Contacts != nil || res.Skipped != nil {
				t.Errorf("a refused input must give no result: %+v", res)
			}
		})
	}
}

// TestEncodings checks that the same list reads the same in every
// encoding exporters write.
func TestEncodings(t *testing.T) {
	text := "First Name,Last Name,Company,Email\r\nZoë,Ødegård,Fabrikam,zoe@fabrikam.example\r\nFrançois,Lefèvre,Société Générale,francois@socgen.example\r\n"
	utf16le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = append(b, 0xff, 0xfe)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	cp1252 := []byte(strings.NewReplacer("ë", "\xeb", "Ø", "\xd8", "å", "\xe5", "ç", "\xe7", "è", "\xe8", "é", "\xe9").Replace(text))
	inputs := map[string][]byte{
		"utf-8":          []byte(text),
		"utf-8 bom":      append([]byte("\xef\xbb\xbf"), text...),
		"utf-16le bom":   utf16le(text, true),
		"utf-16le plain": utf16le(text, false),
		"windows-1252":   cp1252,
		"lf":             []byte(strings.ReplaceAll(text, "\r\n", "\n")),
		"cr":             []byte(strings.ReplaceAll(text, "\r\n", "\r")),
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			res, err := Parse(context.Background(), bytes.NewReader(data), Options{Name: "c.csv"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Contacts) != 2 || res.Contacts[0].FullName != "Zoë Ødegård" || res.Contacts[1].Company != "Société Générale" {
				t.Errorf("got %+v", res.Contacts)
			}
		})
	}
}

// TestMixedEncoding checks a UTF-8 file with a stray Windows-1252 byte far
// from its start: both are read right.
func TestMixedEncoding(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Name,Email\n")
	for b.Len() < 2*sniffSize {
		b.WriteString("José Álvarez,jose@contoso.example\n")
	}
	b.WriteString("Ren\xe9 Dubois,rene@example.fr\n")
	res, err := Parse(context.Background(), &b, Options{Name: "c.csv"})
	if err != nil {
		t.Fatal(err)
	}
	last := res.Contacts[len(res.Contacts)-1]
	if res.Contacts[0].FullName != "José Álvarez" || last.FullName != "René Dubois" {
		t.Errorf("first %q, last %q", res.Contacts[0].FullName, last.FullName)
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Parse(ctx, strings.NewReader("Jane Doe\nBob Smith\n"), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// failingReader fails after its data.
type failingReader struct{ data []byte }

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, errors.New("disk on fire")
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestReaderError(t *testing.T) {
	_, err := Parse(context.Background(), &failingReader{data: []byte("Name,Email\nJane,j@a.example\n")}, Options{Name: "c.csv"})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the reader's error wrapped", err)
	}
	var ie *Error
	if errors.As(err, &ie) {
		t.Errorf("a reader failure is not a refusal of the input: %v", err)
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\n\n  \n"} {
		res, err := Parse(context.Background(), strings.NewReader(in), Options{})
		if err != nil || len(res.Contacts) != 0 || res.Contacts == nil || res.Skipped == nil {
			t.Errorf("Parse(%q) = %+v, %v", in, res, err)
		}
	}
}
