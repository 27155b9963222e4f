package prompts

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDefaultLoads proves the embedded templates load (Default panics
// otherwise) and that every segment has enough variants of every kind.
func TestDefaultLoads(t *testing.T) {
	l := Default()
	want := []string{"client", "colleague", "group", "event", "friend", "other"}
	if got := strings.Join(l.Segments(), ","); got != strings.Join(want, ",") {
		t.Fatalf("Segments() = %s", got)
	}
	for _, seg := range l.Segments() {
		for _, kind := range Kinds() {
			n := l.Variants(seg, kind)
			if n < 2 || n > 3 {
				t.Errorf("%s %s has %d variants, want 2 or 3", seg, kind, n)
			}
			for v := range n {
				src := l.Source(seg, kind, v)
				if err := ValidateFor(src, kind, false); err != nil {
					t.Errorf("%s %s variant %d: %v", seg, kind, v+1, err)
				}
				if w := Warnings(src, kind); len(w) > 0 && kind != KindEmailInvite {
					t.Errorf("%s %s variant %d: %q", seg, kind, v+1, w)
				}
			}
		}
	}
}

func TestEmbeddedTemplatesHaveNoEmojiOrMarketingWords(t *testing.T) {
	l := Default()
	banned := []string{"synergy", "leverage", "game-changer", "!!", "exciting opportunity", "reach out"}
	for _, seg := range l.Segments() {
		for _, kind := range Kinds() {
			for v := range l.Variants(seg, kind) {
				src := l.Source(seg, kind, v)
				for _, r := range src {
					if r > 0x2000 && r != '—' && r != '…' && r != '’' {
						t.Errorf("%s %s variant %d has %q", seg, kind, v+1, r)
					}
				}
				for _, b := range banned {
					if strings.Contains(strings.ToLower(src), b) {
						t.Errorf("%s %s variant %d says %q", seg, kind, v+1, b)
					}
				}
			}
		}
	}
}

func TestLibraryLookups(t *testing.T) {
	l := Default()
	if l.Source("no such segment", KindNote, 0) != l.Source("other", KindNote, 0) {
		t.Error("an unknown segment must fall back to other")
	}
	if l.Source(" Client ", KindNote, 0) != l.Source("client", KindNote, 0) {
		t.Error("segment names must forgive case and spaces")
	}
	n := l.Variants("client", KindNote)
	if l.Source("client", KindNote, n) != l.Source("client", KindNote, 0) ||
		l.Source("client", KindNote, -1) != l.Source("client", KindNote, n-1) {
		t.Error("variants must wrap around")
	}
	if l.Source("client", Kind("letter"), 0) != "" || l.Variants("client", Kind("letter")) != 0 {
		t.Error("an unknown kind has no templates")
	}
	if _, err := l.Draft("client", Kind("letter"), 0, normal, false); err == nil {
		t.Error("drafting an unknown kind must fail")
	}
	if Help() == "" || !strings.Contains(Help(), "{first_name}") {
		t.Error("Help is missing")
	}
}

func TestRenderOfSourceIsDraft(t *testing.T) {
	l := Default()
	src := l.Source("group", KindNote, 1)
	got, err := Render(src, normal, Limit(KindNote, false))
	want, err2 := l.Draft("group", KindNote, 1, normal, false)
	if err != nil || err2 != nil || got != want {
		t.Errorf("Render(Source) = %q, %v; Draft = %q, %v", got, err, want, err2)
	}
}

// TestLoadFailsLoudly shows that broken template trees are refused with an
// error naming the file, rather than loaded with a gap.
func TestLoadFailsLoudly(t *testing.T) {
	complete := func() fstest.MapFS {
		fsys := fstest.MapFS{}
		for _, kind := range Kinds() {
			src := "Hi {first_name}. [{context}. ]{my_name}"
			if kind.IsEmail() {
				src = "Subject: Hello\n\n" + src
			}
			fsys["shared/"+string(kind)+".txt"] = &fstest.MapFile{Data: []byte(src + "\n---\n" + src)}
		}
		return fsys
	}
	if _, err := Load(complete()); err != nil {
		t.Fatalf("a complete tree must load: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(fstest.MapFS)
		wants string
	}{
		{"missing kind", func(f fstest.MapFS) { delete(f, "shared/note.txt") }, "no note template for client"},
		{"unknown segment", func(f fstest.MapFS) { f["vendors/note.txt"] = &fstest.MapFile{Data: []byte("Hi")} }, `"vendors" is not a segment`},
		{"misspelt kind", func(f fstest.MapFS) { f["client/notes.txt"] = &fstest.MapFile{Data: []byte("Hi")} }, "client/notes.txt"},
		{"invalid template", func(f fstest.MapFS) { f["client/note.txt"] = &fstest.MapFile{Data: []byte("Hi {frist_name}")} }, "client/note.txt, variant 1: There is no slot {frist_name}"},
		{"empty variant", func(f fstest.MapFS) { f["client/note.txt"] = &fstest.MapFile{Data: []byte("Hi\n---\n")} }, "variant 2: empty variant"},
		{"note that cannot fit", func(f fstest.MapFS) {
			f["client/note.txt"] = &fstest.MapFile{Data: []byte(strings.Repeat("word ", 30) + "{first_name} {my_name}")}
		}, "client/note.txt, variant 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := complete()
			tt.edit(fsys)
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.wants) {
				t.Fatalf("got %v, want an error containing %q", err, tt.wants)
			}
		})
	}
}

func TestSplitVariants(t *testing.T) {
	got := splitVariants("\nA \r\nline two\r\n---\r\n\nB\n --- \nC\n")
	want := []string{"A\nline two", "B", "C"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
