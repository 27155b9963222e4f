package coach

import "fmt"

// forget asks for confirmation before deleting everything of this user.
func (t *turn) forget() error {
	n, err := t.tx.CountPeople(t.ctx, PeopleFilter{})
	if err != nil {
		return fmt.Errorf("count people: %w", err)
	}
	t.state.Step = StepForget
	t.say(new(text).bold("Delete everything?").
		plain(fmt.Sprintf(" Your %s, answers, drafts, templates and settings will be gone for good. /export first if you want a copy.", plural(n, "person", "people"))).
		message(choice("Yes, delete everything", "fg", "yes"), choice("No, keep it", "fg", "no")))
	return nil
}

// answerForget deletes everything after a yes, and nothing otherwise.
func (t *turn) answerForget(yes bool) error {
	if t.state.Step != StepForget {
		t.sayText("Nothing to confirm: /forget asks first.")
		return nil
	}
	if !yes {
		t.state.Step = StepIdle
		t.sayText("Kept everything.")
		return nil
	}
	if err := t.tx.Forget(t.ctx); err != nil {
		return fmt.Errorf("forget: %w", err)
	}
	t.forgotten = true
	t.sayText("Done: I deleted everything I had of you. /start begins afresh.")
	return nil
}
