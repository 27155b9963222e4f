package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func rollbackChecks() []check {
	return []check{
		{"an fn error rolls back everything fn wrote and the event can be retried", rollbackAll},
		{"a rolled-back Forget keeps the user", rollbackForget},
		{"a cancelled context runs nothing", cancelledContext},
	}
}

var errBoom = errors.New("boom")

// writeEverything writes to every kind of row of the user and returns the
// import it added.
func writeEverything(ctx context.Context, tx coach.Tx) (int64, error) {
	u, err := tx.User(ctx)
	if err != nil {
		return 0, err
	}
	u.Settings.Name, u.State.Step = "Changed", coach.StepSegment
	if err := tx.SaveUser(ctx, u); err != nil {
		return 0, err
	}
	im := coach.Import{Format: "text", Label: "Meetup"}
	if err := tx.AddImport(ctx, &im); err != nil {
		return 0, err
	}
	p := named("Rolled Back", "rb@example.com", "Gone Inc")
	p.ImportID = im.ID
	if err := tx.AddPeople(ctx, []*coach.Person{&p}); err != nil {
		return 0, err
	}
	return im.ID, tx.SaveTemplate(ctx, coach.TemplateOverride{Segment: "event", Kind: "note", Body: "Hi"})
}

func rollbackAll(t *testing.T, s coach.Store) {
	before := user(t, s, alice)
	var importID int64
	err := s.Update(t.Context(), alice, "evt-9", func(ctx context.Context, tx coach.Tx) error {
		var err error
		if importID, err = writeEverything(ctx, tx); err != nil {
			t.Errorf("writing: %v", err)
		}
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatalf("Update = %v, want fn's error", err)
	}
	after := user(t, s, alice)
	if !reflect.DeepEqual(after.Settings, before.Settings) || !reflect.DeepEqual(after.State, before.State) {
		t.Errorf("user changed by a failed unit of work: %+v", after)
	}
	assertEmpty(t, s, alice, importID)
	runs := 0
	if err := s.Update(t.Context(), alice, "evt-9", counter(&runs)); err != nil || runs != 1 {
		t.Errorf("retry of the failed event: err %v, runs %d; want nil, 1", err, runs)
	}
}

// assertEmpty fails if the user has any person or template, or the import
// importID.
func assertEmpty(t *testing.T, s coach.Store, key string, importID int64) {
	t.Helper()
	update(t, s, key, func(ctx context.Context, tx coach.Tx) error {
		if im, err := tx.Import(ctx, importID); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("Import(%d) = %+v, %v; want ErrNotFound", importID, im, err)
		}
		if n, err := tx.CountPeople(ctx, coach.PeopleFilter{}); err != nil || n != 0 {
			t.Errorf("CountPeople = %d, %v; want 0", n, err)
		}
		if ts, err := tx.Templates(ctx); err != nil || len(ts) != 0 {
			t.Errorf("Templates = %v, %v; want none", ts, err)
		}
		if p, err := tx.PersonByEmail(ctx, "rb@example.com"); !errors.Is(err, coach.ErrNotFound) {
			t.Errorf("PersonByEmail = %+v, %v; want ErrNotFound", p, err)
		}
		return nil
	})
}

func rollbackForget(t *testing.T, s coach.Store) {
	kept := addPeople(t, s, alice, named("Still Here", "", ""))
	err := s.Update(t.Context(), alice, "", func(ctx context.Context, tx coach.Tx) error {
		if err := tx.Forget(ctx); err != nil {
			t.Errorf("Forget: %v", err)
		}
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatalf("Update = %v, want fn's error", err)
	}
	samePeople(t, people(t, s, alice, coach.PeopleFilter{}), kept)
}

func cancelledContext(t *testing.T, s coach.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	runs := 0
	if err := s.Update(ctx, alice, "evt-c", counter(&runs)); err == nil || runs != 0 {
		t.Errorf("Update with a cancelled context: err %v, runs %d; want an error, 0", err, runs)
	}
	if err := s.Update(t.Context(), alice, "evt-c", counter(&runs)); err != nil || runs != 1 {
		t.Errorf("the same event later: err %v, runs %d; want nil, 1", err, runs)
	}
}
