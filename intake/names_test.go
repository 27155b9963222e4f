package intake

import "testing"

// nameCase is one hard name: the input and the three names Rapport keeps.
type nameCase struct {
	in                nameParts
	full, first, last string
}

// display is a name written as one string.
func display(s string) nameParts { return nameParts{display: s} }

// TestHardNames checks the name rules on names that importers commonly
// get wrong: honorifics, suffixes and credentials, particles, nicknames,
// capitals, Irish and Scottish names, "Last, First", family-name-first
// scripts, emoji and tags, and names given in separate fields.
func TestHardNames(t *testing.T) {
	cases := []nameCase{
		// Honorifics, suffixes, credentials.
		{display("Dr. Andrew J. Birol III"), "Dr. Andrew J. Birol III", "Andrew", "Birol"},
		{display("Prof. Dr. Hans Müller"), "Prof. Dr. Hans Müller", "Hans", "Müller"},
		{display("Ms. Jane Doe"), "Ms. Jane Doe", "Jane", "Doe"},
		{display("Mx. Alex Rivera"), "Mx. Alex Rivera", "Alex", "Rivera"},
		{display("Sir Patrick Stewart OBE"), "Sir Patrick Stewart OBE", "Patrick", "Stewart"},
		{display("Siobhán O'Brien, PhD"), "Siobhán O'Brien, PhD", "Siobhán", "O'Brien"},
		{display("María González, MBA, PMP"), "María González, MBA, PMP", "María", "González"},
		{display("Tom O'Malley, Jr."), "Tom O'Malley, Jr.", "Tom", "O'Malley"},
		{display("Martin Luther King Jr."), "Martin Luther King Jr.", "Martin", "King"},
		{display("Rev. Dr. Martin Luther King, Jr."), "Rev. Dr. Martin Luther King, Jr.", "Martin", "King"},
		{display("ROBERT DOWNEY JR"), "Robert Downey Jr", "Robert", "Downey"},
		{display("Jane Doe, MA"), "Jane Doe, MA", "Jane", "Doe"},
		{display("Jack Ma"), "Jack Ma", "Jack", "Ma"},
		// Initials.
		{display("J. Andrew Smith"), "J. Andrew Smith", "Andrew", "Smith"},
		{display("J. Smith"), "J. Smith", "", "Smith"},
		// Particles.
		{display("ANNA VAN DER BERG"), "Anna van der Berg", "Anna", "van der Berg"},
		{display("Ludwig van Beethoven"), "Ludwig van Beethoven", "Ludwig", "van Beethoven"},
		{display("Juan de la Cruz"), "Juan de la Cruz", "Juan", "de la Cruz"},
		{display("José Ortega y Gasset"), "José Ortega y Gasset", "José", "Ortega y Gasset"},
		{display("Ahmed bin Rashid"), "Ahmed bin Rashid", "Ahmed", "bin Rashid"},
		{display("OMAR AL-FAROUK"), "Omar al-Farouk", "Omar", "al-Farouk"},
		{display("Dick Van Dyke"), "Dick Van Dyke", "Dick", "Van Dyke"},
		{display("Van Morrison"), "Van Morrison", "Van", "Morrison"},
		{display("Gerard 't Hooft"), "Gerard 't Hooft", "Gerard", "'t Hooft"},
		{display("elena di maio"), "Elena di Maio", "Elena", "di Maio"},
		// Nicknames win the greeting.
		{display("Bob 'Bobby' Smith"), "Bob Smith", "Bobby", "Smith"},
		{display(`Robert "Bob" Fischer-Lange`), "Robert Fischer-Lange", "Bob", "Fischer-Lange"},
		{display("Robert (Rob) Kim"), "Robert Kim", "Rob", "Kim"},
		{display("Katherine “Kate” Bell"), "Katherine Bell", "Kate", "Bell"},
		// Capitals and lower case, without breaking Mc, O', Mac, hyphens.
		{display("JEAN-LUC PICARD"), "Jean-Luc Picard", "Jean-Luc", "Picard"},
		{display("mary-kate o'neil"), "Mary-Kate O'Neil", "Mary-Kate", "O'Neil"},
		{display("PATRICK MCDONALD"), "Patrick McDonald", "Patrick", "McDonald"},
		{display("angus macleod"), "Angus MacLeod", "Angus", "MacLeod"},
		{display("Sarah McDonald"), "Sarah McDonald", "Sarah", "McDonald"},
		{display("DeShawn Jackson"), "DeShawn Jackson", "DeShawn", "Jackson"},
		{display("D'ANGELO RUSSELL"), "D'Angelo Russell", "D'Angelo", "Russell"},
		{display("Jean DUPONT"), "Jean Dupont", "Jean", "Dupont"},
		{display("mack macias"), "Mack Macias", "Mack", "Macias"},
		// "Last, First".
		{display("Doe, Jane"), "Jane Doe", "Jane", "Doe"},
		{display("van der Berg, Anna"), "Anna van der Berg", "Anna", "van der Berg"},
		// Scripts: kept as written; family name first in CJK.
		{display("李雷"), "李雷", "雷", "李"},
		{display("山田 花子"), "山田 花子", "花子", "山田"},
		{display("山田花子"), "山田花子", "花子", "山田"},
		{display("김민수"), "김민수", "민수", "김"},
		{display("Анна Петрова"), "Анна Петрова", "Анна", "Петрова"},
		{display("АННА ПЕТРОВА"), "Анна Петрова", "Анна", "Петрова"},
		{display("محمد علي"), "محمد علي", "محمد", "علي"},
		{display("Zoe\u0308 Ødegård"), "Zoë Ødegård", "Zoë", "Ødegård"},
		// Emoji, tags and pronouns.
		{display("Chris 🚀 Taylor"), "Chris Taylor", "Chris", "Taylor"},
		{display("👩‍💻 Grace Hopper 🇺🇸"), "Grace Hopper", "Grace", "Hopper"},
		{display("Lucía Torres (Guest)"), "Lucía Torres", "Lucía", "Torres"},
		{display("Femi Adeyemi (he/him)"), "Femi Adeyemi", "Femi", "Adeyemi"},
		{display("Jo Park she/they"), "Jo Park", "Jo", "Park"},
		{display("Ngozi"), "Ngozi", "Ngozi", ""},
		// Separate fields, as exports give them.
		{nameParts{first: "Dr. Andrew J.", last: "Birol III"}, "Dr. Andrew J. Birol III", "Andrew", "Birol"},
		{nameParts{first: "María", last: "González, MBA, PMP"}, "María González, MBA, PMP", "María", "González"},
		{nameParts{first: "María José", last: "García"}, "María José García", "María José", "García"},
		{nameParts{first: "花子", last: "山田"}, "山田花子", "花子", "山田"},
		{nameParts{first: "Chris 🚀", last: "Taylor"}, "Chris Taylor", "Chris", "Taylor"},
		{nameParts{prefix: "Dr.", first: "Amara", middle: "N.", last: "Okafor", suffix: "PhD"}, "Dr. Amara N. Okafor PhD", "Amara", "Okafor"},
		{nameParts{first: "Robert", last: "Fischer-Lange", nick: "Bobby"}, "Robert Fischer-Lange", "Bobby", "Fischer-Lange"},
		{nameParts{display: "Ng, Kevin"}, "Kevin Ng", "Kevin", "Ng"},
		{nameParts{display: "olivia chen", first: "Olivia", last: "Chen"}, "Olivia Chen", "Olivia", "Chen"},
		{nameParts{display: "Dr. Chidi Emeka Okonkwo Jr.", first: "Chidi", middle: "Emeka", last: "Okonkwo", prefix: "Dr.", suffix: "Jr."}, "Dr. Chidi Emeka Okonkwo Jr.", "Chidi", "Okonkwo"},
		{nameParts{first: "JO", last: "O'NEIL"}, "Jo O'Neil", "Jo", "O'Neil"},
		{nameParts{first: "Jane Doe"}, "Jane Doe", "Jane", "Doe"},
	}
	for _, tc := range cases {
		name := tc.in.display + tc.in.first + " " + tc.in.last
		t.Run(name, func(t *testing.T) {
			c, sk := build(&record{name: tc.in})
			if sk != nil {
				t.Fatalf("skipped: %s: %s", sk.kind, sk.reason)
			}
			if c.FullName != tc.full || c.FirstName != tc.first || c.LastName != tc.last {
				t.Errorf("got full %q first %q last %q, want %q %q %q", c.FullName, c.FirstName, c.LastName, tc.full, tc.first, tc.last)
			}
		})
	}
	if len(cases) < 40 {
		t.Fatalf("only %d names; the suite promises at least 40", len(cases))
	}
}
