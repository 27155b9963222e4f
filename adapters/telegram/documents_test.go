package telegram_test

import (
	"strings"
	"testing"

	"github.com/rapport-bot/rapport/adapters/telegram"
	"github.com/rapport-bot/rapport/adapters/telegram/telegramtest"
)

func TestDocumentsOfOtherKindsGetAClearReply(t *testing.T) {
	h := newHarness(t, nil)
	for name, want := range map[string]string{
		"cards.pdf":     "can't read PDFs",
		"contacts.xlsx": "can't read Excel files",
		"photo.jpg":     "can't read photos",
		"archive.7z":    "can't read that kind of file",
	} {
		got := h.upload(alex, name, "", []byte("%PDF-1.4 not really"))
		if !strings.Contains(texts(got), want) || !strings.Contains(texts(got), "CSV") {
			t.Errorf("%s: %q, want %q and a word on CSV", name, texts(got), want)
		}
	}
	if n := h.countRows("imports"); n != 0 {
		t.Errorf("%d imports from files that are not contact lists", n)
	}
}

func TestDocumentOverTheLimitIsRefused(t *testing.T) {
	h := newHarness(t, func(o *telegram.Options) { o.MaxFileBytes = 64 })
	got := h.upload(alex, "contacts.csv", "text/csv", []byte(addressBook+strings.Repeat("Ann Lee,ann@example.com,X\r\n", 10)))
	if !strings.Contains(texts(got), "I read files up to") {
		t.Errorf("big file: %q", texts(got))
	}
	if n := h.countRows("imports"); n != 0 {
		t.Errorf("a file over the limit was imported")
	}
}

// TestDocumentFromAPlainBaseURLEndpoint: TELEGRAM_API_ENDPOINT as a base
// URL; the file comes from the same host (the test transport refuses any
// other).
func TestDocumentFromAPlainBaseURLEndpoint(t *testing.T) {
	h, o := setupHarness(t)
	o.Endpoint = h.srv.URL
	h.start(o)
	h.srv.Fail("file", telegramtest.Fault{Code: 502, NotJSON: true}, telegramtest.Fault{Disconnect: true})
	got := h.upload(alex, "contacts.csv", "text/csv", []byte(addressBook))
	if !strings.Contains(texts(got), "3 people") {
		t.Errorf("CSV through a base URL endpoint, after two failed downloads: %q", texts(got))
	}
	downloads := 0
	for _, c := range h.srv.Calls() {
		if c.Method == "file" && c.Status == 200 {
			downloads++
		}
	}
	if downloads != 1 {
		t.Errorf("%d downloads from the API's host, want 1", downloads)
	}
}

// TestDocumentFromALocalBotAPIServer: a local Bot API server (--local)
// answers getFile with an absolute path, read from disk.
func TestDocumentFromALocalBotAPIServer(t *testing.T) {
	h := newHarness(t, nil)
	h.srv.SetLocalMode(t.TempDir())
	got := h.upload(alex, "contacts.vcf", "text/vcard", []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Scully\r\nEMAIL:dana@fbi.example\r\nEND:VCARD\r\n"))
	if !strings.Contains(texts(got), "1 person") && !strings.Contains(texts(got), "Found") {
		t.Errorf("vCard from a local server: %q", texts(got))
	}
	for _, c := range h.srv.Calls() {
		if c.Method == "file" {
			t.Errorf("the bot downloaded a file the local server left on disk")
		}
	}
}
