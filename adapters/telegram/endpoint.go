package telegram

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// officialBase is Telegram's cloud Bot API server.
const officialBase = "https://api.telegram.org"

// endpoint is where the Bot API lives: the SDK's pattern for methods and
// the base of file downloads, always on the same host.
type endpoint struct {
	pattern  string // "http://host/bot%s/%s": token, then method
	fileBase string // "http://host": files at <fileBase>/file/bot<token>/<path>
}

// parseEndpoint reads TELEGRAM_API_ENDPOINT: empty for api.telegram.org,
// the SDK's pattern ("http://127.0.0.1:8081/bot%s/%s") or a plain base URL
// ("http://127.0.0.1:8081"). Files are downloaded from the same scheme,
// host and path prefix, never from api.telegram.org when another endpoint
// is set (the SDK's own file links ignore the endpoint).
func parseEndpoint(s string) (endpoint, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return endpoint{pattern: officialBase + "/bot%s/%s", fileBase: officialBase}, nil
	}
	base := s
	if strings.Contains(s, "%s") {
		prefix, rest, ok := strings.Cut(s, "bot%s/%s")
		if !ok || rest != "" || strings.Count(s, "%") != 2 {
			return endpoint{}, fmt.Errorf("telegram: API endpoint %q: a pattern must end in \"bot%%s/%%s\"", s)
		}
		base = prefix
	}
	base = strings.TrimRight(base, "/")
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return endpoint{}, fmt.Errorf("telegram: API endpoint %q: want an http(s) URL such as http://127.0.0.1:8081", s)
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.Contains(base, "%") {
		return endpoint{}, errors.New("telegram: API endpoint: no query, fragment or % in the URL, please")
	}
	return endpoint{pattern: base + "/bot%s/%s", fileBase: base}, nil
}

// fileURL is where the file at path (as getFile returned it) is served.
func (e endpoint) fileURL(token, path string) string {
	return e.fileBase + "/file/bot" + token + "/" + strings.TrimLeft(path, "/")
}
