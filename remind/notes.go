package remind

import "sync"

// notes remembers, per user, the reminder last inserted, so that planning
// every user every minute inserts nothing while nothing changes. A note is
// only a shortcut: losing it (a restart) costs one insert that River's
// unique args turn into a no-op.
type notes struct {
	mu sync.Mutex
	m  map[string]slot
}

func newNotes() *notes { return &notes{m: map[string]slot{}} }

func (n *notes) is(user string, s slot) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	got, ok := n.m[user]
	return ok && got == s
}

func (n *notes) set(user string, s slot) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.m[user] = s
}

func (n *notes) drop(user string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.m, user)
}

// forget drops the user's note if it is s: the job of s ended without
// delivering, so s must be planned again should it become due again.
func (n *notes) forget(user string, s slot) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.m[user] == s {
		delete(n.m, user)
	}
}

// keepOnly drops the notes of users not in keep (they were forgotten).
func (n *notes) keepOnly(keep map[string]bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for u := range n.m {
		if !keep[u] {
			delete(n.m, u)
		}
	}
}

func (n *notes) len() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.m)
}
