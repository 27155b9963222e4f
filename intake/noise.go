package intake

import (
	"strings"
	"unicode"
)

// noiseWords are the words of UI chrome and headings copied along with
// attendee lists from event pages, video calls and LinkedIn. A line made
// only of these (and numbers or punctuation) is noise.
var noiseWords = map[string]bool{
	"going": true, "attending": true, "attended": true, "interested": true,
	"maybe": true, "waitlist": true, "waitlisted": true, "registered": true,
	"approved": true, "declined": true, "invited": true, "pending": true,
	"host": true, "hosts": true, "co-host": true, "co-hosts": true, "cohost": true,
	"hosted": true, "by": true, "organizer": true, "organizers": true,
	"organiser": true, "organisers": true, "speaker": true, "speakers": true,
	"guests": true, "attendee": true, "attendees": true, "participant": true,
	"participants": true, "members": true, "people": true, "everyone": true,
	"message": true, "messages": true, "connect": true, "follow": true,
	"following": true, "unfollow": true, "mute": true, "unmute": true,
	"invite": true, "remove": true, "more": true, "see": true, "show": true,
	"all": true, "view": true, "profile": true, "load": true, "in": true,
	"call": true, "meeting": true, "contributors": true, "waiting": true,
	"room": true, "admit": true, "raised": true, "hand": true, "you": true,
	"and": true, "others": true, "other": true, "going,": true, "rsvp": true,
	"rsvps": true, "rsvpd": true, "checked": true, "check": true, "chat": true,
	"reply": true, "like": true, "share": true, "send": true, "save": true,
	"menu": true, "search": true, "filter": true, "sort": true, "list": true,
	"name": true, "names": true, "panelists": true, "moderators": true,
	"presenters": true, "this": true, "the": true, "of": true, "degree": true,
	"connection": true, "connections": true, "mutual": true, "followers": true,
	"people,": true, "spots": true, "left": true, "sold": true, "out": true,
	"online": true, "offline": true, "away": true, "busy": true, "active": true,
	"now": true, "new": true, "at": true, "yes": true, "no": true, "ok": true,
	"okay": true, "thanks": true, "thank": true, "sure": true, "hi": true,
	"hello": true, "hey": true, "welcome": true, "done": true, "skip": true,
	"later": true, "went": true, "joined": true, "left,": true, "admins": true,
	"moderator": true, "member": true, "event": true, "events": true,
	"details": true, "about": true, "discussion": true, "photos": true,
	"comments": true, "comment": true, "reactions": true, "edited": true,
	"pinned": true, "unread": true, "today": true, "yesterday": true,
	"ago": true, "am": true, "pm": true, "min": true, "mins": true, "hour": true,
	"hours": true, "day": true, "days": true, "week": true, "weeks": true,
	"lobby": true, "presenting": true, "recording": true,
	"transcript": true, "to": true, "met": true, "list:": true,
}

// isNoiseLine reports a line that is page chrome rather than a person:
// headings ("Participants (11)", "Going", "People I met:"), counts ("+2",
// "12 going"), timestamps, avatar initials ("RW"), or a line with no
// letters at all.
func isNoiseLine(s string) bool {
	if strings.HasSuffix(s, ":") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return true
	}
	if isInitials(s) || isTimestamp(s) || !hasLetter(s) {
		return true
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()[]·•|,.+-–—:/#", r)
	})
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if !noiseWords[lw] && !isNumberWord(lw) {
			return false
		}
	}
	return true
}

// isInitials reports one to three capital Latin letters: the avatar
// initials video-call panels place above each name.
func isInitials(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isNumberWord reports counts and ordinals: "12", "+2", "3rd", "11k".
func isNumberWord(w string) bool {
	w = strings.TrimLeft(w, "+")
	w = strings.TrimRight(w, "k+")
	if w == "" {
		return false
	}
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits > 0 && (digits == len(w) || isDegreeBadge(w))
}

var monthWords = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "january": true, "february": true, "march": true, "april": true,
	"june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "mon": true, "tue": true,
	"wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// isTimestamp reports times and dates on their own line: "10:32 AM",
// "Mar 14, 2025", "2025-03-14", "Thu 6 PM", "2h ago".
func isTimestamp(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '·' || r == '•' || r == '(' || r == ')'
	})
	for _, w := range words {
		if !isTimeWord(strings.TrimSuffix(w, ".")) {
			return false
		}
	}
	return len(words) > 0
}

// isTimeWord reports one word of a time or date.
func isTimeWord(w string) bool {
	if monthWords[w] || noiseWords[w] || w == "-" || w == "–" {
		return true
	}
	digits := strings.TrimLeft(w, "0123456789")
	if len(digits) == len(w) {
		return false // no leading digit
	}
	switch digits {
	case "", "am", "pm", "h", "m", "d", "w", "s", "y", "th", "st", "nd", "rd", "min", "mins", "hr", "hrs":
		return true
	}
	return strings.Trim(w, "0123456789:/-.") == "" || strings.Trim(w, "0123456789:apm") == ""
}

// classifyNonPerson recognises names that belong to no person:
// placeholders of event and call platforms, devices, dial-in numbers and
// note-taking bots. It returns the skip kind and a reason, or "".
func classifyNonPerson(name string) (kind, reason string) {
	if name == "" || !mayBeNonPerson(name) {
		return "", ""
	}
	l := strings.ToLower(name) // name is tidy: single spaces
	if why := placeholderReason(l); why != "" {
		return KindPlaceholder, why
	}
	if isBotName(l) {
		return KindBot, "a bot or note-taking app, not a person"
	}
	return "", ""
}

// mayBeNonPerson is a cheap filter before classifyNonPerson's full test:
// a plain name none of whose words can start a placeholder or a bot name
// is a person. It looks at each word's first letters without allocating.
func mayBeNonPerson(name string) bool {
	if name == "" {
		return false
	}
	if !isPlainName(name) {
		return true
	}
	for w := range strings.FieldsSeq(name) {
		if len(w) >= 3 && inFold(triggerPrefixes, w[:3]) || len(w) < 3 && strings.EqualFold(w, "na") ||
			strings.HasSuffix(w, "bot") || strings.HasSuffix(w, "Bot") {
			return true
		}
	}
	return false
}

// triggerPrefixes are the first three letters of every word that can make
// a name a placeholder, a device or a bot (see placeholderNames,
// placeholderReason, botWords and isBotName).
var triggerPrefixes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"linkedin", "former", "info", "guest", "unknown", "anonymous", "none",
		"tbd", "tba", "no name", "test", "deleted", "deactivated", "zoom", "private", "conference",
		"meeting", "user", "participant", "attendee", "name", "first", "full", "your", "facebook",
		"instagram", "meetup", "luma", "ticket", "call", "dial", "phone", "caller", "iphone", "ipad",
		"ipod", "android", "macbook", "chromebook", "galaxy", "pixel", "bot", "slackbot", "notetaker",
		"note", "otter", "fireflies", "fathom", "tldv", "avoma", "sembly", "krisp", "airgram",
		"meetgeek", "recorder", "transcriber", "assistant", "recording", "n/a", "na", "tl;dv",
		"zoombot", "teamsbot"} {
		if len(w) >= 3 {
			m[w[:3]] = true
		}
	}
	return m
}()

var placeholderNames = map[string]string{
	"linkedin member":    "LinkedIn's stand-in for a member who hides their name",
	"former member":      "a member who left the group",
	"info requested":     "the ticket holder's details were never filled in",
	"guest":              "an unnamed guest",
	"unknown":            "an unnamed participant",
	"anonymous":          "an unnamed participant",
	"n/a":                "no name given",
	"na":                 "no name given",
	"none":               "no name given",
	"tbd":                "no name given",
	"tba":                "no name given",
	"no name":            "no name given",
	"test":               "a test entry",
	"test user":          "a test entry",
	"deleted user":       "a deleted account",
	"deactivated user":   "a deactivated account",
	"deactivated":        "a deactivated account",
	"zoom user":          "Zoom's stand-in for an unnamed participant",
	"unknown caller":     "an unnamed phone caller",
	"private number":     "an unnamed phone caller",
	"conference room":    "a meeting room, not a person",
	"meeting room":       "a meeting room, not a person",
	"zoom room":          "a meeting room, not a person",
	"user":               "no name given",
	"participant":        "no name given",
	"attendee":           "no name given",
	"name":               "no name given",
	"first name":         "no name given",
	"full name":          "no name given",
	"your name":          "no name given",
	"facebook user":      "a hidden account",
	"instagram user":     "a hidden account",
	"private profile":    "a hidden account",
	"meetup member":      "a hidden account",
	"luma guest":         "an unnamed guest",
	"ticket holder":      "the ticket holder's details were never filled in",
	"attendee not named": "the ticket holder's details were never filled in",
}

// placeholderReason explains why a lower-cased name is a placeholder.
func placeholderReason(l string) string {
	if why, ok := placeholderNames[l]; ok {
		return why
	}
	for _, p := range []string{"call-in user", "call in user", "dial-in user", "phone user", "guest ", "caller ", "participant ", "attendee ", "user ", "guest_", "user_"} {
		if strings.HasPrefix(l, p) && strings.Trim(l[len(p):], "0123456789_ #()") == "" {
			return "a platform's stand-in for an unnamed caller or guest"
		}
	}
	possessive := strings.Contains(l, "'s ") || strings.Contains(l, "’s ")
	if possessive || !strings.Contains(l, " ") {
		for _, d := range []string{"iphone", "ipad", "ipod", "android", "macbook", "chromebook", "galaxy", "pixel", "'s phone", "’s phone", "'s pc", "’s pc", "'s laptop", "’s laptop", "'s mac", "’s mac", "'s surface", "’s surface"} {
			if strings.Contains(l, d) {
				return "a device name, not a person"
			}
		}
	}
	digits := 0
	for _, r := range l {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits >= 4 || strings.Contains(l, "****") {
		return "a phone number or dial-in, not a name"
	}
	return ""
}

// botWords are names of meeting bots and note-taking apps.
var botWords = map[string]bool{
	"bot": true, "slackbot": true, "notetaker": true, "otter": true,
	"fireflies": true, "fathom": true, "tl;dv": true, "tldv": true, "avoma": true,
	"sembly": true, "krisp": true, "airgram": true, "meetgeek": true,
	"zoombot": true, "teamsbot": true, "recorder": true, "transcriber": true,
}

// isBotName reports a lower-cased name of a bot or note-taking app.
func isBotName(l string) bool {
	for _, phrase := range []string{"note taker", "meeting notes", "ai assistant", "meeting assistant", "recording bot"} {
		if strings.Contains(l, phrase) {
			return true
		}
	}
	for w := range strings.FieldsSeq(l) {
		w = strings.Trim(w, "()[],")
		if botWords[w] || strings.HasSuffix(w, ".ai") || strings.HasSuffix(w, "bot") && len(w) > 6 && w != "talbot" {
			return true
		}
	}
	return false
}

// isCompanyName reports a name that is an organisation's: it ends with a
// legal form or business word ("Acme Corp", "Umbrella Logistics") or
// joins names with "&" ("Harbor & Finch").
func isCompanyName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 {
		return false
	}
	if strings.Contains(s, " & ") || strings.Contains(s, " and ") {
		return true
	}
	last := strings.ToLower(strings.Trim(f[len(f)-1], ",()"))
	return companySuffixes[last]
}
