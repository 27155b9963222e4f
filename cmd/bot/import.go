package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rapport-bot/rapport/adapters/terminal"
	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/intake"
)

// maxImportBytes bounds `bot import`; larger files are refused by intake.
const maxImportBytes = 100 << 20

// runImport is `bot import [--db PATH] [--event NAME] [--dry-run] [--json] FILE|-`.
func runImport(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := cfg.flags("import", stderr)
	event := fs.String("event", "", "the event these people come from (skips that question)")
	dry := fs.Bool("dry-run", false, "parse and report, store nothing")
	asJSON := fs.Bool("json", false, "print the result as one JSON document")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: bot import [--db PATH] [--event NAME] [--dry-run] [--json] FILE|-")
		return errUsage
	}
	name, r, closeIn, err := openInput(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	defer closeIn()
	if *dry {
		return dryRun(ctx, name, r, *asJSON, stdout)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return importInto(ctx, cfg, coach.File{Name: name, Data: data}, *event, stdout)
}

// openInput opens FILE, or stdin for "-".
func openInput(arg string, stdin io.Reader) (string, io.Reader, func() error, error) {
	if arg == "-" {
		return "", stdin, func() error { return nil }, nil
	}
	f, err := os.Open(arg)
	if err != nil {
		return "", nil, nil, fmt.Errorf("cannot read %s: %w", arg, err)
	}
	return filepath.Base(arg), f, f.Close, nil
}

// dryRun parses and prints what an import would store.
func dryRun(ctx context.Context, name string, r io.Reader, asJSON bool, stdout io.Writer) error {
	res, err := intake.Parse(ctx, r, intake.Options{Name: name, MaxBytes: maxImportBytes})
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: %d people, %d duplicates merged, %d lines ignored, %d skipped\n",
		res.Format, len(res.Contacts), res.Merged, res.Ignored, len(res.Skipped))
	for _, c := range res.Contacts {
		fmt.Fprintf(&b, "  %s\t%s\t%s\t%s\n", c.FullName, c.Email, c.Company, c.Source)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(&b, "  skipped line %d (%s): %s\n", s.Line, s.Kind, s.Reason)
	}
	_, err = stdout.Write([]byte(terminal.Safe(b.String())))
	return err
}

// importInto imports through the engine, as the local terminal user, so
// that the chat picks up where the import leaves off.
func importInto(ctx context.Context, cfg Config, f coach.File, event string, stdout io.Writer) error {
	eng, closeDB, err := openEngine(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeDB()
	out, err := eng.Handle(ctx, coach.Event{User: localUser, File: &f})
	if err != nil {
		return err
	}
	if event != "" {
		more, err := eng.Handle(ctx, coach.Event{User: localUser, Text: "an event: " + event})
		if err != nil {
			return err
		}
		out = append(out, more...)
	}
	if err := terminal.Print(stdout, out, false); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, "Run `bot chat` to go on.\n")
	return err
}
