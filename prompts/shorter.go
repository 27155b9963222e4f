package prompts

import (
	"errors"
	"unicode/utf8"
)

// ErrNoShorter is returned by Shorter when the draft is already as short as
// it can get.
var ErrNoShorter = errors.New("prompts: the draft is as short as it gets")

// Shorter renders src like Render, then makes it shorter step times, for
// the user's "shorter" request: the first step leaves out every optional
// part that holds neither the context nor a name; each later step halves
// the context at a word boundary, and once fewer than 16 characters of it
// would remain, leaves it out. Every step is strictly shorter than the one
// before. When step asks for more steps than there are, Shorter returns
// the shortest draft with ErrNoShorter. Other errors are Render's.
func Shorter(src string, d Data, limit, step int) (string, error) {
	t, err := compileCached(src)
	if err != nil {
		return "", err
	}
	return t.Shorter(d, limit, step)
}

// Shorter is the package-level Shorter for a compiled template.
func (t *Template) Shorter(d Data, limit, step int) (string, error) {
	v := d.values()
	cur, err := t.fit(&v, limit, 0)
	if err != nil || step <= 0 {
		return cur, err
	}
	steps := t.shorterSteps(v)
	for step > 0 {
		next, ok := steps.next(t, limit, utf8.RuneCountInString(cur))
		if !ok {
			return cur, ErrNoShorter
		}
		cur = next
		step--
	}
	return cur, nil
}

// shortening walks the sequence of ever shorter drafts.
type shortening struct {
	v     values
	force uint64 // optional parts left out
	ctx   string // the context without its "…"
	stage int    // 0: drop extras, 1: halve the context, else done
}

func (t *Template) shorterSteps(v values) *shortening {
	var extras uint64
	for i, g := range t.groups {
		if !g.keepsNames() && !g.has(slotContext) {
			extras |= 1 << i
		}
	}
	return &shortening{v: v, force: extras, ctx: v[slotContext]}
}

// next returns the first candidate shorter than curLen runes, or false
// when none is left.
func (s *shortening) next(t *Template, limit, curLen int) (string, bool) {
	for s.stage < 2 {
		v := s.v
		v[slotContext] = s.advance()
		out, err := t.fit(&v, limit, s.force)
		if err == nil && utf8.RuneCountInString(out) < curLen {
			return out, true
		}
	}
	return "", false
}

// advance moves to the next candidate and returns the context it uses.
func (s *shortening) advance() string {
	switch s.stage {
	case 0:
		s.stage = 1
		return s.ctx
	case 1:
		half := cutWords(s.ctx, utf8.RuneCountInString(s.ctx)/2)
		if utf8.RuneCountInString(half) >= minContextRunes {
			s.ctx = half
			return half + "…"
		}
	}
	s.stage = 2 // the last candidate: no context at all
	return ""
}
