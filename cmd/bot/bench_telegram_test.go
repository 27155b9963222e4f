package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

// BenchmarkTelegramIdleRSS measures the resident memory of the built bot
// on Telegram (long polling, default settings and limits, an empty
// SQLite database): idle once started, and idle again after 100 users
// each sent /start (two replies each, paced at Telegram's 30 messages/s,
// so a run takes about 7 s). The fake Bot API server runs in the test
// process, not in the bot's.
func BenchmarkTelegramIdleRSS(b *testing.B) {
	for range b.N {
		srv := telegramtest.NewServer()
		cmd, stderr := startTelegramBot(b, srv, filepath.Join(b.TempDir(), "rapport.db"))
		waitPolling(b, srv, 1)
		b.ReportMetric(rssMB(b, cmd.Process.Pid), "idle_RSS_MB")
		var ids []int
		for i := range 100 {
			ids = append(ids, srv.SendText(telegramtest.User{ID: int64(300000 + i), FirstName: "U"}, "/start"))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		if err := srv.WaitHandled(ctx, ids...); err != nil {
			b.Fatalf("%v\n%s", err, stderr)
		}
		cancel()
		b.ReportMetric(rssMB(b, cmd.Process.Pid), "RSS_MB_after_100_users")
		stopBot(b, cmd)
		srv.Close()
	}
}

// waitPolling waits until the bot has made n getUpdates calls: it is then
// idle in a long poll.
func waitPolling(b *testing.B, srv *telegramtest.Server, n int) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := srv.WaitFor(ctx, func() bool { return srv.Polls() >= n })
	if err != nil {
		b.Fatal(err)
	}
}

// rssMB reads a process's resident set size from /proc (Linux).
func rssMB(b *testing.B, pid int) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				b.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}
