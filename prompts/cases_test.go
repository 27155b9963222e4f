package prompts

import "strings"

// testCase is one kind of person the drafts must cope with.
type testCase struct {
	name string
	data Data
}

// longContext is 600 characters of real words, the size of a paragraph a
// user might paste as context.
var longContext = func() string {
	s := strings.Repeat("we rebuilt the Acme site in 2022 and then spent a winter moving their shop to a new platform, ", 8)
	return strings.TrimSpace(string([]rune(s)[:600]))
}()

var normal = Data{
	FirstName: "Jane",
	Context:   "we rebuilt the Acme site in 2022",
	Group:     "BNI Lisbon",
	Company:   "Acme",
	UserName:  "Sam Lee",
	News:      "I've just relaunched my website",
}

func with(d Data, edit func(*Data)) Data {
	edit(&d)
	return d
}

// goldenCases are rendered for every template into testdata/*.golden.
var goldenCases = []testCase{
	{"normal", normal},
	{"empty context", with(normal, func(d *Data) { d.Context = "" })},
	{"600-character context", with(normal, func(d *Data) { d.Context = longContext })},
	{"very long first name", with(normal, func(d *Data) { d.FirstName = "Maria Guadalupe Fernanda de los Ángeles" })},
	{"non-Latin names", Data{
		FirstName: "Дмитрий",
		Context:   "мы вместе запускали сайт Acme в 2022 году",
		Group:     "東京ミートアップ",
		Company:   "Яндекс",
		UserName:  "张伟",
	}},
	{"nothing but names", Data{FirstName: "Jane", UserName: "Sam Lee"}},
	{"nothing at all", Data{}},
}

// propertyCases add harder inputs to the golden ones for the property checks.
var propertyCases = append(append([]testCase(nil), goldenCases...),
	testCase{"Japanese context without spaces", with(normal, func(d *Data) {
		d.FirstName = "さくら"
		d.Context = strings.Repeat("東京の展示会でお会いして新しいウェブサイトについて話しました", 12)
	})},
	testCase{"Arabic names", with(normal, func(d *Data) { d.FirstName = "فاطمة"; d.UserName = "عمر الفاروق" })},
	testCase{"context with its own punctuation", with(normal, func(d *Data) { d.Context = "We met at the Lisbon summit, talked pricing..." })},
	testCase{"one long word as context", with(normal, func(d *Data) { d.Context = strings.Repeat("x", 400) })},
	testCase{"long everything", stressData},
	testCase{"messy whitespace", with(normal, func(d *Data) {
		d.FirstName = "  Jane\t"
		d.Context = "\n we   rebuilt\tthe site ,  "
		d.Group = " , "
	})},
	testCase{"emoji in the data", with(normal, func(d *Data) { d.FirstName = "Zoë 🌻"; d.Context = "we ran the 🏃 charity race together, twice" })},
)
