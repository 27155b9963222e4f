// Package storetest is the coach.Store contract as a test suite. Every
// store runs it from its own tests:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) coach.Store { … })
//	}
//
// Each subtest is named for the behaviour it proves.
package storetest

import (
	"context"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

// Users of the suite; any opaque keys would do.
const (
	alice = "terminal:local:alice"
	bob   = "telegram:bot:bob"
)

// check is one behaviour of the contract.
type check struct {
	name string
	run  func(t *testing.T, s coach.Store)
}

// checks returns the contract, group by group.
func checks() []check {
	var all []check
	for _, group := range [][]check{
		userChecks(), eventChecks(), rollbackChecks(), concurrencyChecks(),
		importChecks(), peopleChecks(), filterChecks(), lookupChecks(),
		templateChecks(), isolationChecks(), forgetChecks(), listingChecks(), replyChecks(), existingChecks(),
	} {
		all = append(all, group...)
	}
	return all
}

// Run runs the contract as subtests of t. open is called once per subtest
// and must return a new, empty store, closed by a cleanup that open
// registers (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) coach.Store) {
	for _, c := range checks() {
		t.Run(c.name, func(t *testing.T) {
			c.run(t, open(t))
		})
	}
}

// update runs fn as a unit of work of user key with no event id and fails
// the test on error.
func update(t *testing.T, s coach.Store, key string, fn func(ctx context.Context, tx coach.Tx) error) {
	t.Helper()
	if err := s.Update(t.Context(), key, "", fn); err != nil {
		t.Fatalf("Update(%q): %v", key, err)
	}
}

// view returns what fn reads in a unit of work of user key.
func view[T any](t *testing.T, s coach.Store, key string, fn func(ctx context.Context, tx coach.Tx) (T, error)) T {
	t.Helper()
	var v T
	update(t, s, key, func(ctx context.Context, tx coach.Tx) error {
		var err error
		v, err = fn(ctx, tx)
		return err
	})
	return v
}

// user returns the stored user of key.
func user(t *testing.T, s coach.Store, key string) coach.User {
	t.Helper()
	return view(t, s, key, func(ctx context.Context, tx coach.Tx) (coach.User, error) {
		return tx.User(ctx)
	})
}

// people returns the people of key that f selects.
func people(t *testing.T, s coach.Store, key string, f coach.PeopleFilter) []coach.Person {
	t.Helper()
	return view(t, s, key, func(ctx context.Context, tx coach.Tx) ([]coach.Person, error) {
		return tx.People(ctx, f)
	})
}

// addPeople stores ps for key and returns them with their IDs.
func addPeople(t *testing.T, s coach.Store, key string, ps ...coach.Person) []coach.Person {
	t.Helper()
	ptrs := make([]*coach.Person, len(ps))
	for i := range ps {
		ptrs[i] = &ps[i]
	}
	update(t, s, key, func(ctx context.Context, tx coach.Tx) error {
		return tx.AddPeople(ctx, ptrs)
	})
	return ps
}

// addImport stores im for key and returns it with its ID.
func addImport(t *testing.T, s coach.Store, key string, im coach.Import) coach.Import {
	t.Helper()
	update(t, s, key, func(ctx context.Context, tx coach.Tx) error {
		return tx.AddImport(ctx, &im)
	})
	return im
}
