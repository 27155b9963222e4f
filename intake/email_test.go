package intake

import (
	"reflect"
	"testing"
)

func TestNormEmail(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Jane.Doe@Example.COM", "jane.doe@example.com", true},
		{"  AMARA.OKAFOR@GLOBEX.EXAMPLE \t", "amara.okafor@globex.example", true},
		{"<bob@initech.example>", "bob@initech.example", true},
		{"mailto:kofi@example.gh?subject=hi", "kofi@example.gh", true},
		{"o'neil+news@example.ie", "o'neil+news@example.ie", true},
		{"josé@exämple.de", "josé@exämple.de", true},
		{"name(at)example.com", "", false},
		{"jane@acme", "", false},
		{"jane@@acme.com", "", false},
		{"jane doe@acme.com", "", false},
		{".jane@acme.com", "", false},
		{"jane..doe@acme.com", "", false},
		{"jane@-acme.com", "", false},
		{"jane@acme.c", "", false},
		{"/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jane", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := normEmail(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("normEmail(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNameFromEmail(t *testing.T) {
	for in, want := range map[string]string{
		"jane.doe@acme.com":       "Jane Doe",
		"john_smith42@globex.com": "John Smith",
		"mary-kate.oneil@x.org":   "Mary-Kate Oneil",
		"jean-luc-picard@x.org":   "Jean Luc Picard",
		"anna.van.berg@x.nl":      "Anna van Berg",
		"jane.doe+news@acme.com":  "Jane Doe",
		"jdoe@initech.com":        "",
		"jane@acme.com":           "",
		"dana.w@example.com":      "",
		"info.sales@acme.com":     "",
		"j.doe@acme.com":          "",
		"a.b.c.d@acme.com":        "",
	} {
		if got := nameFromEmail(in); got != want {
			t.Errorf("nameFromEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSystemAddress(t *testing.T) {
	for in, want := range map[string]bool{
		"noreply@events.example":          true,
		"no-reply@accounts.example":       true,
		"messages-noreply@linkedin.com":   true,
		"mailer-daemon@mail.example":      true,
		"bounces+1234@sendgrid.example":   true,
		"notifications@github.com":        true,
		"info@umbrella.example":           false,
		"sales@northwind-traders.example": false,
		"noreen@example.com":              false,
	} {
		if got := isSystemAddress(in); got != want {
			t.Errorf("isSystemAddress(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFindEmails(t *testing.T) {
	line := `Jane <Jane@Acme.example>, (bob@initech.example) mailto:kofi@example.gh; «eve@example.org».`
	var got []string
	for _, sp := range findEmails(line) {
		got = append(got, sp.addr)
	}
	want := []string{"jane@acme.example", "bob@initech.example", "kofi@example.gh", "eve@example.org"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findEmails = %q, want %q", got, want)
	}
}

func TestSplitEmailCell(t *testing.T) {
	got := splitEmailCell("a@x.example ::: b@y.example; c@z.example, d@w.example")
	want := []string{"a@x.example", "b@y.example", "c@z.example", "d@w.example"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("splitEmailCell = %q, want %q", got, want)
	}
}
