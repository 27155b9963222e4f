package coach

import (
	"strconv"
	"strings"
)

// Choice values are "verb:arg:arg", short enough for Telegram's 64 bytes:
// a verb names the question, the args the person (or import) and answer.
func choice(label string, parts ...string) Choice {
	return Choice{Label: label, Value: strings.Join(parts, ":")}
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

// onChoice applies a pressed button (or its typed number or label). A
// button pressed late or twice is checked against the data, never trusted.
func (t *turn) onChoice(value string) error {
	parts := strings.Split(value, ":")
	verb := parts[0]
	arg := func(i int) string {
		if i < len(parts) {
			return parts[i]
		}
		return ""
	}
	num := func(i int) int64 {
		n, _ := strconv.ParseInt(arg(i), 10, 64)
		return n
	}
	switch verb {
	case "on":
		return t.answerName(t.state.Offer)
	case "ac":
		return t.answerAccount(arg(1))
	case "or":
		return t.chooseOrigin(num(1), Origin(arg(2)), "", "")
	case "ol":
		return t.skipOriginLabel(num(1))
	case "sg", "rc", "rk", "li", "cx":
		return t.answerButton(verb, num(1), arg(2))
	case "dr":
		return t.draftOp(num(1), arg(2))
	case "tp":
		return t.templates(arg(1))
	case "te":
		return t.editTemplate(arg(1), arg(2))
	case "tr":
		return t.resetTemplate(arg(1), arg(2))
	case "nx":
		return t.next()
	case "bs":
		return t.batchButton(arg(1))
	case "bo":
		return t.batchOption(num(1), arg(2))
	case "pp":
		return t.showPerson(num(1))
	case "po":
		return t.personOutcome(num(1), Outcome(arg(2)))
	case "pe":
		return t.editPerson(num(1), arg(2))
	case "pd":
		return t.draftsFor(num(1))
	case "pn":
		return t.neverContact(num(1), arg(2) == "on")
	case "px":
		return t.deletePerson(num(1), arg(2) == "yes")
	case "st":
		return t.askSetting(arg(1))
	case "fg":
		return t.answerForget(arg(1) == "yes")
	case "rm":
		return t.reminderButton(arg(1))
	}
	t.sayText("That button belongs to an older version of me. Here is where we are:")
	return t.resume()
}
