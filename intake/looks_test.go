package intake

import "testing"

func TestLooksLikeList(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Jane Doe - Acme\nBob Smith - Initech", true},
		{"jane@acme.com\nbob@initech.example", true},
		{"Going\nJane Doe\n+2\nBob Smith", true},
		{"Jane Doe", false},
		{"we met at the fair\nand talked about bikes", false},
		{"old client, knows me well\nwe rebuilt the Acme site", false},
		{"Hi {first_name}, great to meet you.\nBest, {my_name}", false},
		{"Participants (3)\nMP\nMaya Patel (Host, me)\nJO\nJonas Olsen\nKA\nKwame Asante", true},
		{"Name\tEmail\nAda Lovelace\tada@engines.example\nAlan Turing\talan@bletchley.example", true},
		{"Anna\nBob\nCarla", true},
		{"Anna\nBob", false},
		{"yes\nno", false},
		{"Sure!\nShe is a client and knows me well.", false},
		{"client, knows me well\nwe rebuilt the Acme site in 2022", false},
		{"Doe, Jane\nSmith, Bob", true},
		{"https://www.linkedin.com/in/sara-lindgren\nlinkedin.com/in/kwabena-owusu", true},
	}
	for _, tt := range tests {
		if got := LooksLikeList(tt.text); got != tt.want {
			t.Errorf("LooksLikeList(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestNormalizeLinkedInURL(t *testing.T) {
	for in, want := range map[string]string{
		" linkedin.com/in/jane-doe/ ":                  "https://www.linkedin.com/in/jane-doe",
		"https://www.linkedin.com/in/jane-doe?trk=abc": "https://www.linkedin.com/in/jane-doe",
		"http://example.com/in/jane":                   "",
		"not a url":                                    "",
	} {
		if got := NormalizeLinkedInURL(in); got != want {
			t.Errorf("NormalizeLinkedInURL(%q) = %q, want %q", in, got, want)
		}
	}
}
