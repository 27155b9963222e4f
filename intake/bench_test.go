package intake

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/intake/intaketest"
)

// outlookFile generates an Outlook export of rows contacts.
func outlookFile(b *testing.B, rows int) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := intaketest.WriteOutlookCSV(&buf, rows); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchParse parses data b.N times as a file called name, reporting the
// cost per record.
func benchParse(b *testing.B, data []byte, name string, records int) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var res Result
	for b.Loop() {
		var err error
		res, err = Parse(context.Background(), bytes.NewReader(data), Options{Name: name})
		if err != nil {
			b.Fatal(err)
		}
	}
	if len(res.Contacts) == 0 {
		b.Fatal("no contacts")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(records), "ns/row")
}

// BenchmarkOutlook3700 is the founding story's address book: 3,700
// contacts in a 92-column Outlook export (parse, normalise, de-duplicate).
func BenchmarkOutlook3700(b *testing.B) {
	benchParse(b, outlookFile(b, 3700), "contacts.csv", 3700)
}

// BenchmarkOutlookRows shows the cost per row at 1k, 10k and 100k rows: a
// flat ns/row is linear growth.
func BenchmarkOutlookRows(b *testing.B) {
	for _, rows := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			benchParse(b, outlookFile(b, rows), "contacts.csv", rows)
		})
	}
}

// BenchmarkPastedText parses 1,000 lines of a hand-typed list.
func BenchmarkPastedText(b *testing.B) {
	lines := []string{
		"- Jane Doe - Acme Corp",
		"* Priya Natarajan, Head of Product @ Globex — priya.n@globex.example",
		"1. Marcus Chen – Umbrella Logistics – marcus.chen@umbrella.example",
		"Sofia Rossi <Sofia.Rossi@Example.com>",
		"Tom O'Malley, Jr. | VP Sales | Northwind | tom@northwind.example",
		"Bob Smith (CTO, Initech) bob@initech.example",
		"Going",
		"+2",
	}
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		l := lines[i%len(lines)]
		sb.WriteString(strings.Replace(strings.Replace(l, "@", fmt.Sprintf("%d@", i), 1), " - ", fmt.Sprintf(" %d - ", i%7), 0))
		sb.WriteByte('\n')
	}
	benchParse(b, []byte(sb.String()), "", 1000)
}

// BenchmarkVCard parses 1,000 vCard 3.0 cards.
func BenchmarkVCard(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sb, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe%d;Jane;;Dr.;\r\nFN:Dr. Jane Doe%d\r\nORG:Acme\\, Inc.;Sales\r\nTITLE:VP Sales\r\n"+
			"item1.EMAIL;type=INTERNET;type=pref:jane%d@acme.example\r\nTEL;type=CELL:+1 555 %04d\r\nNOTE:Met at the fair\\, said hi.\r\nEND:VCARD\r\n", i, i, i, i)
	}
	benchParse(b, []byte(sb.String()), "contacts.vcf", 1000)
}
