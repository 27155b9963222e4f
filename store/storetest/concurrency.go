package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func concurrencyChecks() []check {
	return []check{
		{"concurrent updates of one user lose no update", concurrentUpdates},
	}
}

// increments is how many goroutines add one to each user's counter.
const increments = 20

func concurrentUpdates(t *testing.T, s coach.Store) {
	start := map[string]int{}
	for _, key := range []string{alice, bob} {
		start[key] = user(t, s, key).Settings.WeeklyCap
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*increments)
	for i := range 2 * increments {
		key := []string{alice, bob}[i%2]
		wg.Go(func() {
			errs <- s.Update(t.Context(), key, fmt.Sprintf("inc-%d", i), increment)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Update: %v", err)
		}
	}
	for _, key := range []string{alice, bob} {
		if got, want := user(t, s, key).Settings.WeeklyCap, start[key]+increments; got != want {
			t.Errorf("%s: counter = %d, want %d", key, got, want)
		}
	}
}

// increment reads the counter, kept in the settings, and writes it back
// plus one: a lost update shows as a smaller total.
func increment(ctx context.Context, tx coach.Tx) error {
	u, err := tx.User(ctx)
	if err != nil {
		return err
	}
	u.Settings.WeeklyCap++
	return tx.SaveUser(ctx, u)
}
