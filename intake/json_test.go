package intake

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestResultJSONShape pins the document `bot import --dry-run --json`
// prints: every key present, in this order, arrays never null.
func TestResultJSONShape(t *testing.T) {
	res, err := Parse(context.Background(), strings.NewReader("Jane Doe - Acme\nRachel Wong (Host, me)\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":"pasted_text","contacts":[{"full_name":"Jane Doe","first_name":"Jane","last_name":"Doe","email":"","emails":[],"company":"Acme","title":"","phone":"","linkedin_url":"","source":"line 1","notes":""}],"merged":0,"ignored":0,"skipped":[{"line":2,"kind":"self","reason":"marked as you, the person importing"}]}`
	if string(b) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", b, want)
	}

	empty, err := Parse(context.Background(), strings.NewReader(""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(empty)
	if string(b) != `{"format":"pasted_text","contacts":[],"merged":0,"ignored":0,"skipped":[]}` {
		t.Errorf("empty JSON = %s", b)
	}
}
