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
	// Telegram: a self-hosted Bot API server, and webhook mode.
	TelegramEndpoint      string // TELEGRAM_API_ENDPOINT
	TelegramWebhookURL    string // TELEGRAM_WEBHOOK_URL
	TelegramWebhookSecret string // TELEGRAM_WEBHOOK_SECRET
	AllowedUsers          string // RAPPORT_ALLOWED_USERS, comma-separated
	Listen                string // RAPPORT_LISTEN, the webhook server's address
}

// loadConfig reads the environment; flags parsed later override it.
func loadConfig(getenv func(string) string) (Config, error) {
	c := Config{DB: getenv("RAPPORT_DB"), TelegramToken: getenv("TELEGRAM_BOT_TOKEN"), SlackToken: getenv("SLACK_BOT_TOKEN"),
		TelegramEndpoint: getenv("TELEGRAM_API_ENDPOINT"), TelegramWebhookURL: getenv("TELEGRAM_WEBHOOK_URL"),
		TelegramWebhookSecret: getenv("TELEGRAM_WEBHOOK_SECRET"), AllowedUsers: getenv("RAPPORT_ALLOWED_USERS"),
		Listen: getenv("RAPPORT_LISTEN")}
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
  bot [--db PATH]                  Rapport on Telegram when TELEGRAM_BOT_TOKEN is set,
                                   else chat in the terminal
  bot chat [--db PATH]             chat in the terminal
  bot telegram [--db PATH]         Rapport on Telegram, until SIGINT or SIGTERM
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
  TELEGRAM_BOT_TOKEN  the token @BotFather gave your bot; set, bot runs on Telegram
                      (long polling unless TELEGRAM_WEBHOOK_URL is set)
  TELEGRAM_API_ENDPOINT
                      a self-hosted Bot API server, e.g. http://host:8081 (the
                      SDK's bot-pattern form works too; default api.telegram.org)
  TELEGRAM_WEBHOOK_URL
                      receive updates at this https URL instead of polling; the
                      bot serves its path on RAPPORT_LISTEN
  TELEGRAM_WEBHOOK_SECRET
                      required with TELEGRAM_WEBHOOK_URL: 1-256 of A-Z a-z 0-9 _ -
  RAPPORT_LISTEN      address of the webhook server (default :8080; also /healthz)
  RAPPORT_ALLOWED_USERS
                      who may use the bot, comma-separated: telegram:<id>,
                      telegram:@name (a bare id or @name means Telegram); unset,
                      anyone may (each user's data is kept apart)
  SLACK_BOT_TOKEN     reserved for the Slack adapter, not in this build yet

In the chat, /help lists the commands; /export saves its CSV in the current
directory. Piped input is a script: each line is a
message, and the lines after a line "/import" up to a blank line are one list.
`

func isHelp(a string) bool {
	return a == "-h" || a == "--help" || a == "-help" || a == "help"
}

func trimFlagErr(err error) string { return strings.TrimSpace(err.Error()) }
