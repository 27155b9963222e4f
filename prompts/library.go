package prompts

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
)

//go:embed templates
var embedded embed.FS

//go:embed help.txt
var help string

// segments are the relationships of PRODUCT.md flow 3, in the order the
// product lists them.
var segments = []string{"client", "colleague", "group", "event", "friend", "other"}

const (
	fallbackSegment = "other"
	sharedDir       = "shared"
	variantBreak    = "---"
)

// Library holds the templates for every segment and kind.
type Library struct {
	sets map[string]map[Kind][]*Template
}

// Default returns the embedded templates, loaded and checked on first use.
// It panics if an embedded file is broken; TestDefaultLoads makes sure none is.
func Default() *Library { return loadDefault() }

var loadDefault = sync.OnceValue(func() *Library {
	sub, err := fs.Sub(embedded, "templates")
	if err == nil {
		var l *Library
		if l, err = Load(sub); err == nil {
			l.warmCache()
			return l
		}
	}
	panic(fmt.Sprintf("prompts: embedded templates are broken: %v", err))
})

// Help explains the template syntax to a user about to write an override.
func Help() string { return help }

// Load reads templates laid out as <segment>/<kind>.txt and
// shared/<kind>.txt from fsys, variants separated by a line "---". Every
// segment must end up with at least one variant of every kind. Every
// variant must validate for its kind and render within the free limit for
// both empty and very long data. The error names the file and variant.
func Load(fsys fs.FS) (*Library, error) {
	files, err := readTree(fsys)
	if err != nil {
		return nil, err
	}
	l := &Library{sets: make(map[string]map[Kind][]*Template)}
	for _, seg := range segments {
		l.sets[seg] = make(map[Kind][]*Template)
		for _, kind := range Kinds() {
			ts, ok := files[seg][kind]
			if !ok {
				ts, ok = files[sharedDir][kind]
			}
			if !ok {
				return nil, fmt.Errorf("prompts: no %s template for %s (add %s/%s.txt or %s/%s.txt)", kind, seg, seg, kind, sharedDir, kind)
			}
			l.sets[seg][kind] = ts
		}
	}
	return l, nil
}

// readTree compiles and checks every file, by directory and kind.
func readTree(fsys fs.FS) (map[string]map[Kind][]*Template, error) {
	files := make(map[string]map[Kind][]*Template)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		dir, kind, err := splitTemplatePath(p)
		if err != nil {
			return err
		}
		ts, err := readFile(fsys, p, kind)
		if err != nil {
			return err
		}
		if files[dir] == nil {
			files[dir] = make(map[Kind][]*Template)
		}
		files[dir][kind] = ts
		return nil
	})
	return files, err
}

// splitTemplatePath accepts only <segment or shared>/<kind>.txt, so that a
// misspelt file name fails loudly instead of being ignored.
func splitTemplatePath(p string) (string, Kind, error) {
	dir, file := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	kind := Kind(strings.TrimSuffix(file, ".txt"))
	if !isSegment(dir) && dir != sharedDir {
		return "", "", fmt.Errorf("prompts: %s: %q is not a segment (want one of %s, or %s)", p, dir, strings.Join(segments, ", "), sharedDir)
	}
	if !strings.HasSuffix(file, ".txt") || !kind.Valid() {
		return "", "", fmt.Errorf("prompts: %s: want <kind>.txt with a kind among %v", p, Kinds())
	}
	return dir, kind, nil
}

func readFile(fsys fs.FS, p string, kind Kind) ([]*Template, error) {
	raw, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	var ts []*Template
	for i, src := range splitVariants(string(raw)) {
		t, err := checkedTemplate(src, kind)
		if err != nil {
			return nil, fmt.Errorf("prompts: %s, variant %d: %w", p, i+1, err)
		}
		ts = append(ts, t)
	}
	return ts, nil
}

// checkedTemplate compiles src and proves it renders within the free limit
// for empty and for very long data.
func checkedTemplate(src string, kind Kind) (*Template, error) {
	if src == "" {
		return nil, fmt.Errorf("empty variant")
	}
	t, err := Compile(src)
	if err != nil {
		return nil, err
	}
	if err := t.checkFor(kind, false); err != nil {
		return nil, err
	}
	for _, d := range []Data{{}, stressData} {
		if _, err := t.Render(d, Limit(kind, false)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// stressData is deliberately long in every field. Templates that cannot
// fit it cannot ship.
var stressData = Data{
	FirstName: "Maria Guadalupe Fernanda de los Ángeles",
	Context:   strings.Repeat("we worked on the long migration project together ", 12),
	Group:     strings.Repeat("International Chamber ", 4),
	Company:   strings.Repeat("Holdings ", 6),
	UserName:  "Anne-Sophie de la Tour d'Auvergne-Lauragais",
	News:      strings.Repeat("I have just relaunched my website ", 6),
}

// splitVariants cuts a file at lines holding only "---" and trims the blank
// lines around each variant. Windows line ends are accepted.
func splitVariants(raw string) []string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	var out []string
	var cur []string
	flush := func() {
		out = append(out, strings.Trim(strings.Join(cur, "\n"), "\n"))
		cur = cur[:0]
	}
	for line := range strings.SplitSeq(raw, "\n") {
		if strings.TrimSpace(line) == variantBreak {
			flush()
			continue
		}
		cur = append(cur, strings.TrimRight(line, " \t"))
	}
	flush()
	return out
}

func isSegment(s string) bool {
	for _, seg := range segments {
		if seg == s {
			return true
		}
	}
	return false
}

// warmCache lets Render(l.Source(…)) skip parsing.
func (l *Library) warmCache() {
	for _, kinds := range l.sets {
		for _, ts := range kinds {
			for _, t := range ts {
				remember(t)
			}
		}
	}
}

// Segments returns the segment names, in the order the product lists them.
func (l *Library) Segments() []string { return append([]string(nil), segments...) }

// Variants is how many variants the library has for segment and kind. An
// unknown segment means "other"; an unknown kind has none.
func (l *Library) Variants(segment string, kind Kind) int {
	return len(l.variants(segment, kind))
}

// Template returns one compiled variant. variant counts from 0 and wraps
// around, so "another variant" can simply add one. It returns nil for an
// unknown kind; an unknown segment means "other".
func (l *Library) Template(segment string, kind Kind, variant int) *Template {
	ts := l.variants(segment, kind)
	if len(ts) == 0 {
		return nil
	}
	return ts[wrap(variant, len(ts))]
}

// Source returns the text of one variant, for /templates and for the user
// to edit into an override. It follows Template's rules and returns "" for
// an unknown kind.
func (l *Library) Source(segment string, kind Kind, variant int) string {
	if t := l.Template(segment, kind, variant); t != nil {
		return t.src
	}
	return ""
}

// Draft renders one variant for d within the limit of kind (premium picks
// the longer note limit). Its errors are Render's, or an error for an
// unknown kind.
func (l *Library) Draft(segment string, kind Kind, variant int, d Data, premium bool) (string, error) {
	t := l.Template(segment, kind, variant)
	if t == nil {
		return "", fmt.Errorf("prompts: unknown kind %q", kind)
	}
	return t.Render(d, Limit(kind, premium))
}

func (l *Library) variants(segment string, kind Kind) []*Template {
	kinds, ok := l.sets[strings.ToLower(strings.TrimSpace(segment))]
	if !ok {
		kinds = l.sets[fallbackSegment]
	}
	return kinds[kind]
}

// wrap maps any integer onto 0..n-1.
func wrap(i, n int) int {
	return ((i % n) + n) % n
}
