package coach

import (
	"fmt"
	"strconv"
	"strings"
)

// dispatch routes one event: a pressed button, an import, a command, a
// numbered or labelled answer to the last buttons, or free text.
func (t *turn) dispatch(ev Event, parsed *parsedImport, perr error) error {
	shown := t.state.Choices
	t.state.Choices = nil
	t.user.Settings.Unreachable = false // they wrote: they can be reached
	t.displayName = ev.DisplayName
	if ev.Choice != "" {
		return t.onChoice(ev.Choice)
	}
	text := strings.TrimSpace(ev.Text)
	cmd, rest := splitCommand(text)
	isList := parsed != nil || perr != nil
	if isList && (t.state.Step != StepTemplateEdit || ev.File != nil) {
		return t.onImport(parsed, perr)
	}
	if cmd != "" {
		return t.onCommand(cmd, rest)
	}
	if v, ok := pickChoice(text, shown); ok {
		return t.onChoice(v)
	}
	if isOptionNumber(text) && len(shown) > 0 {
		t.sayText(fmt.Sprintf("There is no option %s here: choose 1 to %d, or answer in words.", strings.Trim(text, "[]().# "), len(shown)))
		return t.resume()
	}
	t.state.Choices = shown
	return t.onText(text)
}

// splitCommand splits "/word rest" into ("word", "rest"); plain text gives "".
// "/Word@BotName" (Telegram's form in menus) is accepted too.
func splitCommand(s string) (cmd, rest string) {
	if !strings.HasPrefix(s, "/") || len(s) < 2 {
		return "", s
	}
	word, rest, _ := strings.Cut(s[1:], " ")
	if nl := strings.IndexByte(word, '\n'); nl >= 0 {
		word, rest = word[:nl], word[nl+1:]+" "+rest
	}
	word, _, _ = strings.Cut(word, "@")
	return strings.ToLower(word), strings.TrimSpace(rest)
}

// pickChoice maps a typed option number ("2", "2.", "[2]") or a label
// ("Probably", case-insensitive) to the value of one of the shown choices.
func pickChoice(s string, shown []Choice) (string, bool) {
	if len(shown) == 0 {
		return "", false
	}
	num := strings.Trim(s, "[]().# ")
	if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= len(shown) {
		return shown[n-1].Value, true
	}
	norm := strings.TrimSpace(normalise(s))
	for _, c := range shown {
		if norm != "" && strings.TrimSpace(normalise(c.Label)) == norm {
			return c.Value, true
		}
	}
	return "", false
}

// isOptionNumber reports whether text is only an option number ("7", "[7]").
func isOptionNumber(text string) bool {
	n, err := strconv.Atoi(strings.Trim(text, "[]().# "))
	return err == nil && n >= 0 && n < 1000
}

// onCommand runs a /command; the same words work on every platform.
func (t *turn) onCommand(cmd, rest string) error {
	switch cmd {
	case "start":
		return t.start()
	case "help":
		t.help()
		return nil
	case "import":
		return t.importPrompt()
	case "next":
		return t.next()
	case "skip":
		return t.skip()
	case "undo":
		return t.undo()
	case "drafts":
		return t.drafts(rest)
	case "templates":
		return t.templates(rest)
	case "batch":
		return t.batch(rest)
	case "sent":
		return t.sent(rest)
	case "people":
		return t.people(rest)
	case "add":
		return t.add(rest)
	case "settings":
		return t.settings(rest)
	case "stats":
		return t.stats()
	case "export":
		return t.export()
	case "forget":
		return t.forget()
	case "pause":
		return t.pause()
	case "resume":
		return t.resumeReminders()
	case "warned":
		return t.warned()
	}
	t.sayText("I don't know /" + cmd + ". /help lists what I can do.")
	return t.resume()
}

// onText handles free text according to the open question.
func (t *turn) onText(text string) error {
	if text == "" {
		return t.resume()
	}
	switch t.state.Step {
	case StepOnboardName:
		return t.answerName(text)
	case StepOnboardAccount:
		return t.answerAccount(text)
	case StepOrigin:
		return t.answerOrigin(text)
	case StepOriginLabel:
		return t.answerOriginLabel(text)
	case StepSegment, StepRecognition, StepRisk, StepLinkedIn, StepContext:
		return t.answerPerson(text)
	case StepTemplateEdit:
		return t.answerTemplate(text)
	case StepPersonEdit:
		return t.answerPersonEdit(text)
	case StepSettings:
		return t.changeSettings(text, t.state.Kind)
	case StepForget:
		yes, ok := yesNo(text)
		if !ok {
			t.sayText(`Please answer "yes" to delete everything, or "no" to keep it.`)
			return nil
		}
		return t.answerForget(yes)
	case StepImportWait:
		t.state.Step = StepIdle
		t.sayText("I couldn't find a list of people in that. Paste one person a line (name, and company or email if you have them), or send a CSV or vCard file.")
		return nil
	}
	if !t.user.Settings.Onboarded {
		return t.start()
	}
	if key := settingKey(text); key != "" {
		return t.changeSettings(text, key)
	}
	t.sayText("I'm not sure what you mean. Paste a list of people to import, or try /next, /batch, /drafts or /help.")
	return nil
}
