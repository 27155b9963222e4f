package prompts

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRenderFillsSlots(t *testing.T) {
	tests := []struct {
		name string
		src  string
		data Data
		want string
	}{
		{"all slots", "Hi {first_name}, [{context}. ][At {group}. ][At {company}. ][{news}. ]{my_name}", normal,
			"Hi Jane, we rebuilt the Acme site in 2022. At BNI Lisbon. At Acme. I've just relaunched my website. Sam Lee"},
		{"optional part dropped whole when its slot is empty", "Hi {first_name}, [We met at {group}. ]Bye.", Data{FirstName: "Jane"},
			"Hi Jane, Bye."},
		{"empty required first name leaves no hole", "Hi {first_name}, good to see you.", Data{},
			"Hi, good to see you."},
		{"empty signature leaves no dangling comma", "Thanks. Best, {my_name}", Data{},
			"Thanks. Best"},
		{"context starting a sentence gets a capital", "Hi {first_name}. [{context}.]", normal,
			"Hi Jane. We rebuilt the Acme site in 2022."},
		{"mid-sentence context keeps its case", "Hi {first_name}, [{context}.]", normal,
			"Hi Jane, we rebuilt the Acme site in 2022."},
		{"mixed-case word is not capitalised", "Hi. [{context}.]", Data{Context: "iPhone launch"},
			"Hi. iPhone launch."},
		{"text after a dropped part gets a capital", "Hi. [I'm {my_name}, and ]we met.", Data{},
			"Hi. We met."},
		{"context ending in a full stop is not doubled", "[{context}. ]Bye.", Data{Context: "we met in Lisbon."},
			"We met in Lisbon. Bye."},
		{"context ending in a question mark keeps it", "[{context}. ]Bye.", Data{Context: "remember Lisbon?"},
			"Remember Lisbon? Bye."},
		{"context's trailing comma is dropped", "[{context}. ]Bye.", Data{Context: "we met in Lisbon,"},
			"We met in Lisbon. Bye."},
		{"three dots become an ellipsis", "[{context}. ]Bye.", Data{Context: "we talked pricing..."},
			"We talked pricing… Bye."},
		{"dash before a dropped part does not dangle", "Hi {first_name} — [{group}].", Data{FirstName: "Jane"},
			"Hi Jane."},
		{"control and bidi characters are removed", "Hi {first_name}.", Data{FirstName: "Ja\x1bne\u202E"},
			"Hi Jane."},
		{"data whitespace is collapsed", "Hi {first_name}, [{context}.]", Data{FirstName: " Jane\n", Context: "we\t\tmet \n there"},
			"Hi Jane, we met there."},
		{"a dropped paragraph leaves one blank line", "Hi,\n\n[{news}.]\n\nBest", Data{},
			"Hi,\n\nBest"},
		{"slot names forgive case and spaces", "Hi {First Name}, from {MY-NAME}", normal,
			"Hi Jane, from Sam Lee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.src, tt.data, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRenderFitsTheLimit(t *testing.T) {
	const src = "Hi {first_name}, glad to connect. [{context}. ][I hope all is well at {company}. ][Best, {my_name}]"
	d := Data{FirstName: "Jane", UserName: "Sam", Company: "Acme",
		Context: "we rebuilt the Acme site in 2022 and moved the shop to a new platform"}
	tests := []struct {
		name  string
		limit int
		want  string
	}{
		{"fits whole", 200,
			"Hi Jane, glad to connect. We rebuilt the Acme site in 2022 and moved the shop to a new platform. I hope all is well at Acme. Best, Sam"},
		{"shortens the context first, at a word boundary", 120,
			"Hi Jane, glad to connect. We rebuilt the Acme site in 2022 and moved the shop to… I hope all is well at Acme. Best, Sam"},
		{"keeps shortening while 16 characters of context remain", 90,
			"Hi Jane, glad to connect. We rebuilt the Acme site… I hope all is well at Acme. Best, Sam"},
		{"then drops optional parts, the context's last", 75,
			"Hi Jane, glad to connect. We rebuilt the Acme site in 2022 and… Best, Sam"},
		{"drops the context once too little of it would remain", 50,
			"Hi Jane, glad to connect. Best, Sam"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(src, d, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.limit {
				t.Errorf("%d characters, limit %d", n, tt.limit)
			}
		})
	}
}

func TestRenderNeverDropsGreetingOrSignature(t *testing.T) {
	src := "Hi[ {first_name}], glad to connect.[ Best, {my_name}]"
	d := Data{FirstName: "Jane", UserName: "Sam"}
	if got, err := Render(src, d, 40); err != nil || got != "Hi Jane, glad to connect. Best, Sam" {
		t.Fatalf("got %q, %v", got, err)
	}
	_, err := Render(src, d, 30)
	if !errors.Is(err, ErrTooLong) {
		t.Fatalf("want ErrTooLong rather than losing a name, got %v", err)
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := Render("Hi {frist_name}", normal, 200); !errors.Is(err, ErrInvalidTemplate) {
		t.Errorf("invalid template: got %v", err)
	}
	if _, err := Render("Hi", normal, 0); err == nil {
		t.Error("a zero limit must be an error")
	}
	_, err := Render("Hi {first_name}", Data{FirstName: strings.Repeat("a", 300)}, 200)
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "303 characters") {
		t.Errorf("too long: got %v", err)
	}
}

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hi  there", "Hi there"},
		{"Hi , there", "Hi, there"},
		{"Hi there .", "Hi there."},
		{"at , .", "at."},
		{"Hi Jane — .", "Hi Jane."},
		{"Great!.", "Great!"},
		{"Really?.", "Really?"},
		{"and so…. Next", "and so… Next"},
		{"one,, two", "one, two"},
		{", starts badly", "starts badly"},
		{"Best,", "Best"},
		{"Hi,\n\n\n\nBye", "Hi,\n\nBye"},
		{"\n\nHi\n\n", "Hi"},
		{"Hi,\nBest,\nSam", "Hi,\nBest,\nSam"},
		{"— Sam", "— Sam"},
		{"Acme Inc., London", "Acme Inc., London"},
	}
	for _, tt := range tests {
		if got := tidy(tt.in); got != tt.want {
			t.Errorf("tidy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCutWords(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"we rebuilt the site", 100, "we rebuilt the site"},
		{"we rebuilt the site", 12, "we rebuilt"},
		{"we rebuilt the site", 10, "we rebuilt"},
		{"we rebuilt the site", 9, "we"},
		{"in 2022, we rebuilt it", 10, "in 2022"},
		{"supercalifragilistic", 10, ""},
		{"東京でお会いしました", 4, "東京でお"},
	}
	for _, tt := range tests {
		if got := cutWords(tt.in, tt.max); got != tt.want {
			t.Errorf("cutWords(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestCutAtWordBoundaryCatchesMidWordCuts(t *testing.T) {
	ctx := "we rebuilt the Acme site in 2022"
	if cutAtWordBoundary("Hi. We rebuilt the Ac… Bye", ctx) {
		t.Error("a cut inside Acme went unnoticed")
	}
	if !cutAtWordBoundary("Hi. We rebuilt the Acme… Bye", ctx) {
		t.Error("a cut after Acme was refused")
	}
}

func TestLimit(t *testing.T) {
	tests := []struct {
		kind    Kind
		premium bool
		want    int
	}{
		{KindNote, false, 200},
		{KindNote, true, 300},
		{KindMessage, false, 1200},
		{KindFollowUp, true, 1200},
		{KindEmailFirst, false, 2000},
		{KindEmailInvite, false, 2000},
		{Kind("bogus"), true, 200},
	}
	for _, tt := range tests {
		if got := Limit(tt.kind, tt.premium); got != tt.want {
			t.Errorf("Limit(%s, %v) = %d, want %d", tt.kind, tt.premium, got, tt.want)
		}
	}
}
