package intake

import "testing"

func TestNormLinkedIn(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.linkedin.com/in/priya-raman-4a1b2c":                                                "https://www.linkedin.com/in/priya-raman-4a1b2c",
		"https://www.linkedin.com/in/jose-alvarez-dev/":                                                 "https://www.linkedin.com/in/jose-alvarez-dev",
		"linkedin.com/in/oliviachen":                                                                    "https://www.linkedin.com/in/oliviachen",
		"https://www.linkedin.com/in/kevin-ng-vc/?utm_source=share&utm_campaign=share_via&utm_medium=x": "https://www.linkedin.com/in/kevin-ng-vc",
		"https://gh.linkedin.com/in/kwamemensah":                                                        "https://www.linkedin.com/in/kwamemensah",
		"http://www.linkedin.com/in/JaneDoe/details/experience/":                                        "https://www.linkedin.com/in/janedoe",
		"https://www.linkedin.com/in/zo%C3%AB-%C3%B8deg%C3%A5rd-77b0a1":                                 "https://www.linkedin.com/in/zo%C3%AB-%C3%B8deg%C3%A5rd-77b0a1",
		"https://www.linkedin.com/in/zoë-ødegård-77b0a1":                                                "https://www.linkedin.com/in/zo%C3%AB-%C3%B8deg%C3%A5rd-77b0a1",
		"<https://www.linkedin.com/in/sam-lee>":                                                         "https://www.linkedin.com/in/sam-lee",
		"https://www.linkedin.com/company/klarna":                                                       "",
		"https://www.linkedin.com/pub/jane-doe/1/2b3/4a5":                                               "",
		"https://lnkd.in/gX4mPq":                                                                        "",
		"@ifeoma-nwosu":                                                                                 "",
		"N/A":                                                                                           "",
		"https://evil.example/linkedin.com/in/jane":                                                     "",
		"https://notlinkedin.com/in/jane":                                                               "",
	} {
		if got := normLinkedIn(in); got != want {
			t.Errorf("normLinkedIn(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameFromLinkedIn(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.linkedin.com/in/sara-lindgren-4b2a91":              "Sara Lindgren",
		"https://www.linkedin.com/in/zo%C3%AB-%C3%B8deg%C3%A5rd-77b0a1": "Zoë Ødegård",
		"https://www.linkedin.com/in/mkoneil":                           "",
		"https://www.linkedin.com/in/kevin-ng-vc":                       "", // "ng" and "vc" could be an id: not clear
	} {
		if got := nameFromLinkedIn(in); got != want {
			t.Errorf("nameFromLinkedIn(%q) = %q, want %q", in, got, want)
		}
	}
}
