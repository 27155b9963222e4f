package storetest

import (
	"fmt"

	"github.com/rapport-bot/rapport/coach"
)

// fullPerson returns a person with every field set (but ID and ImportID),
// different for each n.
func fullPerson(n int) coach.Person {
	return coach.Person{
		FullName:     fmt.Sprintf("Ann Example%d", n),
		FirstName:    "Ann",
		LastName:     fmt.Sprintf("Example%d", n),
		Email:        fmt.Sprintf("ann%d@example.com", n),
		Emails:       []string{fmt.Sprintf("ann%d@example.com", n), fmt.Sprintf("a.example%d@home.example", n)},
		Company:      "Acme Ltd",
		Title:        "Head of Things",
		Phone:        "+351 900 000 000",
		LinkedInURL:  fmt.Sprintf("https://www.linkedin.com/in/ann-example-%d", n),
		Source:       fmt.Sprintf("line %d", n),
		Notes:        "met at the \"Founders\" breakfast; likes ☕",
		NameKey:      fmt.Sprintf("ann example%d|acme", n),
		Segment:      coach.SegmentEvent,
		Recognition:  coach.RecognitionProbably,
		LinkedIn:     coach.LinkedInOn,
		Context:      "we talked about bikes",
		ContextDone:  true,
		Plan:         coach.PlanInviteNote,
		PlanByUser:   true,
		Triage:       coach.TriageDone,
		Draft:        "Hi Ann, great to meet you.",
		DraftKind:    "event_note",
		Variant:      2,
		NeverContact: true,
		BatchDay:     "2026-11-25",
		BatchPos:     n,
		NotBefore:    "2026-11-27",
		SentAt:       at(3, n),
		Outcome:      coach.OutcomeAccepted,
		OutcomeAt:    at(4, n),
		Unfound:      true,
		CreatedAt:    at(1, n),
		UpdatedAt:    at(2, n),
	}
}

// named returns a pending person with a name, an address and a company.
func named(full, email, company string) coach.Person {
	return coach.Person{FullName: full, Email: email, Company: company, Triage: coach.TriagePending}
}
