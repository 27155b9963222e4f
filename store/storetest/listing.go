package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func listingChecks() []check {
	return []check{
		{"Users pages through every user in ID order with their settings", usersPaging},
	}
}

func usersPaging(t *testing.T, s coach.Store) {
	var keys []string
	for i := range 7 {
		key := fmt.Sprintf("telegram:%d", i)
		keys = append(keys, key)
		update(t, s, key, func(ctx context.Context, tx coach.Tx) error {
			u, err := tx.User(ctx)
			if err != nil {
				return err
			}
			u.Settings.ReminderTime = fmt.Sprintf("0%d:30", i)
			return tx.SaveUser(ctx, u)
		})
	}
	forgotten := keys[3]
	update(t, s, forgotten, func(ctx context.Context, tx coach.Tx) error { return tx.Forget(ctx) })
	var got []coach.User
	var after int64
	for {
		page, err := s.Users(t.Context(), after, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > 3 {
			t.Fatalf("page of %d, limit 3", len(page))
		}
		got = append(got, page...)
		after = page[len(page)-1].ID
	}
	if len(got) != 6 {
		t.Fatalf("listed %d users, want 6 (7 less the forgotten one)", len(got))
	}
	for i, u := range got {
		if i > 0 && u.ID <= got[i-1].ID {
			t.Errorf("not in ID order: %d after %d", u.ID, got[i-1].ID)
		}
		if u.Key == forgotten {
			t.Errorf("the forgotten user is listed")
		}
		want := "0" + u.Key[len("telegram:"):] + ":30"
		if u.Settings.ReminderTime != want || u.Settings.BatchSize != coach.DefaultSettings().BatchSize {
			t.Errorf("%s: settings %+v", u.Key, u.Settings)
		}
	}
}

func existingChecks() []check {
	return []check{
		{"UpdateExisting never creates a user, and works on one that exists", updateExisting},
	}
}

func updateExisting(t *testing.T, s coach.Store) {
	ran := false
	err := s.UpdateExisting(t.Context(), alice, func(ctx context.Context, tx coach.Tx) error { ran = true; return nil })
	if !errors.Is(err, coach.ErrNotFound) || ran {
		t.Errorf("unknown user: err %v, ran %v; want ErrNotFound and fn not run", err, ran)
	}
	if users, _ := s.Users(t.Context(), 0, 10); len(users) != 0 {
		t.Errorf("UpdateExisting created %d users", len(users))
	}
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error { return nil })
	err = s.UpdateExisting(t.Context(), alice, func(ctx context.Context, tx coach.Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return err
		}
		u.Settings.Name = "Alice"
		return tx.SaveUser(ctx, u)
	})
	if err != nil || user(t, s, alice).Settings.Name != "Alice" {
		t.Errorf("existing user: err %v, name %q", err, user(t, s, alice).Settings.Name)
	}
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error { return tx.Forget(ctx) })
	if err := s.UpdateExisting(t.Context(), alice, func(context.Context, coach.Tx) error { return nil }); !errors.Is(err, coach.ErrNotFound) {
		t.Errorf("forgotten user: err %v, want ErrNotFound", err)
	}
}
