package intake

import (
	"strings"
	"unicode/utf8"
)

// lookupFold looks s up in a map with lower-case keys. A short ASCII word
// is lower-cased into a stack buffer, and Go indexes a map with
// string(bytes) without copying, so the common look-up allocates nothing;
// strings.ToLower would allocate for every capitalised name.
func lookupFold[V any](m map[string]V, s string) (V, bool) {
	var buf [40]byte
	if len(s) <= len(buf) {
		b := buf[:len(s)]
		ascii := true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if ascii {
			v, ok := m[string(b)]
			return v, ok
		}
	}
	v, ok := m[strings.ToLower(s)]
	return v, ok
}

// inFold reports whether s, lower-cased, is in the set m.
func inFold(m map[string]bool, s string) bool {
	v, _ := lookupFold(m, s)
	return v
}
