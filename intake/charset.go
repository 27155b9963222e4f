package intake

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// textEncoding is how the input's bytes are to be read.
type textEncoding int

const (
	encUTF8    textEncoding = iota // UTF-8, with a Windows-1252 fallback for stray bytes
	encCP1252                      // Windows-1252: Outlook and ACT! on Windows
	encUTF16LE                     // Excel's "Unicode text", Outlook
	encUTF16BE
	encUTF32LE
	encUTF32BE
)

// detectEncoding reads the byte-order mark, or guesses UTF-16 from the
// pattern of zero bytes that ASCII text leaves in it. bom is the length of
// the byte-order mark to skip. A sample that is not valid UTF-8 is taken
// for Windows-1252, the code page of the Windows exporters that write it.
func detectEncoding(sample []byte) (enc textEncoding, bom int) {
	switch {
	case bytes.HasPrefix(sample, []byte{0xff, 0xfe, 0, 0}):
		return encUTF32LE, 4
	case bytes.HasPrefix(sample, []byte{0, 0, 0xfe, 0xff}):
		return encUTF32BE, 4
	case bytes.HasPrefix(sample, []byte{0xef, 0xbb, 0xbf}):
		return encUTF8, 3
	case bytes.HasPrefix(sample, []byte{0xff, 0xfe}):
		return encUTF16LE, 2
	case bytes.HasPrefix(sample, []byte{0xfe, 0xff}):
		return encUTF16BE, 2
	}
	if e, ok := guessUTF16(sample); ok {
		return e, 0
	}
	if !validUTF8Prefix(sample) {
		return encCP1252, 0
	}
	return encUTF8, 0
}

// guessUTF16 spots UTF-16 without a byte-order mark: in mostly-ASCII text
// every other byte is zero, the odd ones in little-endian order.
func guessUTF16(sample []byte) (textEncoding, bool) {
	n := min(len(sample), 4096) &^ 1
	if n < 8 {
		return 0, false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 > pairs*6 && even*20 < pairs:
		return encUTF16LE, true
	case even*10 > pairs*6 && odd*20 < pairs:
		return encUTF16BE, true
	}
	return 0, false
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a rune cut off
// at its end (the sample ends wherever the buffer did).
func validUTF8Prefix(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for cut := 1; cut <= 3 && cut < len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) && !utf8.FullRune(b[len(b)-cut:]) {
			return true
		}
	}
	return false
}

// transformer returns the decoder to UTF-8 for the encoding.
func (e textEncoding) transformer() transform.Transformer {
	switch e {
	case encCP1252:
		return charmap.Windows1252.NewDecoder()
	case encUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()
	case encUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()
	case encUTF32LE:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewDecoder()
	case encUTF32BE:
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM).NewDecoder()
	}
	return lenientUTF8{}
}

// lenientUTF8 passes valid UTF-8 through and reads each byte that is not
// part of a valid sequence as Windows-1252. A file that is UTF-8 at its
// start but has a stray "é" from a Windows program further down keeps
// both right.
type lenientUTF8 struct{ transform.NopResetter }

// Transform implements transform.Transformer.
func (lenientUTF8) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		// Copy the run of ASCII or valid UTF-8 in one go.
		run := validRun(src[nSrc:])
		if run > 0 {
			n := copy(dst[nDst:], src[nSrc:nSrc+run])
			nDst += n
			nSrc += n
			if n < run {
				return nDst, nSrc, transform.ErrShortDst
			}
			continue
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r := cp1252Rune(src[nSrc])
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc++
	}
	return nDst, nSrc, nil
}

// validRun returns the length of the valid UTF-8 prefix of b that ends on
// a whole rune.
func validRun(b []byte) int {
	i := 0
	for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
		i += 8 // eight ASCII bytes at a time
	}
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return i
}

// cp1252Rune decodes one Windows-1252 byte.
func cp1252Rune(b byte) rune {
	r := charmap.Windows1252.DecodeByte(b)
	if r == utf8.RuneError {
		return rune(b) // the five undefined bytes: keep their Latin-1 meaning
	}
	return r
}

// decodeBytes decodes a whole value in a known encoding, leniently.
func decodeBytes(b []byte, e textEncoding) string {
	out, _, err := transform.Bytes(e.transformer(), b)
	if err != nil {
		out, _, _ = transform.Bytes(lenientUTF8{}, b)
	}
	return string(out)
}
