package coach

import (
	"strings"
	"unicode"
)

// answers is what one free-text message says about a person. One sentence
// may answer several questions ("old client, knows me well, we rebuilt the
// Acme site"): each clause is matched against the synonyms of every
// question, and the clauses that answer none form the context.
type answers struct {
	Segment     Segment
	Recognition Recognition
	LinkedIn    LinkedInStatus
	Context     string
	All         bool   // "all of them …": applies to the rest of the import
	Risk        string // after "not sure"/"no": email, skip or invite
}

func (a answers) empty() bool {
	return a.Segment == "" && a.Recognition == "" && a.LinkedIn == "" && a.Context == ""
}

// phrase lists are matched on whole words of the lower-cased, apostrophe-free
// text, longest first within each list, so "not sure" wins over "sure".
var (
	unknownPhrases = []string{"dont remember", "do not remember", "cant remember", "cannot remember",
		"no idea who", "dont know who", "not sure who", "who is this", "who is that", "no clue who",
		"dont recall", "forgot who", "never met", "dont know them", "dont know her", "dont know him"}
	segmentPhrases = []struct {
		seg     Segment
		phrases []string
	}{
		{SegmentColleague, []string{"former colleague", "ex colleague", "old colleague", "colleague", "colleagues",
			"coworker", "coworkers", "co worker", "worked together", "work together", "used to work with",
			"worked with", "teammate", "team mate", "former boss", "my old boss", "old boss", "former manager"}},
		{SegmentClient, []string{"former client", "old client", "client", "clients", "customer", "customers",
			"worked for me", "bought from me"}},
		{SegmentGroup, []string{"chamber of commerce", "chamber", "networking group", "group", "club",
			"association", "rotary", "bni", "member", "members", "guild", "board"}},
		{SegmentFriend, []string{"friend", "friends", "family", "neighbour", "neighbor", "buddy", "classmate",
			"old friend", "school"}},
		{SegmentEvent, []string{"met at", "event", "conference", "meetup", "breakfast", "workshop", "summit",
			"webinar", "fair", "expo", "trade show", "party", "dinner", "talk", "panel"}},
		{SegmentOther, []string{"other", "something else", "else"}},
	}
	recognitionPhrases = []struct {
		rec     Recognition
		phrases []string
	}{
		{RecognitionNotSure, []string{"not sure", "unsure", "maybe", "hard to say", "might not", "perhaps",
			"no idea", "not certain", "doubtful", "50 50"}},
		{RecognitionNo, []string{"wont recognise", "wont recognize", "wouldnt recognise", "wouldnt recognize",
			"would not", "will not", "doubt it", "unlikely", "not at all", "nope", "probably not",
			"forgot me", "wont remember me", "wouldnt remember me", "doesnt know me", "dont think so"}},
		{RecognitionDefinitely, []string{"definitely", "knows me well", "know me well", "knows me",
			"know me", "for sure", "of course", "absolutely", "certainly", "surely", "sure", "close",
			"very well", "well"}},
		{RecognitionProbably, []string{"probably", "likely", "i think so", "should", "most likely",
			"think so", "remembers me", "would remember"}},
	}
	linkedInPhrases = []struct {
		st      LinkedInStatus
		phrases []string
	}{
		{LinkedInNotOn, []string{"not on linkedin", "isnt on linkedin", "not on li", "no linkedin",
			"not linkedin", "off linkedin", "not there"}},
		{LinkedInConnected, []string{"already connected", "connected", "already a connection",
			"we are connected", "were connected", "in my network"}},
		{LinkedInUnknown, []string{"dont know if", "not sure if", "no idea if", "unknown"}},
		{LinkedInOn, []string{"on linkedin", "has linkedin", "linkedin profile", "is on li", "on li"}},
	}
	allPhrases     = []string{"all of them", "all are", "they are all", "theyre all", "everyone", "everybody", "all the rest", "the rest", "all remaining", "all"}
	noContextWords = []string{"no", "nothing", "none", "nope", "nothing special", "skip", "n a", "na", "no thanks", "not really", "nothing to add", "pass"}
)

// normalise lower-cases s, drops apostrophes and turns other punctuation into
// spaces, so that phrases match on whole words: " dont remember ".
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// has reports whether normalised text contains phrase as whole words.
func has(norm, phrase string) bool {
	return strings.Contains(norm, " "+phrase+" ")
}

func hasAny(norm string, phrases []string) bool {
	for _, p := range phrases {
		if has(norm, p) {
			return true
		}
	}
	return false
}

// matchSegment finds a segment in a normalised clause.
func matchSegment(norm string) Segment {
	if hasAny(norm, unknownPhrases) {
		return SegmentUnknown
	}
	for _, sp := range segmentPhrases {
		if hasAny(norm, sp.phrases) {
			return sp.seg
		}
	}
	return SegmentNone
}

// matchRecognition finds a recognition answer in a normalised clause.
func matchRecognition(norm string) Recognition {
	for _, rp := range recognitionPhrases {
		if hasAny(norm, rp.phrases) {
			return rp.rec
		}
	}
	return RecognitionNone
}

// matchLinkedIn finds a LinkedIn status in a normalised clause.
func matchLinkedIn(norm string) LinkedInStatus {
	for _, lp := range linkedInPhrases {
		if hasAny(norm, lp.phrases) {
			return lp.st
		}
	}
	return LinkedInNone
}

// understand reads a free-text answer. Clauses are split at , ; . ! ? and
// newlines (not at "and", which joins context as often as answers); a clause that answers a question is used up, the rest is context.
// Weak one-word recognition cues ("well", "close", "sure") count only in
// clauses that also talk about knowing or recognising.
func understand(s string) answers {
	var a answers
	var ctx []string
	for _, clause := range clauses(s) {
		norm := normalise(clause)
		if strings.TrimSpace(norm) == "" {
			continue
		}
		used := false
		if hasAny(norm, allPhrases) && len(strings.Fields(norm)) <= 12 {
			a.All = true
		}
		if st := matchLinkedIn(norm); st != LinkedInNone && a.LinkedIn == "" {
			a.LinkedIn, used = st, true
		}
		if rec := matchRecognition(norm); rec != RecognitionNone && a.Recognition == "" && recognitionClause(norm, rec) {
			a.Recognition, used = rec, true
		}
		if seg := matchSegment(norm); seg != SegmentNone && a.Segment == "" && !used {
			a.Segment, used = seg, segmentClause(norm, seg)
		}
		if !used {
			ctx = append(ctx, strings.TrimSpace(clause))
		}
	}
	a.Context = joinContext(ctx)
	return a
}

// recognitionClause guards against a context clause that merely contains a
// recognition word ("we shared a stand at the fair, well organised").
func recognitionClause(norm string, rec Recognition) bool {
	if len(strings.Fields(norm)) <= 4 {
		return true
	}
	return hasAny(norm, []string{"know", "knows", "recognise", "recognize", "recognises", "recognizes",
		"remember", "remembers", "me"}) || rec == RecognitionNotSure
}

// segmentClause reports whether a clause with a segment word is a segment
// answer rather than context that mentions one: short clauses are answers,
// and so are those that say how the user knows the person.
func segmentClause(norm string, seg Segment) bool {
	n := len(strings.Fields(norm))
	if n <= 4 || seg == SegmentUnknown {
		return true
	}
	return hasAny(norm, []string{"is a", "was a", "is my", "was my", "she is", "he is", "they are", "from the", "from my", "all of them", "everyone"})
}

// clauses splits free text into clauses.
func clauses(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '!' || r == '?' || r == '\n' || r == '.'
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// joinContext rebuilds the context from the clauses that answered nothing.
func joinContext(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ")
}

// isNoContext reports whether a context answer means "nothing to add".
func isNoContext(s string) bool {
	norm := normalise(s)
	t := strings.TrimSpace(norm)
	if t == "" {
		return true
	}
	for _, w := range noContextWords {
		if t == w {
			return true
		}
	}
	return false
}

// yesNo reads a bare yes or no.
func yesNo(s string) (yes, ok bool) {
	switch strings.TrimSpace(normalise(s)) {
	case "y", "yes", "yep", "yeah", "ok", "okay", "sure", "confirm", "yes please", "do it":
		return true, true
	case "n", "no", "nope", "cancel", "stop", "keep", "no thanks":
		return false, true
	}
	return false, false
}
