package intake

import (
	"bytes"
	"encoding/csv"
	"io"
	"testing"

	"golang.org/x/text/transform"
)

// BenchmarkBaseCSV is the floor under BenchmarkOutlook3700: encoding/csv
// alone reading the same file, doing nothing with the rows.
func BenchmarkBaseCSV(b *testing.B) {
	data := outlookFile(b, 3700)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1
		for {
			if _, err := cr.Read(); err == io.EOF {
				break
			}
		}
	}
}

// BenchmarkBaseCSVTransform adds the lenient UTF-8 decoding every table
// goes through.
func BenchmarkBaseCSVTransform(b *testing.B) {
	data := outlookFile(b, 3700)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cr := csv.NewReader(transform.NewReader(bytes.NewReader(data), lenientUTF8{}))
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1
		for {
			if _, err := cr.Read(); err == io.EOF {
				break
			}
		}
	}
}
