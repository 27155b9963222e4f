package prompts

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestShorterSteps(t *testing.T) {
	const src = "Hi[ {first_name}], glad to connect. [{context}. ][I hope all is well at {company}. ][Best, {my_name}]"
	d := Data{FirstName: "Jane", UserName: "Sam", Company: "Acme",
		Context: "we rebuilt the Acme site in 2022 and moved the shop to a new platform"}
	want := []string{
		"Hi Jane, glad to connect. We rebuilt the Acme site in 2022 and moved the shop to a new platform. I hope all is well at Acme. Best, Sam",
		"Hi Jane, glad to connect. We rebuilt the Acme site in 2022 and moved the shop to a new platform. Best, Sam",
		"Hi Jane, glad to connect. We rebuilt the Acme site in 2022… Best, Sam",
		"Hi Jane, glad to connect. Best, Sam",
	}
	for step, w := range want {
		got, err := Shorter(src, d, 200, step)
		if err != nil || got != w {
			t.Errorf("step %d: got %q, %v\nwant %q", step, got, err, w)
		}
	}
	got, err := Shorter(src, d, 200, len(want))
	if !errors.Is(err, ErrNoShorter) || got != want[len(want)-1] {
		t.Errorf("past the end: got %q, %v", got, err)
	}
}

// TestShorterIsShorterForEveryTemplate proves the first "shorter" request
// changes every embedded draft that has anything optional to give, and
// never grows or breaks one.
func TestShorterIsShorterForEveryTemplate(t *testing.T) {
	l := Default()
	for _, seg := range l.Segments() {
		for _, kind := range Kinds() {
			for v := range l.Variants(seg, kind) {
				src, limit := l.Source(seg, kind, v), Limit(kind, false)
				full, _ := Render(src, normal, limit)
				short, err := Shorter(src, normal, limit, 1)
				if err != nil || utf8.RuneCountInString(short) >= utf8.RuneCountInString(full) {
					t.Errorf("%s %s variant %d: %q (%v) is not shorter than %q", seg, kind, v+1, short, err, full)
				}
				for _, p := range draftProblems(short, normal, limit) {
					t.Errorf("%s %s variant %d: %s", seg, kind, v+1, p)
				}
			}
		}
	}
}

func TestShorterErrors(t *testing.T) {
	if _, err := Shorter("Hi {nope}", normal, 200, 1); !errors.Is(err, ErrInvalidTemplate) {
		t.Errorf("got %v", err)
	}
	if got, err := Shorter("Hi {first_name}.", normal, 200, 1); !errors.Is(err, ErrNoShorter) || got != "Hi Jane." {
		t.Errorf("nothing optional: got %q, %v", got, err)
	}
}
