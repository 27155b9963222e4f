package prompts

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrInvalidTemplate is wrapped by every *TemplateError, for errors.Is.
var ErrInvalidTemplate = errors.New("prompts: invalid template")

// TemplateError says why a template cannot be used. Its message is written
// for the person who typed the template and can be shown to them as it is.
type TemplateError struct {
	Msg string
}

// Error returns the user-facing message.
func (e *TemplateError) Error() string { return e.Msg }

// Is makes errors.Is(err, ErrInvalidTemplate) true.
func (e *TemplateError) Is(target error) bool { return target == ErrInvalidTemplate }

func invalid(format string, args ...any) error {
	return &TemplateError{Msg: fmt.Sprintf(format, args...)}
}

const (
	maxSourceRunes = 8000 // far above any sane template; bounds work per render
	maxGroups      = 64   // optional parts are tracked in a uint64
)

// Template is a compiled template, ready to render many times.
type Template struct {
	src    string
	pieces []piece
	groups []group
}

// piece is a run of literal text or one slot.
type piece struct {
	text  string // the literal text when slot is noSlot
	slot  slot
	group int // index into Template.groups, or -1 outside brackets
}

// group is one optional part.
type group struct {
	slots uint8 // bit s is set when slot s appears inside
}

func (g group) has(s slot) bool { return g.slots&(1<<s) != 0 }

// keepsNames reports whether the part holds the greeting's or the
// signature's name, which fitting must never drop.
func (g group) keepsNames() bool { return g.has(slotFirstName) || g.has(slotMyName) }

// Source returns the text t was compiled from.
func (t *Template) Source() string { return t.src }

// Compile parses src. The error, a *TemplateError, explains the first
// problem in words meant for the user who typed src.
func Compile(src string) (*Template, error) {
	if err := checkText(src); err != nil {
		return nil, err
	}
	p := parser{src: src, t: &Template{src: src}, open: -1}
	for p.i < len(src) {
		if err := p.step(); err != nil {
			return nil, err
		}
	}
	if p.open >= 0 {
		return nil, invalid("The [ at %s is never closed with ]. Square brackets mark a part that is left out when a slot inside it is empty.", near(src, p.openAt))
	}
	return p.t, nil
}

// Validate reports whether src is a usable template of any kind; see
// ValidateFor for the checks that depend on the kind. The error is a
// *TemplateError.
func Validate(src string) error {
	_, err := Compile(src)
	return err
}

func checkText(src string) error {
	switch {
	case !utf8.ValidString(src):
		return invalid("The template contains characters that are not valid text.")
	case strings.TrimSpace(src) == "":
		return invalid("The template is empty.")
	case utf8.RuneCountInString(src) > maxSourceRunes:
		return invalid("The template is longer than %d characters.", maxSourceRunes)
	}
	return nil
}

type parser struct {
	src    string
	i      int // byte offset of the next unread character
	t      *Template
	open   int // index of the open optional part, -1 outside brackets
	openAt int // byte offset of the open [
}

func (p *parser) step() error {
	switch p.src[p.i] {
	case '{':
		return p.slot()
	case '}':
		return invalid("There is a } without a matching { at %s. Curly brackets are only for slots such as {first_name}.", near(p.src, p.i))
	case '[':
		return p.openGroup()
	case ']':
		return p.closeGroup()
	}
	p.literal()
	return nil
}

func (p *parser) literal() {
	end := strings.IndexAny(p.src[p.i:], "{}[]")
	if end < 0 {
		end = len(p.src) - p.i
	}
	p.add(piece{text: p.src[p.i : p.i+end], slot: noSlot})
	p.i += end
}

func (p *parser) slot() error {
	end := strings.IndexAny(p.src[p.i+1:], "{}[]\n")
	if end < 0 || p.src[p.i+1+end] != '}' {
		return invalid("The { at %s is never closed with }. Slots look like {first_name}.", near(p.src, p.i))
	}
	raw := p.src[p.i+1 : p.i+1+end]
	s, ok := slotByName(raw)
	if !ok {
		return unknownSlot(raw)
	}
	if p.open < 0 && s.mustBeOptional() {
		return invalid("%s must be inside square brackets, so that the words around it are left out when it is empty, for example %s", s, s.example())
	}
	p.add(piece{slot: s})
	if p.open >= 0 {
		p.t.groups[p.open].slots |= 1 << s
	}
	p.i += end + 2
	return nil
}

func (p *parser) openGroup() error {
	if p.open >= 0 {
		return invalid("Square brackets cannot be nested: the [ at %s is inside another optional part.", near(p.src, p.i))
	}
	if len(p.t.groups) == maxGroups {
		return invalid("The template has more than %d optional parts in square brackets.", maxGroups)
	}
	p.t.groups = append(p.t.groups, group{})
	p.open, p.openAt = len(p.t.groups)-1, p.i
	p.i++
	return nil
}

func (p *parser) closeGroup() error {
	if p.open < 0 {
		return invalid("There is a ] without a matching [ at %s.", near(p.src, p.i))
	}
	if p.i == p.openAt+1 {
		return invalid("There is an empty [] at %s; put the optional words inside it, or remove it.", near(p.src, p.openAt))
	}
	p.open = -1
	p.i++
	return nil
}

func (p *parser) add(pc piece) {
	pc.group = p.open
	p.t.pieces = append(p.t.pieces, pc)
}

// near quotes the template from byte offset i, briefly and on one line, so
// that an error shows the user where to look.
func near(src string, i int) string {
	const width = 24
	s := src[i:]
	cut := false
	if utf8.RuneCountInString(s) > width {
		s = string([]rune(s)[:width])
		cut = true
	}
	s = strings.Join(strings.Fields(s), " ")
	if cut {
		s += "…"
	}
	return `"` + s + `"`
}

// unknownSlot names the slot the user typed, suggests the closest real one
// and lists them all.
func unknownSlot(raw string) error {
	if strings.TrimSpace(raw) == "" {
		return invalid("There is an empty {}; write a slot name inside it. %s", slotList())
	}
	if utf8.RuneCountInString(raw) > 30 {
		raw = string([]rune(raw)[:30]) + "…"
	}
	msg := fmt.Sprintf("There is no slot {%s}.", raw)
	if s, ok := closestSlot(raw); ok {
		msg += fmt.Sprintf(" Did you mean %s?", s)
	}
	return invalid("%s %s", msg, slotList())
}

func slotList() string {
	var b strings.Builder
	b.WriteString("The slots you can use are ")
	for i := range numSlots {
		switch {
		case i == numSlots-1:
			b.WriteString(" and ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(i.String())
	}
	b.WriteString(".")
	return b.String()
}

// closestSlot finds the slot within a small edit distance of raw, to catch
// typing mistakes such as {frist_name} or {firstname}.
func closestSlot(raw string) (slot, bool) {
	name := normaliseSlotName(raw)
	best, bestDist := noSlot, 3
	for i, n := range slotNames {
		if d := editDistance(name, n); d < bestDist {
			best, bestDist = slot(i), d
		}
	}
	return best, best != noSlot
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
