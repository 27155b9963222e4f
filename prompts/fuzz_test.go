package prompts

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzRender feeds arbitrary templates, data and limits to Validate,
// Render and Shorter. None may panic; Validate and Render must agree on
// what is valid; a draft must be valid UTF-8 within the limit, or the
// error must say why not.
func FuzzRender(f *testing.F) {
	l := Default()
	for _, seg := range l.Segments() {
		for _, kind := range Kinds() {
			f.Add(l.Source(seg, kind, 0), "Jane", "we rebuilt the Acme site in 2022", "BNI Lisbon", 200)
		}
	}
	f.Add("Hi {frist_name}", "", "", "", 10)
	f.Add("[[{context}]]", "Дмитрий", longContext, "東京", 50)
	f.Add("Hi {first_name}, [{context}. ]", "a", "x…x, . — y", "", 1)
	f.Add("{first_name}[ {group}]", "\x1b[2J", "\u202e", "\xff", 3)
	f.Fuzz(func(t *testing.T, src, first, ctx, grp string, limit int) {
		limit = limit%2000 + 1
		if limit <= 0 {
			limit += 2000
		}
		d := Data{FirstName: first, Context: ctx, Group: grp, Company: grp, UserName: first, News: ctx}
		valid := Validate(src) == nil
		out, err := Render(src, d, limit)
		checkRender(t, valid, out, err, limit)
		short, err := Shorter(src, d, limit, 2)
		if !errors.Is(err, ErrNoShorter) {
			checkRender(t, valid, short, err, limit)
		}
	})
}

func checkRender(t *testing.T, valid bool, out string, err error, limit int) {
	t.Helper()
	switch {
	case !valid && !errors.Is(err, ErrInvalidTemplate):
		t.Fatalf("Validate refused the template but Render said %v", err)
	case valid && errors.Is(err, ErrInvalidTemplate):
		t.Fatalf("Validate accepted the template but Render said %v", err)
	case err == nil && utf8.RuneCountInString(out) > limit:
		t.Fatalf("%d characters over the limit of %d: %q", utf8.RuneCountInString(out), limit, out)
	case err == nil && !utf8.ValidString(out):
		t.Fatalf("invalid UTF-8: %q", out)
	case valid && err != nil && !errors.Is(err, ErrTooLong):
		t.Fatalf("unexpected error: %v", err)
	}
}
