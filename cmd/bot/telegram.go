package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/remind"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// runTelegram is `bot telegram [--db PATH]`, and what `bot` runs when
// TELEGRAM_BOT_TOKEN is set: Rapport on Telegram until ctx ends (SIGINT or
// SIGTERM), then a graceful stop. It returns a one-line error for settings
// it cannot use and for a token Telegram refuses.
func runTelegram(ctx context.Context, cfg Config, args []string, stderr io.Writer) error {
	fs := cfg.flags("telegram", stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	o, err := telegramOptions(cfg)
	if err != nil {
		return err
	}
	st, err := sqlite.Open(ctx, cfg.DB)
	if err != nil {
		return dbError(cfg.DB, err)
	}
	defer st.Close()
	o.Offsets = st
	eng := &touchingEngine{Engine: coach.New(st, coach.Options{Logger: slog.Default()})}
	bot, err := telegram.New(ctx, eng, o)
	if err != nil {
		return telegramError(err, cfg)
	}
	r, err := openReminders(ctx, cfg.DB, eng.Engine, st, remind.Router{"telegram:": telegramNotifier{bot}})
	if err != nil {
		return err
	}
	defer r.Close()
	eng.s = r.s
	return runBoth(ctx, bot.Run, r)
}

// telegramOptions turns the configuration into the adapter's options.
func telegramOptions(cfg Config) (telegram.Options, error) {
	if cfg.TelegramToken == "" {
		return telegram.Options{}, errors.New("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather on Telegram and set the token it gives you")
	}
	allow, err := telegram.ParseAllowlist(strings.Split(cfg.AllowedUsers, ","))
	if err != nil {
		return telegram.Options{}, fmt.Errorf("RAPPORT_ALLOWED_USERS: %w", err)
	}
	o := telegram.Options{
		Token:         cfg.TelegramToken,
		Endpoint:      cfg.TelegramEndpoint,
		WebhookURL:    cfg.TelegramWebhookURL,
		WebhookSecret: cfg.TelegramWebhookSecret,
		Listen:        cfg.Listen,
		Allow:         allow,
		Logger:        slog.Default(),
	}
	return o, o.Validate() // before the database is opened or created
}

// telegramError phrases a failure to start on Telegram. The adapter's
// errors never hold the token.
func telegramError(err error, cfg Config) error {
	var te *tgbotapi.Error
	switch {
	case errors.As(err, &te) && (te.Code == 401 || te.Code == 404):
		return errors.New("Telegram refused TELEGRAM_BOT_TOKEN: check the token @BotFather gave you (it looks like 123456789:AA…)")
	case errors.As(err, &te):
		return fmt.Errorf("Telegram refused to start the bot: %w", err)
	case strings.Contains(err.Error(), "getMe"):
		where := cfg.TelegramEndpoint
		if where == "" {
			where = "api.telegram.org"
		}
		return fmt.Errorf("cannot reach the Telegram Bot API at %s: %w", where, err)
	}
	return err
}
