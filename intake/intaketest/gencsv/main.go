// Command gencsv writes a deterministic Outlook desktop CSV export of
// generated contacts to standard output, for measuring `bot import` on
// large files:
//
//	go run ./intake/intaketest/gencsv -rows 100000 > /tmp/outlook-100k.csv
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rapport-bot/rapport/intake/intaketest"
)

func main() {
	rows := flag.Int("rows", 3700, "number of contacts to write")
	flag.Parse()
	if err := intaketest.WriteOutlookCSV(os.Stdout, *rows); err != nil {
		fmt.Fprintln(os.Stderr, "gencsv:", err)
		os.Exit(1)
	}
}
