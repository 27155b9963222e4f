package intake

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// repeatReader yields pattern over and over, n bytes in all, without
// holding them: the test's own memory stays out of the measurement.
type repeatReader struct {
	pattern string
	n, off  int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:min(len(p), k+int(r.n))], r.pattern[r.off%int64(len(r.pattern)):])
		k += c
		r.n -= int64(c)
		r.off += int64(c)
	}
	return k, nil
}

func generated(head, pattern string, n int64, tail string) io.Reader {
	return io.MultiReader(strings.NewReader(head), &repeatReader{pattern: pattern, n: n}, strings.NewReader(tail))
}

// TestAdversarialInput feeds inputs built to exhaust time or memory. Each
// must return promptly, with a clear error or a sane result, allocating a
// small fraction of its size.
func TestAdversarialInput(t *testing.T) {
	if testing.Short() {
		t.Skip("reads over 100 MB of generated input")
	}
	const mb = 1 << 20
	tests := []struct {
		name    string
		in      func() io.Reader
		file    string
		refused error // nil: a result is expected
		check   func(t *testing.T, res Result)
	}{
		{"50 MB single line, pasted", func() io.Reader { return generated("", "Jane Doe ", 50*mb, "\nBob Smith\n") }, "", nil,
			func(t *testing.T, res Result) {
				if len(res.Skipped) != 1 || res.Skipped[0].Kind != KindInvalid || len(res.Contacts) != 1 {
					t.Errorf("want the long line skipped and Bob kept, got %+v", res)
				}
			}},
		{"50 MB single line, CSV", func() io.Reader { return generated("Name,Email\n", "Jane Doe ", 50*mb, "\n") }, "a.csv", ErrUnreadable, nil},
		{"50 MB single line, vCard", func() io.Reader {
			return generated("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:", "x", 50*mb, "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bob Smith\r\nEND:VCARD\r\n")
		}, "a.vcf", nil,
			func(t *testing.T, res Result) {
				if len(res.Skipped) != 1 || len(res.Contacts) != 1 {
					t.Errorf("want the card with the long line skipped and Bob kept, got %+v", res)
				}
			}},
		{"50 MB of one line without delimiters", func() io.Reader { return generated("", "x", 50*mb, "") }, "a.csv", ErrUnreadable, nil},
		{"a million columns", func() io.Reader { return generated("", "Name,", 1000000*5, "\nJane,\n") }, "a.csv", ErrUnreadable, nil},
		{"a million empty columns in the header", func() io.Reader { return generated("Name,Email", ",", 1000000, "\nJane,j@a.example\n") }, "a.csv", ErrUnreadable, nil},
		{"a million columns, pasted", func() io.Reader { return generated("", "a\t", 2*1000000, "\n") }, "", nil, nil},
		{"unterminated quote at the start of 10 MB", func() io.Reader {
			return generated(`"`, "Jane Doe,jane@acme.example,Acme\n", 10*mb, "")
		}, "a.csv", ErrUnreadable, nil},
		{"unterminated quote at the start of 10 MB, pasted", func() io.Reader {
			return generated(`"`, "Jane Doe,jane@acme.example,Acme\n", 10*mb, "")
		}, "", nil, nil},
		{"10 MB of noise lines", func() io.Reader { return generated("", "Going\n+2\n10:32 AM\n", 18*(10*mb/18), "") }, "", nil,
			func(t *testing.T, res Result) {
				if len(res.Contacts) != 0 || res.Ignored < 1000000 {
					t.Errorf("want only ignored lines, got %d contacts, %d ignored", len(res.Contacts), res.Ignored)
				}
			}},
		{"deeply nested vCards", func() io.Reader {
			return generated("", "BEGIN:VCARD\r\n", 10*mb, "")
		}, "a.vcf", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res Result
			var err error
			start := time.Now()
			peak := peakHeap(func() { res, err = Parse(context.Background(), tt.in(), Options{Name: tt.file}) })
			elapsed := time.Since(start)
			t.Logf("%v, peak heap %d MB", elapsed.Round(time.Millisecond), peak>>20)
			if tt.refused != nil {
				var ie *Error
				if !errors.Is(err, tt.refused) || !errors.As(err, &ie) {
					t.Fatalf("err = %v, want %v", err, tt.refused)
				}
				t.Logf("message: %s", err)
			} else if err != nil {
				t.Fatalf("err = %v, want a result", err)
			}
			if tt.check != nil {
				tt.check(t, res)
			}
			if elapsed > 20*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if peak > 32*mb {
				t.Errorf("peak heap %d MB: memory is not bounded", peak>>20)
			}
		})
	}
}

// peakHeap runs f and returns the highest heap in use above the starting
// point, sampled every millisecond.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapAlloc, ms.HeapAlloc
	done := make(chan struct{})
	sampled := make(chan uint64, 1)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				sampled <- peak
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	p := <-sampled
	if p < base {
		return 0
	}
	return p - base
}
