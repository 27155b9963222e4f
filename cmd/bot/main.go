// Command bot runs Rapport: the terminal chat (and, as they arrive, the
// Telegram and Slack adapters) and the maintenance subcommands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	// Time zones are the users' (reminders at 09:00 their time): embed the
	// IANA database so that a machine without one (a minimal container)
	// still knows Europe/Berlin.
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
