package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"

	"golang.org/x/term"

	"github.com/rapport-bot/rapport/adapters/terminal"
	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// localUser is the one user of the terminal chat and the local subcommands.
const localUser = "terminal:local"

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

// Run is the whole program behind main: it parses args, runs a subcommand
// and returns the exit status. Tests call it directly.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := loadConfig(os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, "bot:", err)
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	slog.SetDefault(logger)
	cmd := "chat"
	if cfg.TelegramToken != "" {
		cmd = "telegram"
	}
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
		cmd, args = args[0], args[1:]
	}
	if len(args) > 0 && isHelp(args[0]) || isHelp(cmd) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	switch cmd {
	case "chat":
		err = runChat(ctx, cfg, args, stdin, stdout, stderr)
	case "telegram":
		err = runTelegram(ctx, cfg, args, stderr)
	case "import":
		err = runImport(ctx, cfg, args, stdin, stdout, stderr)
	case "export":
		err = runExport(ctx, cfg, args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "rapport", buildVersion())
		return 0
	default:
		fmt.Fprintf(stderr, "bot: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintln(stderr, "bot:", err)
	return 1
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// openEngine opens the database and builds the engine on it.
func openEngine(ctx context.Context, cfg Config) (*coach.Engine, func() error, error) {
	st, err := sqlite.Open(ctx, cfg.DB)
	if err != nil {
		return nil, nil, dbError(cfg.DB, err)
	}
	return coach.New(st, coach.Options{Logger: slog.Default()}), st.Close, nil
}

// runChat is the terminal chat.
func runChat(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := cfg.flags("chat", stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if cfg.SlackToken != "" {
		slog.Warn("SLACK_BOT_TOKEN is set, but this build has no Slack adapter yet; opening the terminal chat")
	}
	eng, closeDB, err := openEngine(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeDB()
	tty := isTTY(stdin) && isTTY(stdout)
	return terminal.Run(ctx, eng, stdin, stdout, terminal.Options{
		User:        localUser,
		Interactive: tty,
		Bold:        tty && os.Getenv("TERM") != "dumb" && os.Getenv("NO_COLOR") == "",
	})
}

// dbError turns a refusal to open the database into one line a user can
// act on; the file has been left untouched in every case.
func dbError(path string, err error) error {
	switch {
	case errors.Is(err, sqlite.ErrNotSQLite):
		return fmt.Errorf("%s is not a Rapport database (not SQLite at all); I left it untouched. Choose another file with --db or RAPPORT_DB", path)
	case errors.Is(err, sqlite.ErrNotRapport):
		return fmt.Errorf("%s belongs to another program, not Rapport; I left it untouched. Choose another file with --db or RAPPORT_DB", path)
	case errors.Is(err, sqlite.ErrTooNew):
		return fmt.Errorf("%s was written by a newer version of Rapport; upgrade Rapport to open it (I left it untouched)", path)
	case errors.Is(err, sqlite.ErrInUse):
		return fmt.Errorf("%s is in use by another Rapport process; close that one first", path)
	}
	return fmt.Errorf("open the database: %w", err)
}

func isTTY(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
