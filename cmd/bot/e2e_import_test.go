package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// contactFields are the fields every contact of `bot import --json` has.
var contactFields = []string{"full_name", "first_name", "last_name", "email", "emails", "company", "title", "phone", "linkedin_url", "source"}

// TestImportDryRunJSON runs `bot import --dry-run --json` on every intake
// fixture and compares its one JSON document with the fixture's golden
// result; inputs intake refuses exit 1 with one line on stderr.
func TestImportDryRunJSON(t *testing.T) {
	cases, err := filepath.Glob("../../intake/testdata/cases/*")
	if err != nil || len(cases) < 20 {
		t.Fatalf("fixtures: %v (%d)", err, len(cases))
	}
	for _, path := range cases {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			var golden struct {
				Result map[string]any `json:"result"`
				Error  string         `json:"error"`
			}
			raw, err := os.ReadFile(filepath.Join("../../intake/testdata/golden", name+".json"))
			if err != nil {
				t.Fatalf("no golden result: %v", err)
			}
			if err := json.Unmarshal(raw, &golden); err != nil {
				t.Fatal(err)
			}
			stdin, arg := "", path
			if strings.HasSuffix(name, ".paste") { // pasted text: no file name
				data, _ := os.ReadFile(path)
				stdin, arg = string(data), "-"
			}
			abs, _ := filepath.Abs(arg)
			if arg == "-" {
				abs = "-"
			}
			stdout, stderr, code := runBot(t, stdin, "import", "--dry-run", "--json", abs)
			if golden.Error != "" {
				if code != 1 || stdout != "" || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || stderr == "" {
					t.Errorf("refused input: exit %d, stdout %q, stderr %q; want 1, nothing, one line", code, stdout, stderr)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := decodeOne(t, stdout)
			if !reflect.DeepEqual(got, golden.Result) {
				t.Errorf("result differs from the golden one\n got %v\nwant %v", got, golden.Result)
			}
			checkShape(t, got)
		})
	}
}

// decodeOne decodes stdout, which must hold exactly one JSON document.
func decodeOne(t *testing.T, stdout string) map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	var extra any
	if err := dec.Decode(&extra); err != io.EOF {
		t.Fatalf("more than one JSON document: %v", extra)
	}
	return doc
}

// checkShape checks the document against the documented shape.
func checkShape(t *testing.T, doc map[string]any) {
	t.Helper()
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"contacts", "format", "ignored", "merged", "skipped"}) {
		t.Errorf("top-level keys %v", keys)
	}
	contacts, _ := doc["contacts"].([]any)
	for _, c := range contacts {
		m := c.(map[string]any)
		for _, f := range contactFields {
			if _, ok := m[f]; !ok {
				t.Errorf("contact lacks %q: %v", f, m)
			}
		}
		emails, ok := m["emails"].([]any)
		if !ok {
			t.Errorf("emails is not a list: %v", m["emails"])
		}
		if e := m["email"].(string); (e == "") != (len(emails) == 0) || e != "" && emails[0] != e {
			t.Errorf("email %q is not the preferred of %v", e, emails)
		}
	}
	for _, s := range doc["skipped"].([]any) {
		sk := s.(map[string]any)
		kinds := []string{"duplicate", "empty_row", "no_identity", "not_attending", "placeholder", "invalid", "self", "bot", "system_address"}
		if !slices.Contains(kinds, sk["kind"].(string)) || sk["line"].(float64) < 1 || sk["reason"] == "" {
			t.Errorf("bad skip %v", sk)
		}
	}
}

func TestImportUnreadableInput(t *testing.T) {
	_, stderr, code := runBot(t, "", "import", "--dry-run", "--json", filepath.Join(t.TempDir(), "missing.csv"))
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "missing.csv") {
		t.Errorf("exit %d, stderr %q; want 1 and one line naming the file", code, stderr)
	}
	xlsx := filepath.Join(t.TempDir(), "contacts.xlsx")
	os.WriteFile(xlsx, append([]byte("PK\x03\x04"), make([]byte, 200)...), 0o600)
	_, stderr, code = runBot(t, "", "import", "--dry-run", "--json", xlsx)
	if code != 1 || !strings.Contains(strings.ToLower(stderr), "csv") {
		t.Errorf("exit %d, stderr %q; want 1 and advice to export as CSV", code, stderr)
	}
}
