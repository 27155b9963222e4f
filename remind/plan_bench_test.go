package remind

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// BenchmarkPlanAll10k times one planning pass over 10,000 onboarded
// users: the first, which inserts every user's job (20 pages of 500, one
// InsertMany each); one after a restart, which tries again and River's
// unique args turn into no-ops; and the steady pass of every minute,
// which reads every user and inserts nothing.
func BenchmarkPlanAll10k(b *testing.B) {
	ctx := context.Background()
	b.Run("first", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			e := tenThousand(b)
			b.StartTimer()
			if err := e.s.planAll(ctx); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			e.close()
		}
	})
	e := tenThousand(b)
	if err := e.s.planAll(ctx); err != nil {
		b.Fatal(err)
	}
	b.Run("after_restart", func(b *testing.B) {
		for range b.N {
			e.s.notes = newNotes()
			if err := e.s.planAll(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("steady", func(b *testing.B) {
		for range b.N {
			if err := e.s.planAll(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	if n := len(e.jobs("telegram:1")); n != 1 {
		b.Fatalf("%d jobs for one user, want 1", n)
	}
}

// tenThousand opens a bot with 10,000 onboarded Telegram users.
func tenThousand(b *testing.B) *env {
	e := newEnv(b, local(b, "UTC", time.November, 26, 7, 0))
	for i := range 10000 {
		err := e.store.Update(context.Background(), "telegram:"+strconv.Itoa(i+1), "", func(ctx context.Context, tx coach.Tx) error {
			u, err := tx.User(ctx)
			if err != nil {
				return err
			}
			u.Settings.Onboarded = true
			return tx.SaveUser(ctx, u)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return e
}
