package telegram

import (
	"context"
	"sort"
	"testing"
	"time"
)

// checkEnvelope fails when, in some window, the times hold more than
// burst + rate·window events: the promise of a GCRA bucket.
func checkEnvelope(t *testing.T, what string, times []time.Time, rate float64, burst int) {
	t.Helper()
	ts := append([]time.Time(nil), times...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	for i := range ts {
		for j := i; j < len(ts); j++ {
			allowed := float64(burst) + rate*ts[j].Sub(ts[i]).Seconds() + 1e-9
			if float64(j-i+1) > allowed {
				t.Fatalf("%s: %d messages within %v, limit %.2f", what, j-i+1, ts[j].Sub(ts[i]), allowed)
			}
		}
	}
}

// send waits for the limiter on the fake clock and returns when the
// message went.
func send(t *testing.T, l *Limiter, c *fakeClock, chat int64) time.Time {
	t.Helper()
	if err := l.Wait(context.Background(), chat); err != nil {
		t.Fatal(err)
	}
	return c.Now()
}

func TestLimiterOneChatBurstsThenOnePerSecond(t *testing.T) {
	c := newFakeClock()
	l := NewLimiter(DefaultLimits(), c)
	t0 := c.Now()
	var got []time.Time
	for range 8 {
		got = append(got, send(t, l, c, 42))
	}
	// A burst of 3 (the overall limit lets 2 go at once, then one each
	// 1/30 s), then one a second.
	want := []time.Duration{0, 0, time.Second / 30, time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second, 5 * time.Second}
	for i, at := range got {
		if d := at.Sub(t0); d < want[i]-time.Millisecond || d > want[i]+time.Millisecond {
			t.Errorf("message %d at +%v, want +%v", i+1, d, want[i])
		}
	}
	checkEnvelope(t, "chat", got, 1, 3)
}

func TestLimiterManyChatsHoldThirtyPerSecond(t *testing.T) {
	c := newFakeClock()
	l := NewLimiter(DefaultLimits(), c)
	var all []time.Time
	perChat := map[int64][]time.Time{}
	for i := range 300 {
		chat := int64(i%120 + 1)
		at := send(t, l, c, chat)
		all = append(all, at)
		perChat[chat] = append(perChat[chat], at)
		if i%7 == 0 {
			c.advance(10 * time.Millisecond) // senders arrive over time, too
		}
	}
	checkEnvelope(t, "overall", all, 30, DefaultLimits().Burst)
	for _, ts := range perChat {
		checkEnvelope(t, "chat", ts, 1, 3)
	}
	if last := all[len(all)-1].Sub(all[0]); last < 9*time.Second {
		t.Errorf("300 messages spread over %v, want about 10 s at 30/s", last)
	}
}

func TestLimiterWaitSleepsOnTheClock(t *testing.T) {
	c := newFakeClock()
	l := NewLimiter(Limits{ChatPerSecond: 2, ChatBurst: 1}, c)
	ctx := context.Background()
	for range 3 {
		if err := l.Wait(ctx, 7); err != nil {
			t.Fatal(err)
		}
	}
	s := c.sleeps()
	if len(s) != 2 || s[0] != 500*time.Millisecond || s[1] != 500*time.Millisecond {
		t.Errorf("sleeps %v, want two of 500ms", s)
	}
}

func TestLimiterHoldDelaysOnlyThatChat(t *testing.T) {
	c := newFakeClock()
	l := NewLimiter(DefaultLimits(), c)
	t0 := c.Now()
	l.Hold(5, t0.Add(7*time.Second))
	if d := l.take(5); d != 7*time.Second {
		t.Errorf("held chat may send in %v, want 7s", d)
	}
	if at := send(t, l, c, 6); !at.Equal(t0) {
		t.Errorf("another chat waits until +%v", at.Sub(t0))
	}
	if at := send(t, l, c, 5); at.Before(t0.Add(7 * time.Second)) {
		t.Errorf("held chat sends at +%v, want ≥ +7s", at.Sub(t0))
	}
	// With no per-chat limit, Hold still holds.
	t1 := c.Now()
	l = NewLimiter(Limits{}, c)
	l.Hold(5, t1.Add(3*time.Second))
	if at := send(t, l, c, 5); at.Before(t1.Add(3 * time.Second)) {
		t.Errorf("unlimited held chat sends at +%v, want ≥ +3s", at.Sub(t1))
	}
}

func TestLimiterZeroLimitsNeverWait(t *testing.T) {
	c := newFakeClock()
	l := NewLimiter(Limits{}, c)
	for i := range 1000 {
		if d := l.take(int64(i % 3)); d != 0 {
			t.Fatalf("message %d waits %v", i, d)
		}
	}
}

func TestLimiterForgetsIdleChats(t *testing.T) {
	c := newFakeClock()
	l := NewLimiter(DefaultLimits(), c)
	for i := range 500 {
		send(t, l, c, int64(i))
	}
	c.advance(2 * time.Minute)
	send(t, l, c, 1)
	l.mu.Lock()
	n := len(l.chats)
	l.mu.Unlock()
	if n != 1 {
		t.Errorf("%d chats remembered after two idle minutes, want 1", n)
	}
}
