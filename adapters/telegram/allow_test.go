package telegram

import "testing"

func TestAllowlist(t *testing.T) {
	a, err := ParseAllowlist([]string{"telegram:42", " telegram:@Alex_M ", "17", "@kim_lee", "slack:U123", ""})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   int64
		name string
		want bool
	}{
		{42, "", true}, {17, "whoever", true}, {99, "alex_m", true}, {99, "ALEX_M", true},
		{5, "kim_lee", true}, {99, "", false}, {99, "eve", false},
	}
	for _, tt := range tests {
		if got := a.Allows(tt.id, tt.name); got != tt.want {
			t.Errorf("Allows(%d, %q) = %v, want %v", tt.id, tt.name, got, tt.want)
		}
	}
	if a.Open() || a.Size() != 4 {
		t.Errorf("Open %v Size %d, want closed with 4", a.Open(), a.Size())
	}
	slackOnly, _ := ParseAllowlist([]string{"slack:U1"})
	if slackOnly.Allows(42, "alex") || slackOnly.Open() {
		t.Errorf("a list of Slack users only must keep Telegram users out")
	}
	if open, _ := ParseAllowlist(nil); !open.Open() || !open.Allows(1, "") {
		t.Errorf("no list must let everyone in")
	}
	for _, bad := range []string{"telegram:abc", "@a b", "telegram:-5", "@"} {
		if _, err := ParseAllowlist([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
