package prompts

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // substrings of the error; nil means valid
	}{
		{"valid", "Hi[ {first_name}], [We met at {group}. ]Bye. {my_name}", nil},
		{"slot names forgive case", "Hi {First_Name}", nil},
		{"optional part without slot", "Hi. [I hope you're well. ]Bye.", nil},
		{"misspelt slot", "Hi {frist_name}",
			[]string{"no slot {frist_name}", "Did you mean {first_name}?", "{first_name}, {context}, {group}, {company}, {my_name} and {news}"}},
		{"unknown slot without a near match", "Hi {surname}", []string{"no slot {surname}", "The slots you can use are"}},
		{"empty slot", "Hi {}", []string{"empty {}"}},
		{"unclosed slot", "Hi {first_name, bye", []string{`The { at "{first_name, bye" is never closed`}},
		{"stray closing brace", "Hi first_name}", []string{"} without a matching {"}},
		{"unclosed bracket", "Hi [{context}. Bye", []string{"The [ at", "never closed with ]"}},
		{"stray closing bracket", "Hi {first_name}] bye", []string{"] without a matching ["}},
		{"nested brackets", "[a [{group}] b]", []string{"cannot be nested"}},
		{"empty brackets", "Hi [] bye", []string{"empty []"}},
		{"context outside brackets", "Hi, {context}.", []string{"{context} must be inside square brackets", "[{context}. ]"}},
		{"group outside brackets", "We met at {group}.", []string{"{group} must be inside square brackets", "[We met at {group}. ]"}},
		{"empty template", "  \n ", []string{"empty"}},
		{"invalid UTF-8", "Hi \xff", []string{"not valid text"}},
		{"too long", strings.Repeat("a", maxSourceRunes+1), []string{"longer than"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.src)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var te *TemplateError
			if !errors.As(err, &te) || !errors.Is(err, ErrInvalidTemplate) {
				t.Fatalf("want a *TemplateError, got %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestValidateFor(t *testing.T) {
	long := strings.Repeat("word ", 50)
	tests := []struct {
		name    string
		src     string
		kind    Kind
		premium bool
		want    string // substring of the error; "" means valid
	}{
		{"note", "Hi {first_name}, glad to connect.", KindNote, false, ""},
		{"note whose fixed text is too long", long, KindNote, false, "over the limit of 200 for the invitation note"},
		{"the same note on Premium", long, KindNote, true, ""},
		{"long optional parts are fine", "Hi. [" + long + "{context}]", KindNote, false, ""},
		{"email", "Subject: Hello\n\nHi {first_name}.", KindEmailFirst, false, ""},
		{"email subject is case-insensitive", "subject: Hello\n\nHi.", KindEmailInvite, false, ""},
		{"email without subject", "Hi {first_name}.", KindEmailFirst, false, `starts with a line "Subject: …"`},
		{"email without blank line", "Subject: Hello\nHi.", KindEmailFirst, false, "then an empty line"},
		{"email without body", "Subject: Hello\n\n", KindEmailFirst, false, "then the body"},
		{"email subject of slots only", "Subject: [{group}]\n\nHi.", KindEmailFirst, false, "subject line needs words"},
		{"email bracket across lines", "Subject: Hi [from\n\n{group}]", KindEmailFirst, false, "subject line needs words of its own, with any square brackets"},
		{"unknown kind", "Hi", Kind("letter"), false, "no kind of draft"},
		{"syntax errors come first", "Subject: Hi {x}\n\nBody", KindEmailFirst, false, "no slot {x}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateFor(tt.src, tt.kind, tt.premium)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		kind Kind
		want []string
	}{
		{"personal note", "Hi {first_name}, [{context}. ]", KindNote, nil},
		{"note without a name", "Hello, [{context}. ]", KindNote, []string{"{first_name}"}},
		{"message without context or signature", "Hi {first_name}.", KindMessage, []string{"{context}", "{my_name}"}},
		{"follow-up without news", "Hi {first_name}, [{context}. ]{my_name}", KindFollowUp, []string{"{news}"}},
		{"invalid template has no warnings", "Hi {oops}", KindNote, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Warnings(tt.src, tt.kind)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d warnings mentioning %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %q lacks %q", got[i], w)
				}
			}
		})
	}
}

func TestSplitEmail(t *testing.T) {
	out, err := Default().Draft("event", KindEmailFirst, 0, normal, false)
	if err != nil {
		t.Fatal(err)
	}
	subject, body := SplitEmail(out)
	if subject != "Good to meet you at BNI Lisbon" || !strings.HasPrefix(body, "Hi Jane,") {
		t.Errorf("subject %q, body %q", subject, body)
	}
	if s, b := SplitEmail("Hi Jane"); s != "" || b != "Hi Jane" {
		t.Errorf("text without subject: %q, %q", s, b)
	}
}
