package telegram_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

// alex is the user of the story.
var alex = telegramtest.User{ID: 1001, FirstName: "Alex", LastName: "Morgan", UserName: "alexm"}

// twelve is the list Alex pastes: twelve people from an event page.
const twelve = `Jane Doe - Acme Corp
Bob Smith (CTO, Initech) bob@initech.example
Priya Natarajan, Head of Product at Globex
Marcus Chen – Umbrella Logistics
Sofia Rossi <sofia.rossi@example.com>
Tom O'Malley | Northwind
Ahmed Hassan - Hassan & Partners
Lina Berg - Berg Design
Chloé Dubois - Atelier Dubois
Kenji Watanabe - Kaizen Labs
Maria Garcia - Fundación Luz
Olu Adeyemi - Lagos Ventures`

// evil is a contact whose name is markup; channel one that is a mention.
const (
	evil    = `<b>Eve</b> & <a href="x">`
	channel = "@channel"
)

// addressBook is the CSV Alex uploads: the two hostile names and one more.
const addressBook = "First Name,Last Name,Email,Company\r\n" +
	`"<b>Eve</b> & <a href=""x"">",,eve@example.com,"<b>Eve</b> & <a href=""x"">"` + "\r\n" +
	"@channel,,chan@example.com,@channel\r\n" +
	"Dana,Scully,dana@fbi.example,FBI\r\n"

// recognition is how Alex answers "Would they recognise your name?" for
// each person of the event (the default is Definitely); Bob gets a
// sentence instead of buttons.
var recognition = map[string]string{
	"Jane": "Probably", "Priya": "Probably", "Marcus": "Don't remember them", "Sofia": "Not sure",
	"Lina": "Probably", "Maria": "Probably",
}

var personHeader = regexp.MustCompile(`\((\d+) of (\d+)\) ([^\n·]+)`)

// TestStoryThroughTelegram tells the terminal's twelve-person story in a
// Telegram chat: /start, the name, the account type by button, a pasted
// list of twelve, where they come from, triage by buttons (pressed as
// callback queries, each answered and its message marked) with one answer
// in free text, a CSV uploaded as a document, /drafts, /batch and /export
// received as a document. Every message must be valid Telegram HTML, the
// hostile names must arrive literally, and the log must hold neither the
// token nor anything Alex typed.
func TestStoryThroughTelegram(t *testing.T) {
	h := newHarness(t, nil)

	got := h.say(alex, "/start")
	if !strings.Contains(texts(got), "How should I sign your notes?") {
		t.Fatalf("/start:\n%s", texts(got))
	}
	got = h.say(alex, "Alex Morgan")
	if b := buttons(got); !contains(b, "Free") {
		t.Fatalf("no account buttons after the name: %v\n%s", b, texts(got))
	}
	h.pressAndCheck(alex, "Free")

	got = h.say(alex, twelve)
	if !strings.Contains(texts(got), "Found 12 people") {
		t.Fatalf("paste not imported:\n%s", texts(got))
	}
	h.pressAndCheck(alex, "An event")
	got = h.say(alex, "the Founders Breakfast")
	h.triage(got, "Everyone I know of has a plan")

	got = h.upload(alex, "contacts.csv", "text/csv", []byte(addressBook))
	if !strings.Contains(texts(got), "3 people") {
		t.Fatalf("CSV not imported:\n%s", texts(got))
	}
	got = h.pressAndCheck(alex, "My address book")
	// The hostile names are names here: the questions about them quote them.
	if !strings.Contains(texts(got), "(1 of 3) "+evil+" · ") || !strings.Contains(texts(got), "How do you know <b>Eve</b>?") {
		t.Errorf("the first question does not name %q literally:\n%s", evil, texts(got))
	}
	h.triage(got, "Everyone I know of has a plan")

	got = h.say(alex, "/drafts")
	if !regexp.MustCompile(`\d of 5 notes left this month`).MatchString(texts(got)) {
		t.Errorf("/drafts shows no notes budget:\n%s", texts(got))
	}
	for _, name := range []string{"Jane", "Priya", "Dana"} {
		if !strings.Contains(texts(got), name) {
			t.Errorf("/drafts lacks %s:\n%s", name, texts(got))
		}
	}

	got = h.say(alex, "/batch")
	if len(messages(got)) == 0 || !hasLink(got, "linkedin.com") {
		t.Errorf("/batch shows no LinkedIn links:\n%s", texts(got))
	}
	if b := buttons(got); contains(b, "Sent 1") {
		got = h.pressAndCheck(alex, "Sent 1")
		if len(messages(got)) == 0 {
			t.Errorf("marking number 1 sent got no reply")
		}
	} else {
		t.Errorf("/batch has no Sent buttons: %v", b)
	}

	got = h.say(alex, "/export")
	doc := findDocument(got)
	if doc == nil {
		t.Fatalf("/export sent no document:\n%s", texts(got))
	}
	if !strings.HasSuffix(doc.Name, ".csv") || !strings.Contains(string(doc.Data), "Dana Scully") {
		t.Errorf("export %q is not the CSV of the people:\n%s", doc.Name, doc.Data)
	}

	h.checkLiteral(evil, channel)
	h.checkClean("Founders Breakfast", "Initech site", "Alex Morgan", "Dana Scully", "eve@example.com")
	h.checkNoStaleKeyboards(alex.ID)
}

// triage answers the questions about each person, by buttons, until the
// bot says done.
func (h *harness) triage(got []telegramtest.Sent, done string) {
	h.t.Helper()
	person := ""
	for range 200 {
		text := texts(got)
		if m := personHeader.FindAllStringSubmatch(text, -1); m != nil {
			person = strings.Fields(m[len(m)-1][3])[0]
		}
		if strings.Contains(text, done) {
			return
		}
		b := buttons(got)
		switch {
		case contains(b, "Definitely") && person == "Bob":
			// The one answer in free text: segment, recognition and
			// context in a sentence.
			got = h.say(alex, "old client, knows me well, we rebuilt the Initech site")
			continue
		case contains(b, "Definitely"):
			label := recognition[person]
			if label == "" {
				label = "Definitely"
			}
			got = h.pressAndCheck(alex, label)
		case contains(b, "Email first"):
			got = h.pressAndCheck(alex, "Email first")
		case contains(b, "Already connected"):
			got = h.pressAndCheck(alex, "On LinkedIn")
		case contains(b, "Nothing to add"):
			got = h.pressAndCheck(alex, "Nothing to add")
		case contains(b, "Client"):
			got = h.pressAndCheck(alex, "Client")
		default:
			h.t.Fatalf("triage of %s: no question I know; buttons %v:\n%s", person, b, text)
		}
	}
	h.t.Fatalf("triage did not end")
}

// pressAndCheck presses a button and checks that the press was answered
// and its message edited to show the choice, without buttons.
func (h *harness) pressAndCheck(u telegramtest.User, label string) []telegramtest.Sent {
	h.t.Helper()
	got := h.press(u, label)
	var answered, marked bool
	for _, s := range got {
		switch s.Method {
		case "answerCallbackQuery":
			answered = true
		case "editMessageText":
			marked = strings.HasSuffix(s.Text, "✓ "+label) && (s.Keyboard == nil || len(s.Keyboard.InlineKeyboard) == 0)
		}
	}
	if !answered || !marked {
		h.t.Errorf("pressing %q: answered %v, message marked %v; sent %+v", label, answered, marked, got)
	}
	return got
}

// checkLiteral checks that the strings reached the user exactly as typed:
// in the text Telegram shows, and escaped in the HTML the bot sent.
func (h *harness) checkLiteral(strs ...string) {
	h.t.Helper()
	all := texts(h.srv.Sent())
	for _, s := range strs {
		if !strings.Contains(all, s) {
			h.t.Errorf("%q never reached the user literally", s)
		}
	}
	for _, s := range h.srv.Sent() {
		if s.ParseMode == "HTML" && strings.Contains(s.Raw, "<b>Eve") {
			h.t.Errorf("a name became markup: %q", s.Raw)
		}
	}
}

// checkNoStaleKeyboards checks that every message whose button was
// pressed has no buttons left.
func (h *harness) checkNoStaleKeyboards(chat int64) {
	h.t.Helper()
	for _, m := range h.srv.Messages(chat) {
		if strings.Contains(m.Text, "\n\n✓ ") && m.ReplyMarkup != nil && len(m.ReplyMarkup.InlineKeyboard) > 0 {
			h.t.Errorf("message %d was answered but still shows buttons", m.MessageID)
		}
	}
}

func findDocument(sent []telegramtest.Sent) *telegramtest.SentDocument {
	for _, s := range sent {
		if s.Document != nil {
			return s.Document
		}
	}
	return nil
}

func hasLink(sent []telegramtest.Sent, host string) bool {
	for _, s := range sent {
		for _, e := range s.Entities {
			if e.Type == "text_link" && strings.Contains(e.URL, host) {
				return true
			}
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
