package telegram

import (
	"errors"
	"strings"
	"testing"
)

func TestParseEndpoint(t *testing.T) {
	tests := []struct {
		in, pattern, file string
	}{
		{"", "https://api.telegram.org/bot%s/%s", "https://api.telegram.org/file/bot<T>/documents/a.csv"},
		{"http://127.0.0.1:8081/bot%s/%s", "http://127.0.0.1:8081/bot%s/%s", "http://127.0.0.1:8081/file/bot<T>/documents/a.csv"},
		{"http://127.0.0.1:8081", "http://127.0.0.1:8081/bot%s/%s", "http://127.0.0.1:8081/file/bot<T>/documents/a.csv"},
		{"https://tg.example/api/", "https://tg.example/api/bot%s/%s", "https://tg.example/api/file/bot<T>/documents/a.csv"},
	}
	for _, tt := range tests {
		ep, err := parseEndpoint(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if ep.pattern != tt.pattern || ep.fileURL("<T>", "documents/a.csv") != tt.file {
			t.Errorf("%q: pattern %q file %q", tt.in, ep.pattern, ep.fileURL("<T>", "documents/a.csv"))
		}
	}
	for _, bad := range []string{"127.0.0.1:8081", "ftp://x", "http://x/bot%s", "http://x/%s/%s/bot%s/%s", "http://x/?a=b"} {
		if _, err := parseEndpoint(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestRedactRemovesTokens(t *testing.T) {
	tok := "123456:ABCdef_ghi-JKLmnopQRS"
	err := redactErr(errors.New(`Post "http://127.0.0.1:1/bot`+tok+`/getMe": dial tcp: connection refused`), tok)
	if strings.Contains(err.Error(), tok) || !strings.Contains(err.Error(), "<token>") {
		t.Errorf("token left in %q", err)
	}
	if s := redact("other bot 987654321:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ZM here", ""); strings.Contains(s, "AAEh") {
		t.Errorf("token-shaped text left in %q", s)
	}
}
