package intake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// addSeeds adds the fixtures whose names end with one of exts.
func addSeeds(f *testing.F, exts ...string) {
	f.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	for _, path := range files {
		for _, ext := range exts {
			if strings.HasSuffix(path, ext) {
				data, err := os.ReadFile(path)
				if err != nil {
					f.Fatal(err)
				}
				f.Add(data)
			}
		}
	}
}

var skipKinds = map[string]bool{
	KindDuplicate: true, KindEmptyRow: true, KindNoIdentity: true, KindNotAttending: true,
	KindPlaceholder: true, KindInvalid: true, KindSelf: true, KindBot: true, KindSystemAddress: true,
}

// checkParse parses data under name and checks what must hold for any
// input: no panic, a refusal is an *Error with a message, a result keeps
// every promise of its documentation, and parsing is deterministic.
func checkParse(t *testing.T, data []byte, name string) {
	slow := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("Parse took over 5s on %q", data)) })
	defer slow.Stop()
	res, err := Parse(context.Background(), bytes.NewReader(data), Options{Name: name})
	if err != nil {
		var ie *Error
		if !errors.As(err, &ie) || ie.Error() == "" {
			t.Fatalf("error %v (%T) is not a refusal with a message", err, err)
		}
		return
	}
	if res.Contacts == nil || res.Skipped == nil || res.Format == "" || res.Merged < 0 || res.Ignored < 0 {
		t.Fatalf("malformed result: %+v", res)
	}
	for _, c := range res.Contacts {
		checkContact(t, c)
	}
	for _, s := range res.Skipped {
		if !skipKinds[s.Kind] || s.Reason == "" || s.Line < 1 {
			t.Fatalf("bad skip %+v", s)
		}
	}
	first, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Parse(context.Background(), bytes.NewReader(data), Options{Name: name})
	if second, _ := json.Marshal(again); !bytes.Equal(first, second) {
		t.Fatalf("not deterministic:\n%s\n%s", first, second)
	}
}

func checkContact(t *testing.T, c Contact) {
	t.Helper()
	if c.FullName == "" && c.Email == "" && c.LinkedInURL == "" {
		t.Fatalf("contact without identity: %+v", c)
	}
	if c.Emails == nil || (c.Email == "") != (len(c.Emails) == 0) || (c.Email != "" && c.Email != c.Emails[0]) {
		t.Fatalf("Email and Emails disagree: %+v", c)
	}
	for _, e := range c.Emails {
		if n, ok := normEmail(e); !ok || n != e {
			t.Fatalf("address %q is not normalised", e)
		}
	}
	if c.LinkedInURL != "" && normLinkedIn(c.LinkedInURL) != c.LinkedInURL {
		t.Fatalf("profile %q is not normalised", c.LinkedInURL)
	}
	for _, s := range []string{c.FullName, c.FirstName, c.LastName, c.Company, c.Title, c.Phone, c.Notes} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %+v", c)
		}
	}
	if c.Line < 1 || c.Source == "" {
		t.Fatalf("contact without a source line: %+v", c)
	}
}

func FuzzParseText(f *testing.F) {
	addSeeds(f, ".paste", ".txt")
	f.Add([]byte("Jane Doe - Acme\n\"Doe, Jane\" <jane@acme.example>; Bob <b@x.example>\n(You)\n• 2nd\nCTO at Acme"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data, "") })
}

func FuzzParseCSV(f *testing.F) {
	addSeeds(f, ".csv")
	f.Add([]byte("Name,Email\n\"Doe, Jane\",jane@acme.example\n\"unclosed,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data, "contacts.csv") })
}

func FuzzParseVCard(f *testing.F) {
	addSeeds(f, ".vcf")
	f.Add([]byte("BEGIN:VCARD\r\nN;ENCODING=QUOTED-PRINTABLE:=C3=81=\r\nlvarez;Jos=C3=A9\r\nEND:VCARD\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data, "contacts.vcf") })
}
