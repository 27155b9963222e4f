package storetest

import (
	"context"
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
