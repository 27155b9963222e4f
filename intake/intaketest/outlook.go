// Package intaketest generates large, realistic contact files for
// benchmarks and memory measurements of package intake. The output is
// deterministic: the same arguments always give the same bytes.
package intaketest

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// OutlookColumns is the 92-column header of the CSV file the desktop
// Outlook export wizard writes (File › Import/Export › Export to a file ›
// Comma Separated Values).
var OutlookColumns = [92]string{
	"Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
	"Business Street", "Business Street 2", "Business Street 3", "Business City", "Business State",
	"Business Postal Code", "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3",
	"Home City", "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2",
	"Other Street 3", "Other City", "Other State", "Other Postal Code", "Other Country/Region",
	"Assistant's Phone", "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
	"Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax",
	"Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone", "Telex", "Account",
	"Anniversary", "Assistant's Name", "Billing Information", "Birthday", "Business Address PO Box",
	"Categories", "Children", "Directory Server", "E-mail Address", "E-mail Type", "E-mail Display Name",
	"E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type",
	"E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
	"Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes",
	"Office Location", "Organizational ID Number", "Other Address PO Box", "Priority", "Private",
	"Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page",
}

// Column indexes the generator fills.
const (
	colTitle, colFirst, colMiddle, colLast, colSuffix, colCompany = 0, 1, 2, 3, 4, 5
	colJobTitle, colBusinessCity, colBusinessPhone, colMobile     = 7, 11, 31, 40
	colAnniversary, colBirthday, colCategories                    = 49, 52, 54
	colEmail, colEmailType, colEmailDisplay, colEmail2            = 57, 58, 59, 60
	colGender, colNotes, colPriority, colPrivate, colSensitivity  = 66, 77, 81, 82, 85
	colWebPage                                                    = 91
)

var (
	firstNames = []string{"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
		"David", "Elizabeth", "José", "María", "François", "Zoë", "Łukasz", "Søren", "Aisha", "Kwame",
		"Priya", "Hiroshi", "Olumide", "Ingrid", "Mateo", "Chloé", "Tomás", "Anneke", "Siobhán", "Dmitri",
		"Fatima", "Kenji", "Amara", "Björn", "Noor", "Rafael", "Elif", "Lars", "Ngozi", "Mei", "Omar", "Greta"}
	lastNames = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
		"Rodriguez", "Martinez", "O'Neil", "McDonald", "van der Berg", "de la Cruz", "Müller", "Lefèvre",
		"Nowak", "Okafor", "Mensah", "Natarajan", "Sato", "Bakare", "Bergström", "Álvarez", "Rossi",
		"Fischer-Lange", "Kuznetsov", "Haddad", "Watanabe", "Osei", "Dubois", "Nguyen", "Kowalski",
		"Lindqvist", "Demir", "Eriksen", "Abebe", "Chen", "Hassan", "Schröder"}
	companies = []string{"Contoso Ltd", "Fabrikam Inc.", "Northwind Traders", "Adventure Works",
		"Tailspin Toys", "Woodgrove Bank", "Litware, Inc.", "Proseware GmbH", "Wide World Importers",
		"Alpine Ski House", "Coho Winery", "Lucerne Publishing", "Margie's Travel", "Trey Research",
		"Blue Yonder Airlines", "City Power & Light", "Graphic Design Institute", "Humongous Insurance",
		"Société Générale", "Fourth Coffee"}
	titles = []string{"CEO", "CFO", "VP Sales", "Account Executive", "Engineering Manager",
		"Senior Engineer", "Product Manager", "Head of Marketing", "Partner", "Consultant",
		"Director of Operations", "Office Manager", "Recruiter", "Designer", "Analyst", ""}
	cities = []string{"Seattle", "London", "Berlin", "Paris", "Lagos", "Tokyo", "São Paulo", "Oslo"}
)

// rng is a small deterministic generator (64-bit LCG, Knuth's constants):
// enough variety for test data, stable across Go releases.
type rng uint64

func (r *rng) intn(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r>>33) % uint64(n))
}

func pick(r *rng, list []string) string { return list[r.intn(len(list))] }

// WriteOutlookCSV writes an Outlook desktop CSV export of rows contacts to
// w, as the wizard writes it: every field quoted, CRLF line ends, Outlook's
// default values ("0/0/00", "Normal", "False") in the empty date and flag
// columns. About one row in fifty repeats an earlier person's address in
// capitals (a duplicate to merge), one in twenty has no address, one in
// ten a middle initial, one in thirty a suffix, and some notes run over
// two lines. The text is UTF-8.
func WriteOutlookCSV(w io.Writer, rows int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	writeRecord(bw, OutlookColumns[:])
	g := generator{r: rng(20240601)}
	var rec [92]string
	for i := 0; i < rows; i++ {
		g.fillOutlookRow(&rec, i)
		writeRecord(bw, rec[:])
	}
	return bw.Flush()
}

// generator holds the random source and the last addresses written, so
// that a duplicate can repeat one of them.
type generator struct {
	r      rng
	recent [50]string
}

// fillOutlookRow fills rec with contact number i.
func (g *generator) fillOutlookRow(rec *[92]string, i int) {
	r := &g.r
	for c := range rec {
		rec[c] = ""
	}
	rec[colAnniversary], rec[colBirthday], rec[colGender] = "0/0/00", "0/0/00", "Unspecified"
	rec[colPriority], rec[colPrivate], rec[colSensitivity] = "Normal", "False", "Normal"
	first, last, company := pick(r, firstNames), pick(r, lastNames), pick(r, companies)
	rec[colFirst], rec[colLast], rec[colCompany] = first, last, company
	rec[colJobTitle], rec[colBusinessCity] = pick(r, titles), pick(r, cities)
	rec[colBusinessPhone] = fmt.Sprintf("+1 (425) 555-%04d", i%10000)
	if r.intn(3) == 0 {
		rec[colMobile] = fmt.Sprintf("+44 7700 %06d", i%1000000)
	}
	if r.intn(10) == 0 {
		rec[colMiddle] = string(rune('A'+r.intn(26))) + "."
	}
	if r.intn(30) == 0 {
		rec[colSuffix] = pick(r, []string{"Jr.", "III", "PhD", "MBA"})
	}
	if r.intn(8) == 0 {
		rec[colTitle] = pick(r, []string{"Mr.", "Ms.", "Dr."})
	}
	email := addressFor(first, last, company, i)
	switch {
	case i >= len(g.recent) && i%50 == 0:
		// A recent person again, with the address in capitals: a
		// duplicate for the importer to merge.
		if prev := g.recent[r.intn(len(g.recent))]; prev != "" {
			email = strings.ToUpper(prev)
		}
	case r.intn(20) == 0:
		email = ""
	default:
		g.recent[i%len(g.recent)] = email
	}
	if email != "" {
		rec[colEmail], rec[colEmailType] = email, "SMTP"
		rec[colEmailDisplay] = first + " " + last + " (" + strings.ToLower(email) + ")"
	}
	if r.intn(12) == 0 {
		rec[colNotes] = "Met at the " + pick(r, cities) + " conference.\r\nFollow up in Q" + string(rune('1'+r.intn(4))) + "."
	}
	if r.intn(15) == 0 {
		rec[colWebPage] = "https://www.linkedin.com/in/" + asciiSlug(first+"-"+last) + fmt.Sprintf("-%x", i)
	}
	rec[colCategories] = pick(r, []string{"", "Clients", "Suppliers", "Personal", "Chamber of Commerce"})
}

// addressFor makes the address of contact i; the index keeps two people of
// the same name apart, as in a real address book.
func addressFor(first, last, company string, i int) string {
	domain := asciiSlug(company)
	return asciiSlug(first) + "." + asciiSlug(last) + fmt.Sprintf("%d@%s.example", i, domain)
}

// asciiSlug keeps the ASCII letters and digits of s, lower-cased, with
// spaces as hyphens and accents dropped.
func asciiSlug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteRune(c)
		case c == ' ' || c == '-':
			b.WriteByte('-')
		case strings.ContainsRune("àáâäãå", c):
			b.WriteByte('a')
		case strings.ContainsRune("èéêë", c):
			b.WriteByte('e')
		case strings.ContainsRune("òóôöõø", c):
			b.WriteByte('o')
		case strings.ContainsRune("ùúûü", c):
			b.WriteByte('u')
		case strings.ContainsRune("ìíîï", c):
			b.WriteByte('i')
		case c == 'ç':
			b.WriteByte('c')
		case c == 'ł':
			b.WriteByte('l')
		}
	}
	return strings.Trim(b.String(), "-")
}

// writeRecord writes fields quoted and comma-separated, ending with CRLF.
func writeRecord(w *bufio.Writer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('"')
		if strings.IndexByte(f, '"') >= 0 {
			f = strings.ReplaceAll(f, `"`, `""`)
		}
		w.WriteString(f)
		w.WriteByte('"')
	}
	w.WriteString("\r\n")
}
