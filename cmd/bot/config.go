package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// Config is everything the bot reads from flags and the environment. Each
// setting has one name: a flag where it makes sense, and one variable.
type Config struct {
	DB       string // RAPPORT_DB, --db
	LogLevel slog.Level
	// Platform tokens decide which adapter runs; none means the terminal.
	TelegramToken string
	SlackToken    string
}

// loadConfig reads the environment; flags parsed later override it.
func loadConfig(getenv func(string) string) (Config, error) {
	c := Config{DB: getenv("RAPPORT_DB"), TelegramToken: getenv("TELEGRAM_BOT_TOKEN"), SlackToken: getenv("SLACK_BOT_TOKEN")}
	if c.DB == "" {
		c.DB = defaultDB(getenv)
	}
	if lv := getenv("LOG_LEVEL"); lv != "" {
		if err := c.LogLevel.UnmarshalText([]byte(lv)); err != nil {
			return c, fmt.Errorf("LOG_LEVEL %q: use debug, info, warn or error", lv)
		}
	}
	return c, nil
}

// defaultDB is $XDG_DATA_HOME/rapport/rapport.db, or ~/.local/share/… .
func defaultDB(getenv func(string) string) string {
	dir := getenv("XDG_DATA_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "rapport", "rapport.db")
}

// flags returns a FlagSet with the options every subcommand shares.
func (c *Config) flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.DB, "db", c.DB, "database file (env RAPPORT_DB)")
	return fs
}

// errUsage marks a command-line mistake; the usage has been printed.
var errUsage = errors.New("usage")

const usage = `Rapport — a coach for careful, personal LinkedIn invitations.

Usage:
  bot [--db PATH]                  chat in the terminal (when no platform token is set)
  bot chat [--db PATH]             chat in the terminal
  bot import [--db PATH] [--event NAME] [--dry-run] [--json] FILE|-
                                   import contacts (CSV, vCard or a pasted list; - reads stdin)
  bot export [--db PATH] [--out FILE]
                                   your people, answers, plans and drafts as CSV
  bot version                      print the version
  bot --help                       this help

Environment:
  RAPPORT_DB          database file (default $XDG_DATA_HOME/rapport/rapport.db,
                      i.e. ~/.local/share/rapport/rapport.db)
  LOG_LEVEL           debug, info, warn or error (default info); logs go to stderr
                      and never contain contact data or message text
  TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN
                      reserved for the Telegram and Slack adapters, which are not
                      in this build yet; the terminal chat is.

In the chat, /help lists the commands; /export saves its CSV in the current
directory. Piped input is a script: each line is a
message, and the lines after a line "/import" up to a blank line are one list.
`

func isHelp(a string) bool {
	return a == "-h" || a == "--help" || a == "-help" || a == "help"
}

func trimFlagErr(err error) string { return strings.TrimSpace(err.Error()) }
