package coach_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
	"github.com/rapport-bot/rapport/store/sqlite"
)

// seedUser gives a user onboarded settings and an event import of n people
// awaiting triage, written straight through the store.
func seedUser(b *testing.B, st coach.Store, key string, n int) {
	b.Helper()
	err := st.Update(context.Background(), key, "", func(ctx context.Context, tx coach.Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return err
		}
		u.Settings.Name, u.Settings.Onboarded = "Alex Morgan", true
		if err := tx.SaveUser(ctx, u); err != nil {
			return err
		}
		im := &coach.Import{Format: "pasted_text", Origin: coach.OriginEvent, Label: "the Founders Breakfast", Count: n}
		if err := tx.AddImport(ctx, im); err != nil {
			return err
		}
		people := make([]*coach.Person, n)
		for i := range people {
			first := fmt.Sprintf("Person%d", i)
			people[i] = &coach.Person{ImportID: im.ID, FullName: first + " Example", FirstName: first, LastName: "Example",
				Company: "Company " + key, Email: fmt.Sprintf("p%d@%s.example", i, key[len("bench:"):]),
				Emails: []string{fmt.Sprintf("p%d@%s.example", i, key[len("bench:"):])}, NameKey: fmt.Sprintf("person%d example", i),
				Segment: coach.SegmentEvent, Triage: coach.TriagePending}
		}
		return tx.AddPeople(ctx, people)
	})
	if err != nil {
		b.Fatalf("seed %s: %v", key, err)
	}
}

// BenchmarkTriageTurn measures one triage answer through the engine and
// SQLite, with 1,000 other users' data in the database. It reports the
// median and 99th percentile of a turn and turns per second.
func BenchmarkTriageTurn(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for i := 1; i <= 1000; i++ {
		seedUser(b, st, fmt.Sprintf("bench:%d", i), 50)
	}
	seedUser(b, st, "bench:0", 5000)
	e := coach.New(st, coach.Options{})
	if _, err := e.Handle(ctx, coach.Event{User: "bench:0", Text: "/next"}); err != nil {
		b.Fatal(err)
	}
	answers := []string{"probably", "yes", "we talked about the new bakery"}
	durations := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		_, err := e.Handle(ctx, coach.Event{User: "bench:0", ID: fmt.Sprint("ev", i), Text: answers[i%len(answers)]})
		durations = append(durations, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	slices.Sort(durations)
	pct := func(p float64) float64 { return float64(durations[int(p*float64(len(durations)-1))].Microseconds()) }
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
	var total time.Duration
	for _, d := range durations {
		total += d
	}
	b.ReportMetric(float64(len(durations))/total.Seconds(), "turns/s")
}

// BenchmarkBatchCommand is /batch through the engine and SQLite for a user
// with 10,000 queued people. "first-of-day" builds a new day's batch each
// time (every person is read and ranked, ten are fixed); "fixed" shows a
// batch already fixed for the day (only it and the pacing history are read).
func BenchmarkBatchCommand(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	seedUser(b, st, "bench:0", 10000)
	err = st.Update(ctx, "bench:0", "", func(ctx context.Context, tx coach.Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return err
		}
		u.Settings.SendingDays = "every day"
		if err := tx.SaveUser(ctx, u); err != nil {
			return err
		}
		people, err := tx.People(ctx, coach.PeopleFilter{})
		if err != nil {
			return err
		}
		for i, p := range people {
			p.Triage, p.Recognition, p.LinkedIn, p.ContextDone = coach.TriageDone, coach.RecognitionProbably, coach.LinkedInOn, true
			p.Plan = coach.PlanInviteThenMessage
			if i%2 == 0 {
				p.Recognition = coach.RecognitionDefinitely
			}
			if err := tx.SavePerson(ctx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	day := 0
	e := coach.New(st, coach.Options{Clock: func() time.Time { return fixedNow.AddDate(0, 0, day) }})
	batch := func(b *testing.B) {
		out, err := e.Handle(ctx, coach.Event{User: "bench:0", Text: "/batch"})
		if err != nil || len(out) == 0 || !strings.Contains(out[0].PlainText(), "10. ") {
			b.Fatalf("no batch of ten: %v", err)
		}
	}
	b.Run("first-of-day", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			day++
			batch(b)
		}
	})
	b.Run("fixed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			batch(b)
		}
	})
}
