package coach

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// askOrigin asks once where an imported group comes from, so that the
// shared context need not be asked person by person.
func (t *turn) askOrigin(im Import) error {
	t.state.Step, t.state.ImportID = StepOrigin, im.ID
	n := id(im.ID)
	q := "Where do these " + plural(im.Count, "person", "people") + " come from?"
	if im.Count == 1 {
		q = "Where does this person come from?"
	}
	t.say(new(text).bold(q).
		plain(` For example "the Founders Breakfast last night" or "all of them are from the chamber".`).
		message(choice("An event", "or", n, string(OriginEvent)),
			choice("A group or chamber", "or", n, string(OriginGroup)),
			choice("My address book", "or", n, string(OriginAddressBook)),
			choice("A CRM", "or", n, string(OriginCRM)),
			choice("A mix", "or", n, string(OriginMix))))
	return nil
}

// answerOrigin reads a typed origin, with the event or group name if given.
func (t *turn) answerOrigin(s string) error {
	norm := normalise(s)
	var o Origin
	switch {
	case hasAny(norm, []string{"address book", "contacts", "phone", "outlook", "gmail", "google", "icloud", "vcard"}):
		o = OriginAddressBook
	case hasAny(norm, []string{"crm", "hubspot", "salesforce", "pipedrive"}):
		o = OriginCRM
	case hasAny(norm, []string{"mix", "mixed", "various", "all over", "different"}):
		o = OriginMix
	case matchSegment(norm) == SegmentGroup:
		o = OriginGroup
	case matchSegment(norm) == SegmentEvent || hasAny(norm, []string{"last night", "yesterday", "today", "met"}):
		o = OriginEvent
	default:
		t.sayText(`I didn't catch where they come from. Pick a number, or say something like "an event: Founders Breakfast" or "my address book".`)
		im, err := t.tx.Import(t.ctx, t.state.ImportID)
		if err != nil {
			return fmt.Errorf("load import: %w", err)
		}
		return t.askOrigin(im)
	}
	date := ""
	if _, d := splitDate(s); !d.IsZero() {
		date = d.Format(time.DateOnly)
	} else if d := t.resolveDay(s); !d.IsZero() {
		date = d.Format(time.DateOnly)
	}
	return t.chooseOrigin(t.state.ImportID, o, originLabel(s), date)
}

// labelRe finds the name in "the Founders Breakfast last night" or "from the
// chamber": what follows from/at/of, or the whole answer.
var labelRe = regexp.MustCompile(`(?i)\b(?:from|at|of)\s+(.+)$`)

// originLabel pulls an event or group name out of an origin answer.
func originLabel(s string) string {
	s = strings.TrimSpace(s)
	if m := labelRe.FindStringSubmatch(s); m != nil {
		s = m[1]
	} else {
		s = regexp.MustCompile(`(?i)^(an?|all of them are|they are all|they're all)\s+`).ReplaceAllString(s, "")
	}
	s = strings.TrimSpace(strings.Trim(s, ".!,;: "))
	label, _ := splitDate(s)
	norm := strings.TrimSpace(normalise(label))
	switch norm {
	case "", "event", "an event", "a group", "group", "chamber", "a group or chamber", "the chamber", "my group":
		if norm == "chamber" || norm == "the chamber" {
			return "the chamber"
		}
		return ""
	}
	return truncate(label, 80)
}

// chooseOrigin records the origin and presets what it implies for every
// new person of the import: an event's people were met at that event.
func (t *turn) chooseOrigin(importID int64, o Origin, label, date string) error {
	im, err := t.tx.Import(t.ctx, importID)
	if errors.Is(err, ErrNotFound) {
		t.sayText("That list is gone (deleted or forgotten).")
		return t.resume()
	} else if err != nil {
		return fmt.Errorf("load import: %w", err)
	}
	if im.Origin != OriginNone && t.state.Step != StepOrigin {
		t.sayText("I already know where that list comes from.")
		return t.resume()
	}
	im.Origin = o
	if label != "" {
		im.Label = label
	}
	if date != "" {
		im.EventDate = date
	}
	if err := t.tx.SaveImport(t.ctx, im); err != nil {
		return fmt.Errorf("save import: %w", err)
	}
	if err := t.presetSegment(im); err != nil {
		return err
	}
	if (o == OriginEvent || o == OriginGroup) && im.Label == "" {
		return t.askOriginLabel(im)
	}
	t.state.Step = StepIdle
	return t.resume()
}

// presetSegment gives every untriaged person of an event or group import
// that segment, so triage starts at the recognition question.
func (t *turn) presetSegment(im Import) error {
	seg := map[Origin]Segment{OriginEvent: SegmentEvent, OriginGroup: SegmentGroup}[im.Origin]
	if seg == "" {
		return nil
	}
	people, err := t.tx.People(t.ctx, PeopleFilter{ImportID: im.ID, Triage: TriagePending})
	if err != nil {
		return fmt.Errorf("list import: %w", err)
	}
	for _, p := range people {
		if p.Segment != SegmentNone {
			continue
		}
		p.Segment = seg
		if err := t.tx.SavePerson(t.ctx, p); err != nil {
			return fmt.Errorf("preset segment: %w", err)
		}
	}
	return nil
}

func (t *turn) askOriginLabel(im Import) error {
	t.state.Step, t.state.ImportID = StepOriginLabel, im.ID
	q := "What was the event called, and when?"
	example := ` For example "Founders Breakfast, yesterday". I'll mention it in the notes.`
	if im.Origin == OriginGroup {
		q, example = "What is the group called?", ` For example "Bayside Chamber of Commerce". I'll mention it in the notes.`
	}
	t.say(new(text).bold(q).plain(example).message(choice("Leave it out", "ol", id(im.ID))))
	return nil
}

// answerOriginLabel stores the event or group name (and the event's date).
func (t *turn) answerOriginLabel(s string) error {
	im, err := t.tx.Import(t.ctx, t.state.ImportID)
	if err != nil {
		return fmt.Errorf("load import: %w", err)
	}
	label, date := splitDate(cleanName(s))
	if label == "" {
		t.sayText(`I need a name, like "Founders Breakfast" — or press "Leave it out".`)
		return t.askOriginLabel(im)
	}
	im.Label = truncate(label, 80)
	if !date.IsZero() {
		im.EventDate = date.Format(time.DateOnly)
	} else if d := t.resolveDay(s); !d.IsZero() {
		im.EventDate = d.Format(time.DateOnly)
	}
	if err := t.tx.SaveImport(t.ctx, im); err != nil {
		return fmt.Errorf("save import: %w", err)
	}
	t.state.Step = StepIdle
	return t.resume()
}

func (t *turn) skipOriginLabel(importID int64) error {
	if t.state.Step != StepOriginLabel || t.state.ImportID != importID {
		return t.resume()
	}
	t.state.Step = StepIdle
	return t.resume()
}

var isoDate = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)

// dayWords are the relative dates people give for an event.
var dayWords = []string{"last night", "yesterday", "today", "tonight", "this morning", "last week"}

// splitDate removes a date ("2026-11-24", "yesterday", "last night") from a
// label and returns an ISO date when one was written out.
func splitDate(s string) (string, time.Time) {
	var date time.Time
	if m := isoDate.FindString(s); m != "" {
		date, _ = time.Parse(time.DateOnly, m)
		s = strings.Replace(s, m, "", 1)
	}
	lower := strings.ToLower(s)
	for _, w := range dayWords {
		if i := strings.Index(lower, w); i >= 0 {
			s = s[:i] + s[i+len(w):]
			lower = strings.ToLower(s)
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSpace(strings.Trim(s, ".,;:-–— "))
	s = strings.TrimSuffix(strings.TrimSuffix(s, " on"), " in")
	return strings.TrimSpace(s), date
}

// resolveDay turns "yesterday", "last night" or "today" into a local date.
func (t *turn) resolveDay(s string) time.Time {
	loc, err := time.LoadLocation(t.user.Settings.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	now := t.now().In(loc)
	lower := strings.ToLower(s)
	switch {
	case strings.Contains(lower, "yesterday") || strings.Contains(lower, "last night"):
		return now.AddDate(0, 0, -1)
	case strings.Contains(lower, "today") || strings.Contains(lower, "tonight") || strings.Contains(lower, "this morning"):
		return now
	}
	return time.Time{}
}
