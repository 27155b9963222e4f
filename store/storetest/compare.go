package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// at returns a fixed UTC time with microsecond precision, which every
// database keeps exactly (PostgreSQL stores microseconds).
func at(day, micros int) time.Time {
	return time.Date(2026, 3, day, 9, 30, 15, micros*1000, time.UTC)
}

// inRange fails unless a time the store set lies between before and after,
// allowing for a database that keeps microseconds only.
func inRange(t *testing.T, what string, got, before, after time.Time) {
	t.Helper()
	if got.Before(before.Truncate(time.Microsecond)) || got.After(after) {
		t.Errorf("%s = %v, want between %v and %v", what, got, before, after)
	}
}

// normal returns p in a form to compare: times as instants, no empty
// slices (a store may give back nil or empty for none).
func normal(p coach.Person) coach.Person {
	p.CreatedAt = p.CreatedAt.UTC().Round(0)
	p.UpdatedAt = p.UpdatedAt.UTC().Round(0)
	if len(p.Emails) == 0 {
		p.Emails = nil
	}
	return p
}

// samePerson fails unless got equals want, field by field.
func samePerson(t *testing.T, got, want coach.Person) {
	t.Helper()
	if g, w := normal(got), normal(want); !reflect.DeepEqual(g, w) {
		t.Errorf("person:\n got %+v\nwant %+v", g, w)
	}
}

// samePeople fails unless got and want hold equal people in the same order.
func samePeople(t *testing.T, got, want []coach.Person) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d people %v, want %d %v", len(got), ids(got), len(want), ids(want))
	}
	for i := range got {
		samePerson(t, got[i], want[i])
	}
}

// ids returns the IDs of ps, in order.
func ids(ps []coach.Person) []int64 {
	out := []int64{}
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}
