package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// lockedBuffer collects a child's stderr while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startTelegramBot starts the built binary against the fake with the
// given extra environment, and waits until it is receiving updates.
func startTelegramBot(t testing.TB, srv *telegramtest.Server, db string, env ...string) (*exec.Cmd, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(botBin, "--db", db)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_DATA_HOME=", "RAPPORT_DB=", "SLACK_BOT_TOKEN=",
		"TELEGRAM_BOT_TOKEN="+telegramtest.Token, "TELEGRAM_API_ENDPOINT="+srv.URL,
		"TELEGRAM_WEBHOOK_URL=", "TELEGRAM_WEBHOOK_SECRET=", "RAPPORT_ALLOWED_USERS=", "RAPPORT_LISTEN=")
	cmd.Env = append(cmd.Env, env...)
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := srv.WaitFor(ctx, func() bool {
		for _, s := range srv.Sent() {
			if s.Method == "deleteWebhook" || s.Method == "setWebhook" {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("the bot did not start: %v\n%s", err, stderr)
	}
	return cmd, stderr
}

// stopBot sends SIGTERM and returns the exit code.
func stopBot(t testing.TB, cmd *exec.Cmd) int {
	t.Helper()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		return 0
	case <-time.After(30 * time.Second):
		t.Fatal("the bot did not stop on SIGTERM")
		return -1
	}
}

// TestTelegramThroughTheBinary: with TELEGRAM_BOT_TOKEN set, `bot` runs on
// Telegram (long polling), answers, stops cleanly on SIGTERM with its
// offset saved, and logs neither the token nor what the user wrote.
func TestTelegramThroughTheBinary(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "rapport.db")
	cmd, stderr := startTelegramBot(t, srv, db)
	alex := telegramtest.User{ID: 1001, FirstName: "Alex", LastName: "Morgan"}
	id := srv.SendText(alex, "/start")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.WaitHandled(ctx, id); err != nil {
		t.Fatalf("/start not handled: %v\n%s", err, stderr)
	}
	if got := srv.SentTo(alex.ID, "sendMessage"); len(got) < 2 || !strings.Contains(got[len(got)-1].Text, "How should I sign") {
		t.Errorf("/start through the binary: %+v", got)
	}
	if n := len(srv.Commands()); n < 16 {
		t.Errorf("command menu has %d commands", n)
	}
	if code := stopBot(t, cmd); code != 0 {
		t.Errorf("exit %d after SIGTERM\n%s", code, stderr)
	}
	if v := srv.Violations(); len(v) > 0 {
		t.Errorf("Telegram would refuse: %v", v)
	}
	logs := stderr.String()
	if strings.Contains(logs, telegramtest.Token) || strings.Contains(logs, "/start") || strings.Contains(logs, "Alex") {
		t.Errorf("the log holds the token or message text:\n%s", logs)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if off, _, _ := st.TelegramOffset(context.Background(), srv.Me.ID); off != id+1 {
		t.Errorf("saved offset %d, want %d", off, id+1)
	}
}

// TestTelegramWebhookThroughTheBinary: webhook mode from the environment.
func TestTelegramWebhookThroughTheBinary(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	addr := freeAddr(t)
	url := "http://" + addr + "/tg/hook"
	cmd, stderr := startTelegramBot(t, srv, filepath.Join(t.TempDir(), "rapport.db"),
		"TELEGRAM_WEBHOOK_URL="+url, "TELEGRAM_WEBHOOK_SECRET=bin-Secret_1", "RAPPORT_LISTEN="+addr)
	if wh, _ := srv.Webhook(); wh.URL != url || wh.Secret != "bin-Secret_1" {
		t.Fatalf("webhook %+v", wh)
	}
	alex := telegramtest.User{ID: 1001, FirstName: "Alex"}
	id := srv.SendText(alex, "/start")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.WaitHandled(ctx, id); err != nil {
		t.Fatalf("/start not delivered: %v\n%s", err, stderr)
	}
	if code := stopBot(t, cmd); code != 0 {
		t.Errorf("exit %d after SIGTERM\n%s", code, stderr)
	}
}

func TestTelegramRefusesBadSettings(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	for name, env := range map[string][]string{
		"webhook without secret":  {"TELEGRAM_WEBHOOK_URL=https://bot.example/hook"},
		"allowed user unreadable": {"RAPPORT_ALLOWED_USERS=telegram:bob"},
		"wrong token":             {"TELEGRAM_BOT_TOKEN=123456:WRONG-token-for-the-fake"},
	} {
		db := filepath.Join(t.TempDir(), "rapport.db")
		cmd := exec.Command(botBin, "--db", db)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "TELEGRAM_BOT_TOKEN="+telegramtest.Token,
			"TELEGRAM_API_ENDPOINT="+srv.URL, "TELEGRAM_WEBHOOK_URL=", "TELEGRAM_WEBHOOK_SECRET=", "RAPPORT_ALLOWED_USERS=")
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("%s: err %v, want exit 1\n%s", name, err, out)
		}
		if lines := strings.Count(strings.TrimSpace(string(out)), "\n"); lines > 3 || strings.Contains(string(out), "WRONG-token") {
			t.Errorf("%s: want a short message without the token:\n%s", name, out)
		}
		if _, err := os.Stat(db); name != "wrong token" && err == nil {
			t.Errorf("%s: the database was created before the settings were checked", name)
		}
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
