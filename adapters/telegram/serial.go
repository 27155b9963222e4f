package telegram

import "sync"

// serial runs jobs at most `workers` at a time, and the jobs of one key
// (one user) one at a time in the order they came: a slow user never
// blocks the others, and one user's messages never overtake each other.
type serial struct {
	sem chan struct{}
	wg  sync.WaitGroup

	mu     sync.Mutex
	queues map[string][]func() // a key is present while its runner runs
}

func newSerial(workers int) *serial {
	return &serial{sem: make(chan struct{}, workers), queues: map[string][]func(){}}
}

// Go queues job after the queued jobs of key.
func (s *serial) Go(key string, job func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, running := s.queues[key]
	s.queues[key] = append(q, job)
	if !running {
		s.wg.Add(1)
		go s.run(key)
	}
}

// run drains the queue of key, then ends.
func (s *serial) run(key string) {
	defer s.wg.Done()
	for {
		s.mu.Lock()
		q := s.queues[key]
		if len(q) == 0 {
			delete(s.queues, key)
			s.mu.Unlock()
			return
		}
		job := q[0]
		q[0] = nil
		s.queues[key] = q[1:]
		s.mu.Unlock()
		s.sem <- struct{}{}
		job()
		<-s.sem
	}
}

// Wait waits until every queued job has run.
func (s *serial) Wait() {
	s.wg.Wait()
}
