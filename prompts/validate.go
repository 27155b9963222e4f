package prompts

import (
	"strings"
)

const subjectPrefix = "Subject:"

// ValidateFor reports whether src is usable as a template of kind: Validate's
// checks, plus the email layout for email kinds, plus a length check — the
// fixed words alone, with every optional part left out, must fit the kind's
// limit (premium picks the longer note limit). The error is a *TemplateError.
func ValidateFor(src string, kind Kind, premium bool) error {
	if !kind.Valid() {
		return invalid("There is no kind of draft called %q.", string(kind))
	}
	t, err := Compile(src)
	if err != nil {
		return err
	}
	return t.checkFor(kind, premium)
}

func (t *Template) checkFor(kind Kind, premium bool) error {
	if kind.IsEmail() {
		if err := checkEmailLayout(t.src); err != nil {
			return err
		}
	}
	limit := Limit(kind, premium)
	if _, n := t.assemble(&values{}, 0, ""); n > limit {
		return invalid("Even with every optional part left out, this template has %d characters of its own, over the limit of %d for the %s.", n, limit, kind.Label())
	}
	return nil
}

// checkEmailLayout wants "Subject: …", an empty line, then the body, and a
// subject that is complete on its own line.
func checkEmailLayout(src string) error {
	const layout = `An email template starts with a line "Subject: …", then an empty line, then the body.`
	subject, rest, _ := strings.Cut(src, "\n")
	text, ok := cutPrefixFold(strings.TrimSpace(subject), subjectPrefix)
	if !ok {
		return invalid("%s This one starts with %s.", layout, near(src, 0))
	}
	if t, err := Compile(text); err != nil || strings.TrimSpace(literalText(t)) == "" {
		return invalid("The subject line needs words of its own, with any square brackets opened and closed on that line.")
	}
	blank, body, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(blank) != "" || strings.TrimSpace(body) == "" {
		return invalid("%s", layout)
	}
	return nil
}

// literalText is t's text outside brackets, without slots.
func literalText(t *Template) string {
	var b strings.Builder
	for _, p := range t.pieces {
		if p.group < 0 && p.slot == noSlot {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return "", false
	}
	return s[len(prefix):], true
}

// Warnings lists advice about a template that Validate accepts: things that
// make a draft less personal but are the user's right to choose. It returns
// nil for a template without such issues, or one that does not compile.
func Warnings(src string, kind Kind) []string {
	t, err := Compile(src)
	if err != nil {
		return nil
	}
	var w []string
	if !t.uses(slotFirstName) {
		w = append(w, "It never uses {first_name}; a draft that greets the person by name reads as written for them.")
	}
	if !t.uses(slotContext) && kind != KindEmailInvite {
		w = append(w, "It never uses {context}, the shared detail that makes a draft personal.")
	}
	if !t.uses(slotMyName) && kind != KindNote {
		w = append(w, "It is not signed with {my_name}.")
	}
	if kind == KindFollowUp && !t.uses(slotNews) {
		w = append(w, "It never uses {news}; the follow-up is where your news belongs.")
	}
	return w
}

func (t *Template) uses(s slot) bool {
	for _, p := range t.pieces {
		if p.slot == s {
			return true
		}
	}
	return false
}

// SplitEmail separates a rendered email into its subject and body. Text
// without a "Subject:" first line is all body.
func SplitEmail(text string) (subject, body string) {
	first, rest, _ := strings.Cut(text, "\n")
	s, ok := cutPrefixFold(first, subjectPrefix)
	if !ok {
		return "", text
	}
	return strings.TrimSpace(s), strings.TrimLeft(rest, "\n")
}
