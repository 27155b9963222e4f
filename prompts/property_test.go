package prompts

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestDraftProperties checks every template, with every property case, on
// free and Premium accounts, against the promises drafts make: within the
// limit, greeting and signature present, no template syntax, no holes, no
// dangling punctuation, and a context cut only at a word boundary.
func TestDraftProperties(t *testing.T) {
	l := Default()
	for _, seg := range l.Segments() {
		for _, kind := range Kinds() {
			for v := range l.Variants(seg, kind) {
				for _, c := range propertyCases {
					for _, premium := range []bool{false, true} {
						name := fmt.Sprintf("%s/%s/%d/%s/premium=%v", seg, kind, v+1, c.name, premium)
						out, err := l.Draft(seg, kind, v, c.data, premium)
						if err != nil {
							t.Errorf("%s: %v", name, err)
							continue
						}
						for _, p := range draftProblems(out, c.data, Limit(kind, premium)) {
							t.Errorf("%s: %s\n%s", name, p, out)
						}
					}
				}
			}
		}
	}
}

// draftProblems lists every broken promise in one draft.
func draftProblems(out string, d Data, limit int) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if n := utf8.RuneCountInString(out); n > limit {
		fail("%d characters, over the limit of %d", n, limit)
	}
	v := d.values()
	if !strings.Contains(out, v[slotFirstName]) {
		fail("lost the first name %q", v[slotFirstName])
	}
	if !strings.Contains(out, v[slotMyName]) {
		fail("lost the signature %q", v[slotMyName])
	}
	for _, bad := range []string{"{", "}", "[", "]", "  ", " ,", " .", ",.", ", .", "..", "\n\n\n"} {
		if strings.Contains(out, bad) {
			fail("contains %q", bad)
		}
	}
	if out != strings.TrimSpace(out) || strings.HasSuffix(out, ",") {
		fail("has loose ends")
	}
	if !cutAtWordBoundary(out, v[slotContext]) {
		fail("cuts the context mid-word")
	}
	return problems
}

// cutAtWordBoundary reports whether the context appears whole, not at all,
// or cut where cutWords may cut it, followed by "…".
func cutAtWordBoundary(out, ctx string) bool {
	if ctx == "" || strings.Contains(out, ctx) || strings.Contains(out, capitalise(ctx)) {
		return true
	}
	start := strings.Index(out, "…")
	if start < 0 {
		return !containsAnyPrefix(out, ctx)
	}
	for _, p := range wordPrefixes(ctx) {
		if strings.Contains(out, p+"…") || strings.Contains(out, capitalise(p)+"…") {
			return true
		}
	}
	return !containsAnyPrefix(out, ctx)
}

// wordPrefixes are every cut cutWords could make of ctx, remembered
// because the property test asks about the same few contexts many times.
func wordPrefixes(ctx string) []string {
	prefixMemo.Lock()
	defer prefixMemo.Unlock()
	if out, ok := prefixMemo.m[ctx]; ok {
		return out
	}
	seen := map[string]bool{}
	var out []string
	for n := range utf8.RuneCountInString(ctx) {
		if p := cutWords(ctx, n); p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	prefixMemo.m[ctx] = out
	return out
}

var prefixMemo = struct {
	sync.Mutex
	m map[string][]string
}{m: map[string][]string{}}

// containsAnyPrefix reports whether out holds the first words of ctx, which
// would mean the context was cut somewhere wordPrefixes does not allow.
func containsAnyPrefix(out, ctx string) bool {
	words := strings.Fields(ctx)
	if len(words) < 3 {
		return false
	}
	head := strings.Join(words[:3], " ")
	return strings.Contains(out, head) || strings.Contains(out, capitalise(head))
}

// TestCutWordsNeverSplitsAWord proves the boundary rule directly.
func TestCutWordsNeverSplitsAWord(t *testing.T) {
	ctx := longContext
	words := map[string]bool{}
	for _, w := range strings.Fields(ctx) {
		words[strings.TrimRight(w, trailingTrim)] = true
	}
	for n := range utf8.RuneCountInString(ctx) {
		cut := cutWords(ctx, n)
		if utf8.RuneCountInString(cut) > n {
			t.Fatalf("cutWords(%d) gave %d characters", n, utf8.RuneCountInString(cut))
		}
		if f := strings.Fields(cut); len(f) > 0 && !words[f[len(f)-1]] {
			t.Fatalf("cutWords(%d) ends mid-word: %q", n, cut)
		}
	}
}
