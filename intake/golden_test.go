package intake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden is what a fixture is expected to give: a result, or a refusal.
type golden struct {
	Result *Result `json:"result,omitempty"`
	Error  string  `json:"error,omitempty"`
	Kind   string  `json:"kind,omitempty"`
}

// errorKind names the sentinel an error matches.
func errorKind(err error) string {
	for _, k := range []struct {
		err  error
		name string
	}{{ErrTooLarge, "too_large"}, {ErrSpreadsheet, "spreadsheet"}, {ErrBinary, "binary"}, {ErrUnreadable, "unreadable"}} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "other"
}

// fixtureName is the Options.Name a fixture is parsed with: "" for
// *.paste files, which stand for text pasted into the chat.
func fixtureName(file string) string {
	if strings.HasSuffix(file, ".paste") {
		return ""
	}
	return file
}

// TestGolden parses every file in testdata/cases and compares the whole
// result with testdata/golden/<file>.json. Run with -update to rewrite the
// golden files after a deliberate change, then review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		file := filepath.Base(path)
		t.Run(file, func(t *testing.T) {
			got := parseFixture(t, path, fixtureName(file))
			goldenPath := filepath.Join("testdata", "golden", file+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("no golden file (run go test -run TestGolden -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s\n--- got\n%s\n--- want\n%s", goldenPath, got, want)
			}
		})
	}
}

// parseFixture parses one fixture and renders the golden document.
func parseFixture(t *testing.T, path, name string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Parse(context.Background(), f, Options{Name: name})
	var g golden
	if err != nil {
		g.Error, g.Kind = err.Error(), errorKind(err)
	} else {
		g.Result = &res
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
