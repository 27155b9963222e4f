package prompts

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// ErrTooLong is wrapped by the error Render returns when even the shortest
// form of a draft exceeds the limit.
var ErrTooLong = errors.New("prompts: the draft does not fit the limit")

// minContextRunes is the least of a shortened context worth keeping; below
// it the sentence holding the context is dropped instead, because "we…"
// says nothing.
const minContextRunes = 16

// Render fills src with d and fits it within limit characters (Unicode code
// points). It returns a *TemplateError when src is not a valid template and
// an error wrapping ErrTooLong when the draft cannot be made short enough.
// Compiled templates are cached, so rendering the same src again is cheap.
func Render(src string, d Data, limit int) (string, error) {
	t, err := compileCached(src)
	if err != nil {
		return "", err
	}
	return t.Render(d, limit)
}

// Render fills t with d and fits it within limit characters; see the
// package documentation for how. The error wraps ErrTooLong when even the
// shortest form is too long.
func (t *Template) Render(d Data, limit int) (string, error) {
	if limit <= 0 {
		return "", fmt.Errorf("prompts: limit %d is not positive", limit)
	}
	v := d.values()
	return t.fit(&v, limit, 0)
}

// fit renders t within limit, leaving out the optional parts in force, and
// more if it must.
func (t *Template) fit(v *values, limit int, force uint64) (string, error) {
	keep := t.present(v) &^ force
	order := t.dropOrder(keep)
	n := 0
	for k := 0; ; k++ {
		var s string
		s, n = t.assemble(v, keep, v[slotContext])
		if n <= limit {
			return s, nil
		}
		if s, ok := t.shortenContext(v, keep, limit, n); ok {
			return s, nil
		}
		if k == len(order) {
			break
		}
		keep &^= 1 << order[k]
	}
	return "", fmt.Errorf("%w: its shortest form has %d characters, over the limit of %d", ErrTooLong, n, limit)
}

// present is the set of optional parts whose slots are all filled.
func (t *Template) present(v *values) uint64 {
	var keep uint64
	for i, g := range t.groups {
		if t.filled(g, v) {
			keep |= 1 << i
		}
	}
	return keep
}

func (t *Template) filled(g group, v *values) bool {
	for s := range numSlots {
		if g.has(s) && v[s] == "" {
			return false
		}
	}
	return true
}

// dropOrder lists the optional parts fitting may leave out, in the order it
// should: parts without the context first, because the context is what
// makes a draft personal; later parts before earlier ones, because
// templates put what matters first. Greeting and signature never appear.
func (t *Template) dropOrder(keep uint64) []int {
	var plain, withContext []int
	for i := len(t.groups) - 1; i >= 0; i-- {
		g := t.groups[i]
		switch {
		case keep&(1<<i) == 0 || g.keepsNames():
		case g.has(slotContext):
			withContext = append(withContext, i)
		default:
			plain = append(plain, i)
		}
	}
	return append(plain, withContext...)
}

// contextUses counts how often the context appears in the kept text.
func (t *Template) contextUses(keep uint64) int {
	n := 0
	for _, p := range t.pieces {
		if p.slot == slotContext && (p.group < 0 || keep&(1<<p.group) != 0) {
			n++
		}
	}
	return n
}

// shortenContext cuts the context at a word boundary until the draft fits,
// keeping at least minContextRunes of it. n is the draft's length with the
// whole context.
func (t *Template) shortenContext(v *values, keep uint64, limit, n int) (string, bool) {
	uses := t.contextUses(keep)
	if uses == 0 {
		return "", false
	}
	ctx := v[slotContext]
	want := utf8.RuneCountInString(ctx) - ceilDiv(n-limit, uses) - 1 // 1 for "…"
	// The first cut is nearly always right; tidying can shift the length
	// by a character or two, so a few retries suffice and bound the work.
	for try := 0; try < 8 && want >= minContextRunes; try++ {
		cut := cutWords(ctx, want)
		got := utf8.RuneCountInString(cut)
		if got < minContextRunes {
			return "", false
		}
		s, n := t.assemble(v, keep, cut+"…")
		if n <= limit {
			return s, true
		}
		want = min(want-1, got-ceilDiv(n-limit, uses))
	}
	return "", false
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// assemble fills the kept parts of t and tidies the result; it returns the
// draft and its length in code points.
func (t *Template) assemble(v *values, keep uint64, ctx string) (string, int) {
	var b strings.Builder
	b.Grow(len(t.src) + len(ctx) + 64)
	for _, p := range t.pieces {
		if p.group >= 0 && keep&(1<<p.group) == 0 {
			continue
		}
		text := p.text
		if p.slot == slotContext {
			text = ctx
		} else if p.slot != noSlot {
			text = v[p.slot]
		}
		if (p.slot == noSlot || p.slot.sentenceLike()) && atSentenceStart(b.String()) {
			text = capitalise(text)
		}
		b.WriteString(text)
	}
	s := tidy(b.String())
	return s, utf8.RuneCountInString(s)
}

// atSentenceStart reports whether text written after s begins a sentence.
func atSentenceStart(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '\n', '.', '!', '?':
		return true
	}
	return false
}

// capitalise upper-cases the first letter of s, unless the word is written
// in mixed case on purpose ("iPhone", "eBay").
func capitalise(s string) string {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	r, size := utf8.DecodeRuneInString(s[lead:])
	if !unicode.IsLower(r) {
		return s
	}
	next, _ := utf8.DecodeRuneInString(s[lead+size:])
	if unicode.IsUpper(next) {
		return s
	}
	return s[:lead] + string(unicode.ToUpper(r)) + s[lead+size:]
}

// cache keeps compiled templates by source so that Render does not parse
// the same text for each of a thousand people. It is bounded because
// sources can come from users.
var cache struct {
	m sync.Map // string → *Template
	n atomic.Int64
}

const cacheMax = 1024

func compileCached(src string) (*Template, error) {
	if t, ok := cache.m.Load(src); ok {
		return t.(*Template), nil
	}
	t, err := Compile(src)
	if err != nil {
		return nil, err
	}
	remember(t)
	return t, nil
}

func remember(t *Template) {
	if cache.n.Load() >= cacheMax {
		return
	}
	if _, loaded := cache.m.LoadOrStore(t.src, t); !loaded {
		cache.n.Add(1)
	}
}
