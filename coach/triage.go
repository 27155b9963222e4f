package coach

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// resume works out what to ask next from the saved data, and asks it. It is
// how the conversation continues after any answer, a command or a restart.
func (t *turn) resume() error {
	if t.state.ImportID != 0 {
		im, err := t.tx.Import(t.ctx, t.state.ImportID)
		switch {
		case err == nil && im.Origin == OriginNone && im.Count > 0:
			return t.askOrigin(im)
		case err != nil && !errors.Is(err, ErrNotFound):
			return fmt.Errorf("load import: %w", err)
		}
	}
	if !t.user.Settings.Onboarded {
		switch {
		case t.user.Settings.Name != "" && t.state.Step == StepOnboardAccount:
			return t.askAccount()
		case t.user.Settings.Name == "" && t.state.Step == StepIdle:
			return t.start()
		}
		return t.askName()
	}
	p, ok, err := t.nextPending()
	if err != nil {
		return err
	}
	if ok {
		return t.askPerson(p)
	}
	return t.allDone()
}

// nextPending finds the person to ask about: the current one while pending,
// else the first pending person of the current import, else anyone's.
func (t *turn) nextPending() (Person, bool, error) {
	if t.state.PersonID != 0 {
		p, err := t.tx.Person(t.ctx, t.state.PersonID)
		if err == nil && p.Triage == TriagePending {
			return p, true, nil
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			return Person{}, false, fmt.Errorf("load person: %w", err)
		}
	}
	filters := []PeopleFilter{{Triage: TriagePending}}
	if t.state.ImportID != 0 {
		filters = append([]PeopleFilter{{ImportID: t.state.ImportID, Triage: TriagePending}}, filters...)
	}
	for _, f := range filters {
		p, err := t.tx.FirstPerson(t.ctx, f)
		if err == nil {
			return p, true, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return Person{}, false, fmt.Errorf("next person: %w", err)
		}
	}
	return Person{}, false, nil
}

// allDone says that nobody is waiting for an answer.
func (t *turn) allDone() error {
	t.state.Step, t.state.PersonID = StepIdle, 0
	later, err := t.tx.CountPeople(t.ctx, PeopleFilter{Triage: TriageLater})
	if err != nil {
		return fmt.Errorf("count later: %w", err)
	}
	planned, err := t.tx.CountPeople(t.ctx, PeopleFilter{Planned: true})
	if err != nil {
		return fmt.Errorf("count planned: %w", err)
	}
	if planned == 0 && later == 0 {
		t.sayText("Paste a list of people (one a line), or send a CSV or vCard file, and we'll go through them together.")
		return nil
	}
	m := new(text)
	if planned > 0 {
		m.plain("Everyone I know of has a plan: ").bold(plural(planned, "person", "people")).plain(" to contact. /drafts shows each plan and draft.")
	}
	if later > 0 {
		m.plain(" " + plural(later, "person", "people") + " you skipped for later: /next to go through them.")
	}
	t.say(Message{Spans: trimLead(m.spans)})
	return nil
}

func trimLead(spans []Span) []Span {
	if len(spans) > 0 {
		spans[0].Text = strings.TrimLeft(spans[0].Text, " ")
	}
	return spans
}

// nextStep is the first unanswered question about p, or StepIdle when
// everything needed for a plan is known.
func nextStep(p Person) Step {
	switch {
	case p.Segment == SegmentNone:
		return StepSegment
	case p.Segment == SegmentUnknown:
		return StepIdle
	case p.Recognition == RecognitionNone:
		return StepRecognition
	case risky(p) && !p.PlanByUser:
		return StepRisk
	case p.Plan == PlanSkip && p.PlanByUser:
		return StepIdle
	case p.LinkedIn == LinkedInNone && p.Plan != PlanEmailFirst:
		return StepLinkedIn
	case !p.ContextDone && p.LinkedIn != LinkedInConnected:
		return StepContext
	}
	return StepIdle
}

// risky reports whether p might not recognise the user.
func risky(p Person) bool {
	return p.Recognition == RecognitionNotSure || p.Recognition == RecognitionNo
}

// askPerson asks the next question about p, or plans p when all is known.
func (t *turn) askPerson(p Person) error {
	step := nextStep(p)
	if step == StepIdle {
		return t.finish(p)
	}
	if t.state.PersonID != p.ID {
		if err := t.header(p); err != nil {
			return err
		}
	}
	t.state.Step, t.state.PersonID = step, p.ID
	first := greetingName(p)
	pid := id(p.ID)
	switch step {
	case StepSegment:
		t.say(new(text).bold("How do you know "+first+"?").message(
			choice("Client", "sg", pid, "client"), choice("Former colleague", "sg", pid, "colleague"),
			choice("Group or chamber", "sg", pid, "group"), choice("Met at an event", "sg", pid, "event"),
			choice("Friend", "sg", pid, "friend"), choice("Other", "sg", pid, "other"),
			choice("Don't remember", "sg", pid, "unknown")))
	case StepRecognition:
		t.say(new(text).bold("Would "+first+" recognise your name right away?").message(
			choice("Definitely", "rc", pid, "definitely"), choice("Probably", "rc", pid, "probably"),
			choice("Not sure", "rc", pid, "not_sure"), choice("No", "rc", pid, "no"),
			choice("Don't remember them", "sg", pid, "unknown")))
	case StepRisk:
		t.say(new(text).plain("Careful: LinkedIn restricts accounts whose invitations are answered \"I don't know this person\". ").
			bold("An email first is safer:").plain(" I'll draft one that reminds "+first+" who you are and offers to connect.").
			message(choice("Email first", "rk", pid, "email"), choice("Skip them", "rk", pid, "skip"), choice("Invite anyway", "rk", pid, "invite")))
	case StepLinkedIn:
		t.say(new(text).bold("Is "+first+" on LinkedIn?").message(
			choice("Already connected", "li", pid, "connected"), choice("On LinkedIn", "li", pid, "on_linkedin"),
			choice("Not on LinkedIn", "li", pid, "not_on_linkedin"), choice("Don't know", "li", pid, "unknown")))
	case StepContext:
		t.say(new(text).bold("Anything personal to mention to " + first + "?").
			plain(" Where you met, what you talked about, a project you shared. I'll put it in the note.").
			message(choice("Nothing to add", "cx", pid, "none")))
	}
	return nil
}

// header introduces the person the next questions are about, with the
// progress through their import.
func (t *turn) header(p Person) error {
	m := new(text)
	if p.ImportID != 0 {
		im, err := t.tx.Import(t.ctx, p.ImportID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("load import: %w", err)
		}
		pending, err := t.tx.CountPeople(t.ctx, PeopleFilter{ImportID: p.ImportID, Triage: TriagePending})
		if err != nil {
			return fmt.Errorf("count pending: %w", err)
		}
		if im.Count > 0 && pending <= im.Count {
			m.plain(fmt.Sprintf("(%d of %d) ", im.Count-pending+1, im.Count))
		}
	}
	m.bold(p.Name())
	var about []string
	for _, s := range []string{p.Title, p.Company, p.Email} {
		if s != "" && s != p.Name() {
			about = append(about, s)
		}
	}
	if len(about) > 0 {
		m.plain(" · " + strings.Join(about, " · "))
	}
	t.say(m.message())
	return nil
}

// greetingName is how questions refer to p.
func greetingName(p Person) string {
	if p.FirstName != "" {
		return p.FirstName
	}
	if p.FullName != "" {
		return p.FullName
	}
	if p.Email != "" {
		return p.Email
	}
	return "them"
}

// answerButton applies a pressed answer button about one person. A button
// of a question that is no longer open changes nothing and says so.
func (t *turn) answerButton(verb string, pid int64, val string) error {
	p, err := t.tx.Person(t.ctx, pid)
	if errors.Is(err, ErrNotFound) {
		t.sayText("That person is no longer in your list.")
		return t.resume()
	} else if err != nil {
		return fmt.Errorf("load person: %w", err)
	}
	want := map[string]Step{"sg": StepSegment, "rc": StepRecognition, "rk": StepRisk, "li": StepLinkedIn, "cx": StepContext}[verb]
	open := t.state.PersonID == pid && p.Triage == TriagePending &&
		(t.state.Step == want || (verb == "sg" && val == "unknown" && t.state.Step == StepRecognition))
	if !open {
		t.sayText("You already answered that about " + greetingName(p) + " (/undo takes back your last answer).")
		return t.resume()
	}
	t.pushUndo(p)
	switch verb {
	case "sg":
		p.Segment = Segment(val)
	case "rc":
		p.Recognition = Recognition(val)
	case "rk":
		applyRisk(&p, val)
	case "li":
		p.LinkedIn = LinkedInStatus(val)
	case "cx":
		p.Context, p.ContextDone = "", true
	}
	return t.advance(p)
}

// applyRisk records the choice made after a "not sure" or "no".
func applyRisk(p *Person, val string) {
	p.PlanByUser = true
	switch val {
	case "email":
		p.Plan = PlanEmailFirst
	case "skip":
		p.Plan = PlanSkip
	default: // invite anyway: the planner picks the kind of invitation
		p.Plan = PlanInviteNote
	}
}

// advance saves p and asks the next question (or the next person).
func (t *turn) advance(p Person) error {
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	return t.askPerson(p)
}

// answerPerson reads a typed answer about the current person; one sentence
// may answer several questions, and "all of them …" answers for the rest
// of the import.
func (t *turn) answerPerson(s string) error {
	p, err := t.tx.Person(t.ctx, t.state.PersonID)
	if errors.Is(err, ErrNotFound) {
		return t.resume()
	} else if err != nil {
		return fmt.Errorf("load person: %w", err)
	}
	a, ok := readAnswer(t.state.Step, s)
	if !ok {
		t.sayText(reask(t.state.Step))
		return t.askPerson(p)
	}
	t.pushUndo(p)
	if a.All {
		if err := t.applyToRest(p, a); err != nil {
			return err
		}
	}
	applyAnswers(&p, a, t.state.Step)
	return t.advance(p)
}

// readAnswer understands a typed answer at step. ok is false when it says
// nothing this conversation can use.
func readAnswer(step Step, s string) (answers, bool) {
	if step == StepContext {
		if isNoContext(s) {
			return answers{}, true
		}
		return answers{Context: cleanContext(s)}, true
	}
	a := understand(s)
	yes, isYN := yesNo(s)
	norm := normalise(s)
	switch step {
	case StepRecognition:
		if a.Recognition == "" && isYN {
			return answers{Recognition: map[bool]Recognition{true: RecognitionDefinitely, false: RecognitionNo}[yes]}, true
		}
	case StepLinkedIn:
		if isYN {
			return answers{LinkedIn: map[bool]LinkedInStatus{true: LinkedInOn, false: LinkedInNotOn}[yes]}, true
		}
		if len(strings.Fields(norm)) <= 3 && hasAny(norm, []string{"dont know", "not sure", "no idea", "unsure", "dunno", "no clue"}) {
			return answers{LinkedIn: LinkedInUnknown}, true
		}
	case StepRisk:
		a.Context = ""
		switch {
		case has(norm, "email") || has(norm, "mail"):
			return answers{Risk: "email"}, true
		case has(norm, "skip") || (isYN && !yes):
			return answers{Risk: "skip"}, true
		case has(norm, "invite") || has(norm, "anyway"):
			return answers{Risk: "invite"}, true
		}
		return a, a.Segment != "" || a.Recognition != "" || a.LinkedIn != ""
	}
	understood := a.Segment != "" || a.Recognition != "" || a.LinkedIn != ""
	if !understood {
		return answers{}, false
	}
	a.Context = cleanContext(a.Context)
	return a, true
}

// applyAnswers writes what an answer said into p.
func applyAnswers(p *Person, a answers, step Step) {
	if a.Risk != "" {
		applyRisk(p, a.Risk)
		return
	}
	if a.Segment != "" {
		p.Segment = a.Segment
	}
	if a.Recognition != "" {
		p.Recognition = a.Recognition
		if !risky(*p) && p.PlanByUser && p.Plan == PlanEmailFirst {
			p.PlanByUser, p.Plan = false, PlanNone
		}
	}
	if a.LinkedIn != "" {
		p.LinkedIn = a.LinkedIn
	}
	if a.Context != "" || step == StepContext {
		p.Context, p.ContextDone = a.Context, true
	}
}

// applyToRest gives every other pending person of p's import the segment,
// recognition or LinkedIn answer they do not have yet.
func (t *turn) applyToRest(p Person, a answers) error {
	if p.ImportID == 0 {
		return nil
	}
	rest, err := t.tx.People(t.ctx, PeopleFilter{ImportID: p.ImportID, Triage: TriagePending})
	if err != nil {
		return fmt.Errorf("list import: %w", err)
	}
	shared := answers{Segment: a.Segment, Recognition: a.Recognition, LinkedIn: a.LinkedIn}
	var before []PersonAnswers
	for _, q := range rest {
		if q.ID == p.ID {
			continue
		}
		before = append(before, answersOf(q))
		applyAnswers(&q, shared, StepIdle)
		if err := t.tx.SavePerson(t.ctx, q); err != nil {
			return fmt.Errorf("save person: %w", err)
		}
	}
	if n := len(t.state.Undo); n > 0 {
		t.state.Undo[n-1].People = append(t.state.Undo[n-1].People, before...)
	}
	t.sayText(fmt.Sprintf("Noted for all %d remaining people of this list.", len(before)+1))
	return nil
}

// reask explains how to answer the open question after an answer that was
// not understood: never a dead end.
func reask(step Step) string {
	switch step {
	case StepSegment:
		return `I didn't catch how you know them. Pick a number or a word like "client", "colleague", "chamber", "event", "friend" — or a sentence like "old client, knows me well, we rebuilt their site". /skip to come back to them later.`
	case StepRecognition:
		return `I didn't catch that. Would they recognise your name: "definitely", "probably", "not sure" or "no"? /skip to come back to them later.`
	case StepRisk:
		return `Please choose: "email first", "skip", or "invite anyway".`
	case StepLinkedIn:
		return `I didn't catch that. Are they on LinkedIn: "connected", "yes", "no" or "don't know"?`
	}
	return "I didn't catch that."
}

// cleanContext keeps a context to one tidy line of at most 300 characters,
// without control characters.
func cleanContext(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return truncate(strings.TrimRight(s, " ,;:"), 300)
}

// pushUndo remembers people's answers before an answer changes them.
func (t *turn) pushUndo(people ...Person) {
	entry := UndoEntry{Cursor: t.state.Cursor}
	for _, p := range people {
		entry.People = append(entry.People, answersOf(p))
	}
	t.state.Undo = append(t.state.Undo, entry)
	if n := len(t.state.Undo); n > maxUndo {
		t.state.Undo = append([]UndoEntry(nil), t.state.Undo[n-maxUndo:]...)
	}
}

// undo takes back the last answer and asks its question again.
func (t *turn) undo() error {
	n := len(t.state.Undo)
	if n == 0 {
		t.sayText("There is nothing to undo.")
		return t.resume()
	}
	last := t.state.Undo[n-1]
	t.state.Undo = t.state.Undo[:n-1]
	var first *Person
	for _, a := range last.People {
		p, err := t.tx.Person(t.ctx, a.ID)
		if errors.Is(err, ErrNotFound) {
			continue // deleted since
		} else if err != nil {
			return fmt.Errorf("load person: %w", err)
		}
		a.restore(&p)
		if err := t.tx.SavePerson(t.ctx, p); err != nil {
			return fmt.Errorf("restore person: %w", err)
		}
		if first == nil {
			first = &p
		}
	}
	t.state.Cursor = last.Cursor
	if first == nil {
		return t.resume()
	}
	t.sayText("Undone: back to " + greetingName(*first) + ".")
	t.state.PersonID = 0 // show the header again
	if first.Triage == TriagePending {
		return t.askPerson(*first)
	}
	return t.resume()
}

// skip puts the current person aside for later.
func (t *turn) skip() error {
	if t.state.PersonID == 0 || !isPersonStep(t.state.Step) {
		t.sayText("There is nobody to skip right now.")
		return t.resume()
	}
	p, err := t.tx.Person(t.ctx, t.state.PersonID)
	if err != nil {
		return t.resume()
	}
	t.pushUndo(p)
	p.Triage = TriageLater
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	t.sayText("OK, I'll come back to " + greetingName(p) + " later.")
	t.state.PersonID = 0
	return t.resume()
}

func isPersonStep(s Step) bool {
	switch s {
	case StepSegment, StepRecognition, StepRisk, StepLinkedIn, StepContext:
		return true
	}
	return false
}

// next continues triage; when only people skipped for later remain, it
// brings the first of them back.
func (t *turn) next() error {
	if t.state.Step == StepTemplateEdit || t.state.Step == StepImportWait {
		t.state.Step = StepIdle
	}
	if _, ok, err := t.nextPending(); err != nil || ok {
		if err != nil {
			return err
		}
		return t.resume()
	}
	p, err := t.tx.FirstPerson(t.ctx, PeopleFilter{Triage: TriageLater})
	if errors.Is(err, ErrNotFound) {
		return t.resume()
	} else if err != nil {
		return fmt.Errorf("next later: %w", err)
	}
	p.Triage = TriagePending
	if err := t.tx.SavePerson(t.ctx, p); err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	t.state.PersonID = 0
	return t.askPerson(p)
}
