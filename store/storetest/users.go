package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

func userChecks() []check {
	return []check{
		{"a new user gets the default settings and an empty state", newUserDefaults},
		{"a user keeps its key, id and creation time", userIdentity},
		{"settings and state round-trip, undo history with people included", userRoundTrip},
	}
}

func newUserDefaults(t *testing.T, s coach.Store) {
	u := user(t, s, alice)
	if !reflect.DeepEqual(u.Settings, coach.DefaultSettings()) {
		t.Errorf("settings = %+v, want %+v", u.Settings, coach.DefaultSettings())
	}
	if !reflect.DeepEqual(u.State, coach.State{}) {
		t.Errorf("state = %+v, want empty", u.State)
	}
}

func userIdentity(t *testing.T, s coach.Store) {
	before := time.Now()
	first := user(t, s, alice)
	after := time.Now()
	if first.Key != alice || first.ID == 0 {
		t.Errorf("user = (key %q, id %d), want key %q and an id", first.Key, first.ID, alice)
	}
	inRange(t, "CreatedAt", first.CreatedAt, before, after)
	again := user(t, s, alice)
	if again.ID != first.ID || !again.CreatedAt.Equal(first.CreatedAt) {
		t.Errorf("second unit of work: id %d created %v, want %d %v", again.ID, again.CreatedAt, first.ID, first.CreatedAt)
	}
	if other := user(t, s, bob); other.ID == first.ID {
		t.Errorf("two keys share id %d", other.ID)
	}
}

func userRoundTrip(t *testing.T, s coach.Store) {
	want := sampleUser()
	update(t, s, alice, func(ctx context.Context, tx coach.Tx) error {
		u, err := tx.User(ctx)
		if err != nil {
			return err
		}
		u.Settings, u.State = want.Settings, want.State
		return tx.SaveUser(ctx, u)
	})
	got := user(t, s, alice)
	if !reflect.DeepEqual(got.Settings, want.Settings) {
		t.Errorf("settings:\n got %+v\nwant %+v", got.Settings, want.Settings)
	}
	if !reflect.DeepEqual(got.State, want.State) {
		t.Errorf("state:\n got %+v\nwant %+v", got.State, want.State)
	}
}

// sampleUser has every setting and a state with an undo history.
func sampleUser() coach.User {
	p1 := coach.PersonAnswers{ID: 41, Segment: coach.SegmentClient, Recognition: coach.RecognitionProbably,
		LinkedIn: coach.LinkedInOn, Context: "we rebuilt the Acme site", ContextDone: true, Plan: coach.PlanInviteNote,
		Triage: coach.TriageDone, Draft: "Hi Ann, …", DraftKind: "note", Variant: 2}
	p2 := coach.PersonAnswers{ID: 42, Triage: coach.TriagePending}
	return coach.User{
		Settings: coach.Settings{
			Name: "Dana Reyes", Premium: true, NotesPerMonth: 7, BatchSize: 12,
			WeeklyCap: 60, TimeZone: "Europe/Lisbon", ReminderTime: "08:15",
			SendingDays: "Tue-Thu", News: "We moved to Porto", LLMNoticeSeen: true,
		},
		State: coach.State{
			Cursor:  coach.Cursor{Step: coach.StepContext, PersonID: 42, ImportID: 3},
			Choices: []coach.Choice{{Label: "Nothing to add", Value: "cx:42:none"}},
			Undo: []coach.UndoEntry{
				{Cursor: coach.Cursor{Step: coach.StepSegment, PersonID: 41, ImportID: 3}, People: []coach.PersonAnswers{p1}},
				{Cursor: coach.Cursor{Step: coach.StepRecognition, PersonID: 42}, People: []coach.PersonAnswers{p1, p2}},
			},
		},
	}
}
