package coach

import (
	"errors"
	"fmt"

	"github.com/rapport-bot/rapport/prompts"
)

// templateKinds are the kinds a user sees and overrides per segment.
var templateKinds = []prompts.Kind{prompts.KindNote, prompts.KindMessage}

// templates shows the segments, or one segment's templates with buttons to
// edit or reset them.
func (t *turn) templates(segment string) error {
	if segment == "" {
		var cs []Choice
		for _, s := range t.e.lib.Segments() {
			cs = append(cs, choice(s, "tp", s))
		}
		t.say(new(text).bold("Which templates?").plain(" Each kind of relationship has its own note and message.").message(cs...))
		return nil
	}
	if !validSegment(t.e.lib, segment) {
		t.sayText("I know these: client, colleague, group, event, friend, other. Try /templates client.")
		return nil
	}
	overrides, err := t.tx.Templates(t.ctx)
	if err != nil {
		return fmt.Errorf("load templates: %w", err)
	}
	m := new(text).bold("Templates for " + segment)
	var cs []Choice
	for _, k := range templateKinds {
		src, mine := t.e.lib.Source(segment, k, 0), false
		for _, o := range overrides {
			if o.Segment == segment && o.Kind == string(k) {
				src, mine = o.Body, true
			}
		}
		m.plain("\n\n").bold(kindLabel(k))
		if mine {
			m.plain(" (yours)")
			cs = append(cs, choice("Reset "+kindLabel(k), "tr", segment, string(k)))
		}
		m.plain("\n").code(src)
		cs = append(cs, choice("Edit "+kindLabel(k), "te", segment, string(k)))
	}
	m.plain("\n\n" + prompts.Help())
	t.say(m.message(cs...))
	return nil
}

func validSegment(lib *prompts.Library, s string) bool {
	for _, x := range lib.Segments() {
		if x == s {
			return true
		}
	}
	return false
}

func kindLabel(k prompts.Kind) string {
	switch k {
	case prompts.KindNote:
		return "note"
	case prompts.KindMessage:
		return "message after acceptance"
	}
	return string(k)
}

// editTemplate waits for the user's own version of a template.
func (t *turn) editTemplate(segment, kind string) error {
	if !validSegment(t.e.lib, segment) {
		return t.templates("")
	}
	t.state.Step, t.state.Segment, t.state.Kind = StepTemplateEdit, segment, kind
	t.sayText("Type your " + segment + " " + kindLabel(prompts.Kind(kind)) + ". Use {first_name}, {context}, {group}, {company}, {my_name}, {news}; put optional parts in [square brackets]. /next to cancel.")
	return nil
}

// answerTemplate checks and stores a typed template, and shows a sample.
func (t *turn) answerTemplate(src string) error {
	kind := prompts.Kind(t.state.Kind)
	if err := prompts.ValidateFor(src, kind, t.user.Settings.Premium); err != nil {
		t.sayText("I can't use that template: " + templateProblem(err) + " Type it again, or /next to cancel.")
		return nil
	}
	sample, err := prompts.Render(src, prompts.Data{FirstName: "Jane", Context: "we talked about your new shop", Group: "the Founders Breakfast", Company: "Acme", UserName: t.user.Settings.Name, News: t.user.Settings.News}, prompts.Limit(kind, t.user.Settings.Premium))
	if err != nil {
		t.sayText("That template is too long for a " + kindLabel(kind) + " even with a short context. Type a shorter one, or /next to cancel.")
		return nil
	}
	o := TemplateOverride{Segment: t.state.Segment, Kind: t.state.Kind, Body: src}
	if err := t.tx.SaveTemplate(t.ctx, o); err != nil {
		return fmt.Errorf("save template: %w", err)
	}
	t.state.Step, t.state.Segment, t.state.Kind = StepIdle, "", ""
	m := new(text).plain("Saved. New drafts use it. For Jane, it reads:\n").plain(sample)
	for _, w := range prompts.Warnings(src, kind) {
		m.plain("\nNote: " + w)
	}
	t.say(m.message())
	return nil
}

// templateProblem is the user-facing part of a template error.
func templateProblem(err error) string {
	var te *prompts.TemplateError
	if errors.As(err, &te) {
		return te.Msg
	}
	return "it does not fit the limit."
}

// resetTemplate removes the user's override.
func (t *turn) resetTemplate(segment, kind string) error {
	if err := t.tx.DeleteTemplate(t.ctx, segment, kind); err != nil {
		return fmt.Errorf("reset template: %w", err)
	}
	t.sayText("Back to my " + segment + " " + kindLabel(prompts.Kind(kind)) + ".")
	return t.templates(segment)
}
