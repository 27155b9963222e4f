package prompts

import (
	"strings"
	"unicode"
)

// Data is what a draft is filled with. Every field may be empty.
type Data struct {
	FirstName string // the person's first name, as they are greeted
	Context   string // what the user shares with them, e.g. "we rebuilt the Acme site in 2022"
	Group     string // the group or event the user knows them from
	Company   string // their company
	UserName  string // the user's name, as they sign
	News      string // the user's news, for messages after acceptance
}

// slot is one fillable place in a template.
type slot uint8

const (
	slotFirstName slot = iota
	slotContext
	slotGroup
	slotCompany
	slotMyName
	slotNews
	numSlots
	noSlot slot = 255 // marks a literal piece
)

// slotNames are the names users type between curly brackets, in the order
// error messages list them.
var slotNames = [numSlots]string{"first_name", "context", "group", "company", "my_name", "news"}

// String is the slot as the user writes it, braces included.
func (s slot) String() string { return "{" + slotNames[s] + "}" }

// mustBeOptional reports whether the slot is so often unknown that it may
// only appear inside square brackets.
func (s slot) mustBeOptional() bool {
	return s == slotContext || s == slotGroup || s == slotCompany || s == slotNews
}

// isName reports whether the slot is the greeting or the signature, which
// fitting never drops.
func (s slot) isName() bool { return s == slotFirstName || s == slotMyName }

// sentenceLike reports whether the slot holds a phrase the user wrote, which
// gets a capital letter when it starts a sentence.
func (s slot) sentenceLike() bool { return s == slotContext || s == slotNews }

// example is an optional part showing how the slot is meant to be used.
func (s slot) example() string {
	switch s {
	case slotContext:
		return "[{context}. ]"
	case slotGroup:
		return "[We met at {group}. ]"
	case slotCompany:
		return "[I hope all is well at {company}. ]"
	case slotNews:
		return "[Some news from my side: {news}. ]"
	}
	return "[" + s.String() + "]"
}

// slotByName finds a slot, forgiving case, spaces and hyphens.
func slotByName(raw string) (slot, bool) {
	name := normaliseSlotName(raw)
	for i, n := range slotNames {
		if n == name {
			return slot(i), true
		}
	}
	return noSlot, false
}

func normaliseSlotName(raw string) string {
	name := strings.ToLower(strings.TrimSpace(raw))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(name)
}

// values holds cleaned data, indexed by slot.
type values [numSlots]string

// values cleans d for rendering.
func (d Data) values() values {
	return values{
		slotFirstName: clean(d.FirstName),
		slotContext:   clean(d.Context),
		slotGroup:     clean(d.Group),
		slotCompany:   clean(d.Company),
		slotMyName:    clean(d.UserName),
		slotNews:      clean(d.News),
	}
}

// clean makes a value safe to place in a sentence: one line, single spaces,
// no control or bidi-override characters, no invalid UTF-8, "..." as "…",
// and no punctuation at either end that would clash with the template's own.
// Terminal marks (. ! ? …) stay at the end; tidy merges them with the
// template's full stop.
func clean(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "") {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsControl(r) || isBidiControl(r):
			// dropped: they would garble the note or the chat showing it
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	out := strings.ReplaceAll(b.String(), "...", "…")
	out = strings.TrimLeft(out, ",;:.!?…—– ")
	return strings.TrimRight(out, ",;:—– ")
}

// isBidiControl reports the explicit embedding, override and isolate
// characters, which can reverse the text around a name.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
