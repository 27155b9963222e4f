package coach

import (
	"errors"
	"fmt"

	"github.com/rapport-bot/rapport/prompts"
)

// draftKind is the template kind that p's plan needs.
func draftKind(p Plan) prompts.Kind {
	switch p {
	case PlanInviteNote:
		return prompts.KindNote
	case PlanInviteThenMessage:
		return prompts.KindMessage
	case PlanEmailFirst:
		return prompts.KindEmailFirst
	case PlanEmailInvite:
		return prompts.KindEmailInvite
	}
	return ""
}

// templateSegment is the template set for a segment.
func templateSegment(s Segment) string {
	switch s {
	case SegmentClient, SegmentColleague, SegmentGroup, SegmentEvent, SegmentFriend:
		return string(s)
	}
	return string(SegmentOther)
}

// draft renders p's draft from the user's template for p's segment and
// plan (their override, else the shipped one), within the kind's limit.
func (t *turn) draft(p *Person) error {
	kind := draftKind(p.Plan)
	if kind == "" {
		p.Draft, p.DraftKind = "", ""
		return nil
	}
	segment := templateSegment(p.Segment)
	src, err := t.templateSource(segment, kind, p.Variant)
	if err != nil {
		return err
	}
	data, err := t.draftData(*p)
	if err != nil {
		return err
	}
	limit := prompts.Limit(kind, t.user.Settings.Premium)
	out, err := prompts.Render(src, data, limit)
	if shipped := t.e.lib.Source(segment, kind, p.Variant); err != nil && src != shipped {
		// The user's own template cannot fit this person: fall back to ours.
		out, err = prompts.Render(shipped, data, limit)
	}
	if err != nil {
		return fmt.Errorf("render %s for person %d: %w", kind, p.ID, err)
	}
	p.Draft, p.DraftKind = out, string(kind)
	return nil
}

// templateSource is the user's override of a template, else the shipped one.
func (t *turn) templateSource(segment string, kind prompts.Kind, variant int) (string, error) {
	overrides, err := t.tx.Templates(t.ctx)
	if err != nil {
		return "", fmt.Errorf("load templates: %w", err)
	}
	for _, o := range overrides {
		if o.Segment == segment && o.Kind == string(kind) {
			return o.Body, nil
		}
	}
	n := t.e.lib.Variants(segment, kind)
	if n == 0 {
		return "", errors.New("no template for " + segment + "/" + string(kind))
	}
	return t.e.lib.Source(segment, kind, variant%n), nil
}

// draftData gathers the facts a template may use: only what the user gave.
func (t *turn) draftData(p Person) (prompts.Data, error) {
	d := prompts.Data{
		FirstName: p.FirstName, Context: p.Context, Company: p.Company,
		UserName: t.user.Settings.Name, News: t.user.Settings.News,
	}
	if p.ImportID != 0 {
		im, err := t.tx.Import(t.ctx, p.ImportID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return d, fmt.Errorf("load import: %w", err)
		}
		d.Group = im.Label
	}
	return d, nil
}
