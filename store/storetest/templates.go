package storetest

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/rapport-bot/rapport/coach"
)

func templateChecks() []check {
	return []check{
		{"templates are saved, replaced and deleted", templatesLifecycle},
	}
}

// templates returns key's overrides sorted by segment and kind.
func templates(t *testing.T, s coach.Store, key string) []coach.TemplateOverride {
	t.Helper()
	ts := view(t, s, key, func(ctx context.Context, tx coach.Tx) ([]coach.TemplateOverride, error) {
		return tx.Templates(ctx)
	})
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].Segment != ts[j].Segment {
			return ts[i].Segment < ts[j].Segment
		}
		return ts[i].Kind < ts[j].Kind
	})
	return ts
}

func templatesLifecycle(t *testing.T, s coach.Store) {
	if ts := templates(t, s, alice); len(ts) != 0 {
		t.Errorf("a new user has overrides %v", ts)
	}
	save := func(o coach.TemplateOverride) {
		update(t, s, alice, func(ctx context.Context, tx coach.Tx) error { return tx.SaveTemplate(ctx, o) })
	}
	save(coach.TemplateOverride{Segment: "event", Kind: "note", Body: "Hi {{.First}}"})
	save(coach.TemplateOverride{Segment: "client", Kind: "note", Body: "Hello"})
	save(coach.TemplateOverride{Segment: "event", Kind: "message", Body: "Thanks"})
	save(coach.TemplateOverride{Segment: "event", Kind: "note", Body: "Replaced"})
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		if err := tx.DeleteTemplate(ctx, "client", "note"); err != nil {
			return err
		}
		return tx.DeleteTemplate(ctx, "friend", "note") // none: not an error
	})
	want := []coach.TemplateOverride{
		{Segment: "event", Kind: "message", Body: "Thanks"},
		{Segment: "event", Kind: "note", Body: "Replaced"},
	}
	if got := templates(t, s, alice); !reflect.DeepEqual(got, want) {
		t.Errorf("templates:\n got %v\nwant %v", got, want)
	}
}
