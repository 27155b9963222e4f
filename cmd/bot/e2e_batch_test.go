package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestTerminalStoryContinuesToBatchExportAndForget goes on from the story of
// TestTerminalStoryFromPasteToDrafts: /batch → /sent 1 2 → /stats →
// /export → the same list again → /forget.
func TestTerminalStoryContinuesToBatchExportAndForget(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	if out, stderr, code := runBot(t, storyScript, "--db", db); code != 0 {
		t.Fatalf("story: exit %d: %s\n%s", code, stderr, out)
	}

	out, _, _ := runBotIn(t, dir, "/batch\n", "--db", db)
	// PRODUCT.md flow 5: recognition first (all are on LinkedIn and from
	// the same recent event), then segment (Bob is a client), then import
	// order; ten a day.
	want := []string{"Bob", "Tom", "Kenji", "Olu", "Jane", "Priya", "Ahmed", "Lina", "Chloé", "Maria"}
	got := regexp.MustCompile(`(?m)^(\d+)\. (\S+)`).FindAllStringSubmatch(out, -1)
	var names []string
	for _, m := range got {
		names = append(names, m[2])
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("batch order = %v\nwant %v\n%s", names, want, out)
	}
	if !strings.Contains(out, "Emails first") || !strings.Contains(out, "Sofia") {
		t.Errorf("Sofia (email first) is not in the separate email list:\n%s", out)
	}
	if strings.Contains(out, "Marcus") {
		t.Errorf("Marcus (don't remember) is in the batch:\n%s", out)
	}
	if !strings.Contains(out, "linkedin.com/search/results/people/?keywords=Bob+Smith") {
		t.Errorf("no people-search link for Bob:\n%s", out)
	}

	out, _, _ = runBotIn(t, dir, "/sent 1 2\n/stats\n/export\n", "--db", db)
	for _, w := range []string{"Marked 2 sent: Bob, Tom", "2 sent", "Saved to "} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	checkExport(t, dir, "rapport-export-*.csv")
	if _, stderr, code := runBotIn(t, dir, "", "export", "--db", db, "--out", filepath.Join(dir, "cli.csv")); code != 0 {
		t.Fatalf("bot export: exit %d: %s", code, stderr)
	}
	checkExport(t, dir, "cli.csv")

	out, _, _ = runBotIn(t, dir, eventList+"\n", "--db", db)
	if !strings.Contains(out, "12 of them I already know") || !strings.Contains(out, "0 are new") ||
		strings.Contains(out, "Where do these") || strings.Contains(out, "recognise") {
		t.Errorf("re-import added or asked again:\n%s", out)
	}

	out, _, _ = runBotIn(t, dir, "/forget\nyes\n", "--db", db)
	if !strings.Contains(out, "deleted everything") {
		t.Fatalf("forget not confirmed:\n%s", out)
	}
	if n := rowsLeft(t, db); n != 0 {
		t.Errorf("%d rows of the forgotten user remain", n)
	}
}

// checkExport reads the exported CSV: every person is there, and no cell
// can run as a formula.
func checkExport(t *testing.T, dir, pattern string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(files) != 1 {
		t.Fatalf("export files: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("export is not valid CSV: %v", err)
	}
	if len(rows) != 13 {
		t.Errorf("export has %d rows, want a header and 12 people", len(rows))
	}
	cells := strings.Join(rows[0], ",")
	for _, w := range []string{"full_name", "plan", "draft", "status"} {
		if !strings.Contains(cells, w) {
			t.Errorf("export header lacks %s: %s", w, cells)
		}
	}
	var sawPlus, sawFormula bool
	for _, row := range rows[1:] {
		for _, c := range row {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell can run as a formula: %q", c)
			}
			sawPlus = sawPlus || c == "'+1 on her idea"
			sawFormula = sawFormula || strings.HasPrefix(c, `'=HYPERLINK(`)
		}
	}
	if !sawPlus || !sawFormula {
		t.Errorf("the neutralised contexts are missing (plus %v, formula %v)", sawPlus, sawFormula)
	}
}

// rowsLeft counts the rows left in every table of the database.
func rowsLeft(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	total := 0
	for _, tb := range tables {
		if tb == "schema_migrations" {
			continue
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM "`+tb+`"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			t.Logf("table %s: %d rows", tb, n)
		}
		total += n
	}
	return total
}
