package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanField tidies one value as exporters and people write it: it trims,
// turns every run of white space (tabs, newlines, no-break spaces) into one
// space, drops invisible format characters and NFC-normalises, so that a
// decomposed "José" from a Mac equals the composed one from Windows.
func cleanField(s string) string {
	if isTidyASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		case r == utf8.RuneError, unicode.Is(unicode.Cf, r), unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !isASCII(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// cleanNotes tidies free text: like cleanField, but line breaks are kept
// (as "\n"), since notes are often several lines.
func cleanNotes(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return cleanField(s)
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	out := lines[:0]
	for _, l := range lines {
		if l = cleanField(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// isTidyASCII reports whether s is printable ASCII without leading,
// trailing or doubled spaces: the common case, which needs no copy.
func isTidyASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && s[i+1] == ' ') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isDecoration reports runes that decorate a name without being part of
// it: emoji and other pictographs, their modifiers and joiners, and the
// variation selectors that follow them.
func isDecoration(r rune) bool {
	switch {
	case r < 0x80:
		return r == '^' || r == '`' || r == '~'
	case r == 0x200d, r == 0xfe0e, r == 0xfe0f, r == 0x20e3:
		return true
	case r >= 0xe0020 && r <= 0xe007f: // emoji tag sequences
		return true
	}
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
		unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r)
}

// stripDecoration removes emoji and symbols from a name.
func stripDecoration(s string) string {
	if isASCII(s) && !strings.ContainsAny(s, "^`~") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isDecoration(r) {
			return ' '
		}
		return r
	}, s)
}

// nameTags are the words of tags that video-call and event pages attach to
// a participant's name: roles and pronouns.
var nameTags = map[string]bool{
	"host": true, "co-host": true, "cohost": true, "co host": true, "guest": true,
	"me": true, "you": true, "myself": true, "organizer": true, "organiser": true,
	"speaker": true, "moderator": true, "panelist": true, "panellist": true,
	"presenter": true, "attendee": true, "external": true, "interpreter": true,
	"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true,
	"they": true, "them": true, "theirs": true, "ze": true, "hir": true,
	"xe": true, "xem": true, "any pronouns": true, "pronouns": true,
	"unverified": true, "verified": true, "admin": true, "event host": true,
	"meeting host": true,
}

// selfTags mark the entry of the user doing the import.
var selfTags = map[string]bool{"me": true, "you": true, "myself": true}

// tagGroup classifies the content of a bracketed group: isTag when every
// part is a role or pronoun word, self when one of them marks the user.
func tagGroup(content string) (isTag, self bool) {
	parts := strings.FieldsFunc(content, func(r rune) bool {
		return r == ',' || r == '/' || r == ';' || r == '|' || r == '·' || r == '•'
	})
	if len(parts) == 0 {
		return true, false
	}
	for _, p := range parts {
		w := strings.ToLower(strings.TrimSpace(p))
		if !nameTags[w] {
			return false, false
		}
		self = self || selfTags[w]
	}
	return true, self
}

// isDegreeBadge reports LinkedIn's connection-degree badge words.
func isDegreeBadge(w string) bool {
	switch strings.ToLower(w) {
	case "1st", "2nd", "3rd", "3rd+":
		return true
	}
	return false
}

// isBulletToken reports a lone separator or bullet left inside a name.
func isBulletToken(w string) bool {
	switch w {
	case "•", "·", "|", "-", "–", "—", "*", "‣", "◦", "▪", "●", "~", "/":
		return true
	}
	return false
}

// isPronounToken reports "she/her"-style tokens written without brackets.
func isPronounToken(w string) bool {
	if !strings.Contains(w, "/") {
		return false
	}
	isTag, _ := tagGroup(w)
	return isTag
}

// cleanedName is a name field after decoration and tags were removed.
type cleanedName struct {
	text  string // the name, tidy
	self  bool   // a "(me)"-style tag marked the importing user
	extra string // bracketed text that was not part of the name
}

// cleanName prepares a name field: tidy white space, emoji removed, role
// and pronoun tags removed (noting "(me)"), a bracketed alternative name
// ("Sam Patel (Samir Patel)") moved to extra. A one-word bracket inside the
// name is a nickname and stays for the name parser.
func cleanName(s string) cleanedName {
	if isPlainName(s) {
		return cleanedName{text: s} // the common case: nothing to clean
	}
	var c cleanedName
	s = stripDecoration(cleanField(s))
	s = c.dropGroups(s)
	if strings.ContainsAny(s, "•·|-–—*/123‣◦▪●~") {
		s = dropBadTokens(s)
	}
	c.text = trimNamePunct(cleanField(s))
	return c
}

// dropGroups removes bracketed groups that are tags or trailing remarks.
func (c *cleanedName) dropGroups(s string) string {
	for guard := 0; guard < 8; guard++ {
		open := strings.IndexAny(s, "([")
		if open < 0 {
			return s
		}
		closer := byte(')')
		if s[open] == '[' {
			closer = ']'
		}
		end := strings.IndexByte(s[open:], closer)
		if end < 0 {
			return s[:open] + s[open+1:]
		}
		end += open
		content := strings.TrimSpace(s[open+1 : end])
		rest := strings.TrimSpace(s[end+1:])
		if isTag, self := tagGroup(content); isTag {
			c.self = c.self || self
		} else if rest != "" && !strings.ContainsAny(content, " ,") {
			// "Robert (Bob) Smith": a nickname, kept for the name parser.
			return s[:end+1] + " " + c.dropGroups(s[end+1:])
		} else if content != "" {
			c.extra = joinNote(c.extra, content)
		}
		s = s[:open] + " " + s[end+1:]
	}
	return s
}

// dropBadTokens removes lone bullets, degree badges and bare pronouns.
func dropBadTokens(s string) string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		if isBulletToken(w) || isDegreeBadge(w) || isPronounToken(w) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// trimNamePunct trims separators and stray punctuation from the ends of a
// name, keeping a final period that belongs to an initial or suffix.
func trimNamePunct(s string) string {
	s = strings.TrimLeft(s, " ,;:|•·*-–—_/\\")
	s = strings.TrimRight(s, " ,;:|•·*-–—_/\\!?")
	return s
}

// isPlainName reports a name with nothing to clean: letters (not of the
// family-name-first scripts) and single spaces, apostrophes, periods and
// hyphens inside words, already in NFC.
func isPlainName(s string) bool {
	if s == "" || !isASCIILetter(s[0]) && s[0] < utf8.RuneSelf {
		return false
	}
	last := s[len(s)-1]
	if !isASCIILetter(last) && last != '.' && last < utf8.RuneSelf {
		return false
	}
	ascii := true
	prev := rune(0)
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (isASCIILetter(byte(r)) || r == '\'' || r == '.'):
		case r == ' ' || r == '-':
			if prev == ' ' || prev == '-' || prev == 0 {
				return false // "  ", " -", "--": a separator, not a name
			}
		case r >= utf8.RuneSelf && unicode.IsLetter(r) && !isCJK(r):
			ascii = false
		default:
			return false
		}
		prev = r
	}
	return prev != ' ' && prev != '-' && (ascii || norm.NFC.QuickSpanString(s) == len(s))
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// joinNote appends text to a notes value, separated by "; ".
func joinNote(notes, text string) string {
	switch {
	case text == "":
		return notes
	case notes == "":
		return text
	case strings.Contains(notes, text):
		return notes
	}
	return notes + "; " + text
}
