package prompts

import (
	"fmt"
	"testing"
)

// BenchmarkRenderNotes drafts 1,000 invitation notes per operation, across
// every segment and variant, with contexts that fit, need shortening, or
// are empty. One op is the "1,000 notes" target (under 50 ms).
func BenchmarkRenderNotes(b *testing.B) {
	l := Default()
	contexts := []string{"we rebuilt the Acme site in 2022", longContext, ""}
	people := make([]Data, 1000)
	for i := range people {
		people[i] = Data{
			FirstName: fmt.Sprintf("Person%d", i),
			Context:   contexts[i%len(contexts)],
			Group:     "BNI Lisbon",
			Company:   "Acme",
			UserName:  "Sam Lee",
		}
	}
	segs := l.Segments()
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range people {
			if _, err := l.Draft(segs[i%len(segs)], KindNote, i, d, i%2 == 0); err != nil {
				b.Fatal(err)
			}
		}
	}
}
