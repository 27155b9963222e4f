package telegram

import "sync"

// seen remembers the last ids added (of updates handled, of groups told), so that an update
// delivered again (a webhook retry, a poll after a crash) is dropped before
// it does anything, even what the engine cannot de-duplicate: a refusal,
// the reply in a group. The engine de-duplicates durably; this is the
// first, in-memory line.
type seen struct {
	mu   sync.Mutex
	ids  map[int64]bool
	ring []int64
	next int
}

func newSeen(size int) *seen {
	return &seen{ids: make(map[int64]bool, size), ring: make([]int64, 0, size)}
}

// has reports whether id was added.
func (s *seen) has(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ids[id]
}

// add remembers id, forgetting the oldest when full.
func (s *seen) add(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids[id] {
		return
	}
	if len(s.ring) < cap(s.ring) {
		s.ring = append(s.ring, id)
	} else {
		delete(s.ids, s.ring[s.next])
		s.ring[s.next] = id
		s.next = (s.next + 1) % len(s.ring)
	}
	s.ids[id] = true
}
