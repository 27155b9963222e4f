package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/rapport-bot/rapport/coach"
)

// runExport is `bot export [--db PATH] [--out FILE]`: the local user's data
// as CSV, to FILE or standard output.
func runExport(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := cfg.flags("export", stderr)
	out := fs.String("out", "", "write the CSV to this file instead of standard output")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	eng, closeDB, err := openEngine(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeDB()
	replies, err := eng.Handle(ctx, coach.Event{User: localUser, Text: "/export"})
	if err != nil {
		return err
	}
	for _, m := range replies {
		if m.File == nil {
			continue
		}
		if *out == "" {
			_, err := stdout.Write(m.File.Data)
			return err
		}
		if err := os.WriteFile(*out, m.File.Data, 0o600); err != nil {
			return fmt.Errorf("write %s: %w", *out, err)
		}
		fmt.Fprintln(stderr, "wrote", *out)
		return nil
	}
	return errors.New("the export produced no file")
}
