package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rapport-bot/rapport/store/sqlite"
)

// botBin is the bot binary built once for the end-to-end tests.
var botBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rapport-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	botBin = filepath.Join(dir, "bot")
	build := exec.Command("go", "build", "-o", botBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build bot:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBot runs the built binary to completion with stdin and returns its
// output and exit status.
func runBot(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runBotIn(t, "", stdin, args...)
}

// runBotIn is runBot in working directory dir ("" for the test's own).
func runBotIn(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, botBin, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_DATA_HOME=", "RAPPORT_DB=", "TELEGRAM_BOT_TOKEN=", "SLACK_BOT_TOKEN=")
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run bot: %v", err)
	}
	return out.String(), errb.String(), 0
}

// draftEntry is one person of /drafts as printed in the terminal.
type draftEntry struct {
	name, plan string
	chars      int
	draft      string
}

var entryRe = regexp.MustCompile(`^(\d+)\. (.+?) — (.+?)(?: \((\d+)/(\d+) characters\))?$`)

// parseDrafts reads the /drafts listing.
func parseDrafts(t *testing.T, out string) map[string]draftEntry {
	t.Helper()
	entries := map[string]draftEntry{}
	var cur *draftEntry
	var lines []string
	flush := func() {
		if cur != nil {
			cur.draft = strings.TrimSpace(strings.Join(lines, "\n"))
			entries[cur.name] = *cur
		}
		cur, lines = nil, nil
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if m := entryRe.FindStringSubmatch(line); m != nil {
			flush()
			cur = &draftEntry{name: m[2], plan: m[3]}
			fmt.Sscan(m[4], &cur.chars)
			continue
		}
		if cur != nil && strings.HasPrefix(line, "   ") {
			lines = append(lines, strings.TrimPrefix(line, "   "))
		} else if cur != nil && line == "" && len(lines) > 0 {
			flush()
		}
	}
	flush()
	return entries
}

// eventList is twelve people pasted from an event page.
const eventList = `/import
Jane Doe - Acme Corp
Bob Smith (CTO, Initech) bob@initech.example
Priya Natarajan, Head of Product at Globex
Marcus Chen – Umbrella Logistics
Sofia Rossi <sofia.rossi@example.com>
Tom O'Malley | Northwind
Ahmed Hassan - Hassan & Partners
Lina Berg - Berg Design
Chloé Dubois - Atelier Dubois
Kenji Watanabe - Kaizen Labs
Maria Garcia - Fundación Luz
Olu Adeyemi - Lagos Ventures
`

// storyScript is the terminal story of issue 3: /start, a pasted list of
// twelve, where they come from, and triage answered by option numbers,
// labels and sentences.
var storyScript = "/start\nAlex Morgan\n1\n" + eventList + "\nthe Founders Breakfast yesterday\n" + strings.Join([]string{
	// Jane: numbers
	"2", "2", "we talked about your bakery's new website",
	// Bob: one sentence answers segment, recognition and context
	"old client, knows me well, we rebuilt the Initech site", "on linkedin",
	// Priya: labels
	"Probably", "On LinkedIn", "your talk on product analytics",
	// Marcus: doesn't remember
	"don't remember",
	// Sofia: not sure → email first
	"not sure", "email first", "we shared a table at the breakfast",
	// Tom, Ahmed, Lina, Chloé, Kenji, Maria, Olu
	"definitely", "yes", "we both support the Northwind food bank",
	"2", "2", "your question about export rules",
	"probably", "on linkedin", "+1 on her idea",
	"2", "2", "Nothing to add",
	"1", "2", "our chat about Osaka",
	"probably", "yes", "the volunteering fair idea",
	"definitely", "on linkedin", `=HYPERLINK("http://evil.example","our walk to the station")`,
}, "\n") + "\n"

func TestTerminalStoryFromPasteToDrafts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	out, stderr, code := runBot(t, storyScript, "--db", db)
	if code != 0 {
		t.Fatalf("exit %d\nstderr: %s\nstdout: %s", code, stderr, out)
	}
	if !strings.Contains(out, "Found 12 people") {
		t.Fatalf("import not reported:\n%s", out)
	}
	if !strings.Contains(out, "Everyone I know of has a plan") {
		t.Fatalf("triage did not finish:\n%s", out)
	}
	out, _, code = runBot(t, "/drafts\n", "--db", db)
	if code != 0 {
		t.Fatalf("drafts exit %d", code)
	}
	if !regexp.MustCompile(`\d of 5 notes left this month`).MatchString(out) {
		t.Errorf("notes budget not shown:\n%s", out)
	}
	drafts := parseDrafts(t, out)
	contexts := map[string]string{
		"Jane": "bakery", "Bob": "Initech site", "Priya": "product analytics", "Sofia": "shared a table",
		"Tom": "food bank", "Ahmed": "export rules", "Lina": "+1 on her idea", "Kenji": "Osaka",
		"Maria": "volunteering fair", "Olu": "walk to the station",
	}
	for first, ctx := range contexts {
		e, ok := findDraft(drafts, first)
		if !ok {
			t.Errorf("%s has no draft; drafts: %v", first, keys(drafts))
			continue
		}
		if !strings.Contains(e.draft, first) {
			t.Errorf("%s's draft lacks the first name:\n%s", first, e.draft)
		}
		if !strings.Contains(e.draft, ctx) {
			t.Errorf("%s's draft lacks the context %q:\n%s", first, ctx, e.draft)
		}
		if strings.HasPrefix(e.plan, "invite with a note") {
			if n := utf8.RuneCountInString(e.draft); n > 200 || n != e.chars {
				t.Errorf("%s's note is %d characters (listed as %d), limit 200", first, n, e.chars)
			}
		}
	}
	if _, ok := findDraft(drafts, "Marcus"); ok {
		t.Errorf("Marcus (don't remember) should be skipped, has a draft")
	}
	if e, _ := findDraft(drafts, "Sofia"); !strings.HasPrefix(e.plan, "email first") {
		t.Errorf("Sofia (not sure) plan = %q, want email first", e.plan)
	}
	if e, _ := findDraft(drafts, "Chloé"); e.name == "" || e.plan == "" {
		t.Errorf("Chloé (nothing to add) has no plan: %+v", e)
	}
}

func findDraft(d map[string]draftEntry, first string) (draftEntry, bool) {
	for name, e := range d {
		if strings.HasPrefix(name, first+" ") || name == first {
			return e, true
		}
	}
	return draftEntry{}, false
}

func keys(m map[string]draftEntry) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	return k
}

// liveBot is a running bot whose stdin is written line by line.
type liveBot struct {
	t     *testing.T
	cmd   *exec.Cmd
	stdin io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer
	done  chan struct{}
}

func startBot(t *testing.T, args ...string) *liveBot {
	t.Helper()
	cmd := exec.Command(botBin, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "TELEGRAM_BOT_TOKEN=", "SLACK_BOT_TOKEN=")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	b := &liveBot{t: t, cmd: cmd, stdin: stdin, done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(b.done)
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			b.mu.Lock()
			b.out.Write(buf[:n])
			b.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { b.cmd.Process.Kill(); b.cmd.Wait() })
	return b
}

func (b *liveBot) output() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.out.String()
}

// send writes lines and waits until the output holds want (after what was
// already there). The deadline only stops a hung test; it asserts nothing
// about speed.
func (b *liveBot) send(lines, want string) {
	b.t.Helper()
	from := len(b.output())
	if _, err := io.WriteString(b.stdin, lines); err != nil {
		b.t.Fatalf("write: %v", err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(b.output()[from:], want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.t.Fatalf("waiting for %q after %q; output:\n%s", want, lines, b.output()[from:])
}

func TestKillDuringTriageResumesAtSamePerson(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	b := startBot(t, "--db", db)
	b.send("/start\nAlex Morgan\n", "free or Premium")
	b.send("1\n", "Paste a list")
	b.send(eventList+"\n", "Where do these 12 people come from?")
	b.send("the Founders Breakfast yesterday\n", "Would Jane recognise your name")
	b.send("2\n", "Is Jane on LinkedIn?")
	b.send("2\n", "Anything personal to mention to Jane?")
	b.send("we talked about your bakery's new website\n", "Would Bob recognise your name")
	b.send("old client, knows me well, we rebuilt the Initech site\n", "Is Bob on LinkedIn?")
	b.send("on linkedin\n", "Would Priya recognise your name")
	b.send("probably\n", "Is Priya on LinkedIn?")
	if err := b.cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	<-b.done
	b.cmd.Wait()

	again := startBot(t, "--db", db)
	again.send("/next\n", "Is Priya on LinkedIn?")
	again.send("on linkedin\n", "Anything personal to mention to Priya?")
	again.send("your talk on product analytics\n", "Marcus")
	again.send("/drafts\n", "/drafts N")
	drafts := parseDrafts(t, again.output())
	for first, ctx := range map[string]string{"Jane": "bakery", "Bob": "Initech site", "Priya": "product analytics"} {
		e, ok := findDraft(drafts, first)
		if !ok || !strings.Contains(e.draft, ctx) {
			t.Errorf("after the restart %s's draft lacks %q: %+v", first, ctx, e)
		}
	}
	if e, _ := findDraft(drafts, "Bob"); !strings.HasPrefix(e.plan, "invite without a note") {
		t.Errorf("Bob (knows me well) plan = %q; his answers were not kept", e.plan)
	}
}

func TestControlCharactersAreShownHarmlessly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	script := "/start\nAlex\x1b[31m Morgan\n1\n/import\nEve \x1b[2J Mallory <eve@evil.example>\nZed Zulu - Zeta \x07Corp\n\nmy address book\nclient\ndefinitely\nyes\nwe met at the \x1b]0;pwned\x07 booth\n"
	out, _, code := runBot(t, script, "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("raw control characters reached the terminal:\n%q", out)
	}
	for _, want := range []string{"Zed Zulu", "booth", "eve@evil.example"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q, around a control sequence, is not shown:\n%s", want, out)
		}
	}
}

func TestDatabaseRefusalsLeaveTheFileAlone(t *testing.T) {
	dir := t.TempDir()
	notSQLite := filepath.Join(dir, "photo.db")
	os.WriteFile(notSQLite, bytes.Repeat([]byte{0xff, 0xd8, 0x00, 0x42}, 1000), 0o644)
	otherApp := filepath.Join(dir, "other.db")
	makeForeignDB(t, otherApp)
	newer := filepath.Join(dir, "newer.db")
	makeNewerDB(t, newer)
	for name, c := range map[string]struct{ path, want string }{
		"not SQLite":      {notSQLite, "is not a Rapport database"},
		"another program": {otherApp, "belongs to another program"},
		"newer Rapport":   {newer, "written by a newer version of Rapport"},
	} {
		t.Run(name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			_, stderr, code := runBot(t, "/start\n", "--db", c.path)
			if code == 0 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("exit %d, stderr %q; want non-zero and one line with %q", code, stderr, c.want)
			}
			if after, _ := os.ReadFile(c.path); !bytes.Equal(before, after) {
				t.Errorf("the file changed")
			}
		})
	}
	t.Run("in use", func(t *testing.T) {
		db := filepath.Join(dir, "busy.db")
		first := startBot(t, "--db", db)
		first.send("/help\n", "/forget")
		_, stderr, code := runBot(t, "/start\n", "--db", db)
		if code == 0 || !strings.Contains(stderr, "in use by another Rapport process") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
}

// makeForeignDB writes a SQLite database of some other program.
func makeForeignDB(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)`); err != nil {
		t.Fatal(err)
	}
}

// makeNewerDB writes a Rapport database as a later version would: a schema
// version beyond the one this binary knows.
func makeNewerDB(t *testing.T, path string) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", sqlite.SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
}
