package prompts

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current templates")

// TestGolden renders every segment × kind × variant for each golden case
// and compares with testdata/<segment>.golden, so any change to a template
// or to the renderer shows up as a readable diff. Refresh with
// go test ./prompts/ -run TestGolden -update.
func TestGolden(t *testing.T) {
	l := Default()
	for _, seg := range l.Segments() {
		t.Run(seg, func(t *testing.T) {
			got := renderSegment(t, l, seg)
			path := filepath.Join("testdata", seg+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the rendered drafts; run with -update and review the diff.\n%s", path, firstDifference(string(want), got))
			}
		})
	}
}

func renderSegment(t *testing.T, l *Library, seg string) string {
	t.Helper()
	var b strings.Builder
	for _, kind := range Kinds() {
		for v := range l.Variants(seg, kind) {
			for _, c := range goldenCases {
				out, err := l.Draft(seg, kind, v, c.data, false)
				if err != nil {
					t.Errorf("%s %s variant %d, %s: %v", seg, kind, v+1, c.name, err)
				}
				fmt.Fprintf(&b, "=== %s · variant %d · %s · %d characters\n%s\n\n", kind, v+1, c.name, utf8.RuneCountInString(out), out)
			}
		}
	}
	return b.String()
}

// firstDifference shows the first line where two texts part, with its
// neighbours, which is enough to find the change.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant: %q\ngot:  %q", i+1, at(w, i), at(g, i))
		}
	}
	return ""
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}
