package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func replyChecks() []check {
	return []check{
		{"the replies of a user's last event are kept, and only those", lastReplies},
	}
}

func lastReplies(t *testing.T, s coach.Store) {
	save := func(key, event, body string) {
		update(t, s, key, func(ctx context.Context, tx coach.Tx) error { return tx.SaveReplies(ctx, event, []byte(body)) })
	}
	save(alice, "e1", `[{"one":1}]`)
	save(bob, "e1", `[{"bob":1}]`)
	if got, err := s.Replies(t.Context(), alice, "e1"); err != nil || string(got) != `[{"one":1}]` {
		t.Errorf("Replies(alice, e1) = %q, %v", got, err)
	}
	save(alice, "e2", `[{"two":2}]`)
	if _, err := s.Replies(t.Context(), alice, "e1"); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("an older event's replies: err %v, want ErrNotFound", err)
	}
	if got, err := s.Replies(t.Context(), bob, "e1"); err != nil || string(got) != `[{"bob":1}]` {
		t.Errorf("bob's replies = %q, %v (one user's replies replaced another's)", got, err)
	}
	if _, err := s.Replies(t.Context(), "nobody", "e2"); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("unknown user: err %v, want ErrNotFound", err)
	}
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error { return tx.Forget(ctx) })
	if _, err := s.Replies(t.Context(), alice, "e2"); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("after Forget: err %v, want ErrNotFound", err)
	}
}
