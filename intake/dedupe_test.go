package intake

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// parseText is a test helper: Parse on pasted text.
func parsePaste(t *testing.T, text string) Result {
	t.Helper()
	res, err := Parse(context.Background(), strings.NewReader(text), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return res
}

func names(res Result) []string {
	var out []string
	for _, c := range res.Contacts {
		out = append(out, c.FullName+"|"+c.Email+"|"+c.Company)
	}
	return out
}

func TestDeduplication(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   []string
		merged int
	}{
		{"same email, other case and spaces", "Jane Doe <Jane.Doe@Acme.example>\nJ. Doe -   JANE.DOE@ACME.EXAMPLE  ",
			[]string{"Jane Doe|jane.doe@acme.example|"}, 1},
		{"same name and company, no email", "Jane Doe - Acme Corp\njane doe - ACME",
			[]string{"Jane Doe||Acme Corp"}, 1},
		{"same name, one company missing", "Jane Doe\nJane Doe - Acme",
			[]string{"Jane Doe||Acme"}, 1},
		{"same name, different companies", "Jane Doe - Acme\nJane Doe - Globex",
			[]string{"Jane Doe||Acme", "Jane Doe||Globex"}, 0},
		{"same name, two different emails: two people", "Jane Doe <jane@acme.example>\nJane Doe <jane@globex.example>",
			[]string{"Jane Doe|jane@acme.example|", "Jane Doe|jane@globex.example|"}, 0},
		{"same name, email on one side only: two people", "Jane Doe <jane@acme.example>\nJane Doe",
			[]string{"Jane Doe|jane@acme.example|", "Jane Doe||"}, 0},
		{"accents and honorifics do not split a person", "José Álvarez - Contoso\nDr. Jose Alvarez - Contoso Ltd.",
			[]string{"José Álvarez||Contoso"}, 1},
		{"same LinkedIn profile", "Sara Lindgren https://www.linkedin.com/in/sara-l\nS. Lindgren linkedin.com/in/sara-l/",
			[]string{"Sara Lindgren||"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parsePaste(t, tt.text)
			if got := names(res); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("contacts = %q, want %q", got, tt.want)
			}
			if res.Merged != tt.merged {
				t.Errorf("merged = %d, want %d", res.Merged, tt.merged)
			}
			if len(res.Skipped) != 0 {
				t.Errorf("merged duplicates must not be in Skipped: %+v", res.Skipped)
			}
		})
	}
}

// TestMergeKeepsEveryValue checks that a merge fills the first contact's
// empty fields from the duplicate, keeps the first's values and position,
// and unites the addresses in first-seen order.
func TestMergeKeepsEveryValue(t *testing.T) {
	text := "Jane Doe <jane@acme.example>\n" +
		"Bob Smith - Initech\n" +
		"Jane Doe, CTO at Acme <JANE@acme.example>\n"
	res := parsePaste(t, text)
	if len(res.Contacts) != 2 || res.Merged != 1 {
		t.Fatalf("got %d contacts, %d merged: %+v", len(res.Contacts), res.Merged, res.Contacts)
	}
	jane := res.Contacts[0]
	if jane.Source != "line 1" || jane.Title != "CTO" || jane.Company != "Acme" {
		t.Errorf("merged contact = %+v", jane)
	}

	a := Contact{FullName: "Jane Doe", Emails: []string{"jane@acme.example"}, Email: "jane@acme.example", Company: "Acme", Notes: "met in Lisbon"}
	b := Contact{FullName: "Jane Doe", Emails: []string{"jane@home.example", "jane@acme.example"}, Company: "Globex", Phone: "+1 555 0100", Notes: "likes tea"}
	mergeInto(&a, &b)
	want := Contact{FullName: "Jane Doe", Emails: []string{"jane@acme.example", "jane@home.example"}, Email: "jane@acme.example",
		Company: "Acme", Phone: "+1 555 0100", Notes: "met in Lisbon; likes tea"}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("mergeInto = %+v\nwant %+v", a, want)
	}
}

func TestNameKey(t *testing.T) {
	same := [][2][2]string{
		{{"José Álvarez", "Contoso Ltd"}, {"JOSE ALVAREZ", "contoso"}},
		{{"Dr. Andrew J. Birol III", ""}, {"Andrew Birol", ""}},
		{{"Bob 'Bobby' Smith", "Initech"}, {"Bob Smith", "Initech, Inc."}},
		{{"Doe, Jane", ""}, {"Jane Doe", ""}},
		{{"Mary-Kate O'Neil", ""}, {"MARY-KATE ONEIL", ""}},
		{{"山田 花子", ""}, {"山田花子", ""}},
	}
	for _, p := range same {
		a, b := NameKey(p[0][0], p[0][1]), NameKey(p[1][0], p[1][1])
		if a != b || a == "" {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	if k := NameKey("Jane Doe", "Acme Corp."); k != "jane doe|acme" {
		t.Errorf("NameKey = %q, want %q", k, "jane doe|acme")
	}
	if k := NameKey("", "Acme"); k != "" {
		t.Errorf("NameKey without a name = %q, want empty", k)
	}
}

func TestSamePerson(t *testing.T) {
	jane := Contact{FullName: "Jane Doe", Company: "Acme"}
	tests := []struct {
		a, b Contact
		want bool
	}{
		{Contact{FullName: "Jane Doe", Email: "j@a.example", Emails: []string{"j@a.example"}}, Contact{FullName: "J. D.", Email: "j@a.example", Emails: []string{"j@a.example"}}, true},
		{Contact{FullName: "Jane Doe", Email: "j@a.example", Emails: []string{"j@a.example"}}, Contact{FullName: "Jane Doe", Email: "j@b.example", Emails: []string{"j@b.example"}}, false},
		{jane, Contact{FullName: "JANE DOE", Company: "ACME Inc"}, true},
		{jane, Contact{FullName: "Jane Doe"}, true},
		{jane, Contact{FullName: "Jane Doe", Company: "Globex"}, false},
		{jane, Contact{FullName: "Jane Doe", Email: "j@a.example", Emails: []string{"j@a.example"}}, false},
		{Contact{FullName: "S L", LinkedInURL: linkedInPrefix + "sara"}, Contact{FullName: "Sara Lindgren", LinkedInURL: linkedInPrefix + "sara"}, true},
	}
	for _, tt := range tests {
		if got := SamePerson(tt.a, tt.b); got != tt.want {
			t.Errorf("SamePerson(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
