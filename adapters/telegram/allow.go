package telegram

import (
	"fmt"
	"strconv"
	"strings"
)

// Allowlist says who may use the bot, from RAPPORT_ALLOWED_USERS. The zero
// Allowlist lets everyone in.
type Allowlist struct {
	set   bool
	ids   map[int64]bool
	names map[string]bool // lower-case, without "@"
}

// ParseAllowlist reads the entries of RAPPORT_ALLOWED_USERS (already split
// at commas): "telegram:<id>", "telegram:@name", a bare id or "@name"
// (Telegram's), and entries of other platforms ("slack:U123"), which it
// skips. Any entry at all, even of another platform only, makes the list
// closed: then only the Telegram users listed may use this bot. It returns
// an error naming an entry it cannot read.
func ParseAllowlist(entries []string) (Allowlist, error) {
	a := Allowlist{ids: map[int64]bool{}, names: map[string]bool{}}
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		a.set = true
		platform, who, ok := strings.Cut(e, ":")
		if !ok {
			platform, who = "telegram", e
		}
		if !strings.EqualFold(platform, "telegram") {
			continue
		}
		if err := a.add(who); err != nil {
			return Allowlist{}, fmt.Errorf("telegram: allowed user %q: %w", e, err)
		}
	}
	return a, nil
}

func (a *Allowlist) add(who string) error {
	if name, ok := strings.CutPrefix(who, "@"); ok {
		if !validUsername(name) {
			return fmt.Errorf("%q is not a Telegram username", name)
		}
		a.names[strings.ToLower(name)] = true
		return nil
	}
	id, err := strconv.ParseInt(who, 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("want a numeric Telegram user id or @username")
	}
	a.ids[id] = true
	return nil
}

// validUsername: Telegram usernames are 4–32 letters, digits and
// underscores (5 for new ones; older ones may be shorter).
func validUsername(s string) bool {
	if len(s) < 3 || len(s) > 32 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Open reports whether everyone may use the bot (no list was given).
func (a Allowlist) Open() bool { return !a.set }

// Size is the number of Telegram users listed.
func (a Allowlist) Size() int { return len(a.ids) + len(a.names) }

// Allows reports whether the user with this id and username may use the bot.
func (a Allowlist) Allows(id int64, username string) bool {
	if !a.set {
		return true
	}
	return a.ids[id] || (username != "" && a.names[strings.ToLower(username)])
}
