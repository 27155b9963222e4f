package telegram

import (
	"context"
	"math"
	"sync"
	"time"
)

// Limits are the outbound message limits. Telegram asks bots to send at
// most about 30 messages a second overall and about one a second to one
// chat (a short burst is tolerated); DefaultLimits are those figures. A
// rate of zero or less means no limit.
type Limits struct {
	PerSecond     float64 // messages per second, all chats together
	Burst         int     // messages at once, all chats together
	ChatPerSecond float64 // messages per second to one chat, sustained
	ChatBurst     int     // messages at once to one chat
}

// DefaultLimits returns Telegram's figures: 30 messages/s overall, with a
// burst of 2 (so at most 31 in any second); per chat a burst of 3, then one
// a second. The overall burst of 2 is not for speed at rest: a sender that
// wakes a little late for its turn can then catch up, where a burst of 1
// never gives that time back and settles below the rate (12 % below it in
// the reminders benchmark at 10× Telegram's rate; 2.3 % over the minimum
// with a burst of 2, no 429).
func DefaultLimits() Limits {
	return Limits{PerSecond: 30, Burst: 2, ChatPerSecond: 1, ChatBurst: 3}
}

// Limiter spaces outbound messages within Limits. It is a generic cell
// rate algorithm (GCRA) per chat and one overall: each bucket keeps the
// theoretical arrival time of its next message, so that in any window of
// length w a bucket lets through at most burst + rate·w messages. A
// message is only booked at the moment it may go, in both buckets at
// once, so a chat that must wait (its own pace, a 429) never holds up the
// others. Safe for concurrent use.
type Limiter struct {
	clock Clock
	per   Limits

	mu        sync.Mutex
	all       bucket
	chats     map[int64]*bucket
	lastPrune time.Time
}

// bucket is one GCRA cell: emission interval, tolerance and the
// theoretical arrival time of the next message.
type bucket struct {
	interval  time.Duration
	tolerance time.Duration
	tat       time.Time
}

func newBucket(rate float64, burst int) bucket {
	if rate <= 0 {
		return bucket{}
	}
	// Rounded up, so that the pace is never faster than the rate.
	iv := time.Duration(math.Ceil(float64(time.Second) / rate))
	return bucket{interval: iv, tolerance: time.Duration(max(burst, 1)-1) * iv}
}

// earliest is when this bucket lets the next message go, at the soonest.
func (b *bucket) earliest(now time.Time) time.Time {
	if b.interval == 0 {
		return now
	}
	if t := b.tat.Add(-b.tolerance); t.After(now) {
		return t
	}
	return now
}

// take accounts for a message sent at t.
func (b *bucket) take(t time.Time) {
	if b.interval == 0 {
		return
	}
	if b.tat.Before(t) {
		b.tat = t
	}
	b.tat = b.tat.Add(b.interval)
}

// NewLimiter returns a limiter with these limits on this clock (nil: the
// wall clock).
func NewLimiter(l Limits, c Clock) *Limiter {
	if c == nil {
		c = wallClock{}
	}
	return &Limiter{clock: c, per: l, all: newBucket(l.PerSecond, l.Burst), chats: map[int64]*bucket{}}
}

// take books a message to chat now if both buckets allow it, and returns
// 0; otherwise it books nothing and returns how long to wait before asking
// again.
func (l *Limiter) take(chat int64) time.Duration {
	now := l.clock.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(now)
	c := l.chat(chat)
	at := l.all.earliest(now)
	if t := c.earliest(now); t.After(at) {
		at = t
	}
	if at.After(now) {
		return at.Sub(now)
	}
	l.all.take(now)
	c.take(now)
	return 0
}

// Wait waits until a message to chat may be sent and books it, or returns
// ctx's error.
func (l *Limiter) Wait(ctx context.Context, chat int64) error {
	for {
		d := l.take(chat)
		if d == 0 {
			return nil
		}
		if err := l.clock.Sleep(ctx, d); err != nil {
			return err
		}
	}
}

// Hold keeps every message to chat until t, as after a 429 whose
// retry_after ends at t. Messages booked before are not moved.
func (l *Limiter) Hold(chat int64, t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.chat(chat)
	if c.interval == 0 {
		// No per-chat limit: hold with a one-message bucket of its own.
		*c = bucket{interval: time.Nanosecond}
	}
	if t2 := t.Add(c.tolerance); c.tat.Before(t2) {
		c.tat = t2
	}
}

// chat returns the bucket of a chat. Call with l.mu held.
func (l *Limiter) chat(id int64) *bucket {
	c := l.chats[id]
	if c == nil {
		b := newBucket(l.per.ChatPerSecond, l.per.ChatBurst)
		c = &b
		l.chats[id] = c
	}
	return c
}

// prune forgets, at most once a minute, the chats whose bucket is full
// again: a fresh bucket is the same. It keeps the map as small as the set
// of recently active chats. Call with l.mu held.
func (l *Limiter) prune(now time.Time) {
	if now.Sub(l.lastPrune) < time.Minute {
		return
	}
	l.lastPrune = now
	for id, c := range l.chats {
		if !c.tat.After(now) {
			delete(l.chats, id)
		}
	}
}
