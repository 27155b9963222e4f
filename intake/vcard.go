package intake

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/emersion/go-vcard"
)

// parseVCard reads a file of vCards (2.1, 3.0 or 4.0). Lines are prepared
// by vcardLines; each card is then decoded by go-vcard. A card that is cut
// off or broken is skipped and reported; a file without any card is
// refused.
func parseVCard(ctx context.Context, in *input, col *collector) error {
	src := io.Reader(in.raw)
	if in.enc != encUTF8 && in.enc != encCP1252 {
		src = in.text() // UTF-16/32: decode first; the lines are then valid UTF-8
	}
	vr := &vcardReader{lines: newVCardLines(src), col: col}
	for n := 0; ; n++ {
		if n%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		done, err := vr.step()
		if err != nil {
			return err
		}
		if done {
			break
		}
	}
	if vr.cards == 0 {
		return refuse(ErrUnreadable, 0, nil, "This file has no contact cards in it (no BEGIN:VCARD line), so it is not a vCard file Rapport can read. Export the contacts again as vCard or CSV.")
	}
	return nil
}

// vcardReader holds the state of the card loop.
type vcardReader struct {
	lines  *vcardLines
	col    *collector
	cards  int
	inCard bool
	depth  int            // nested cards (vCard 2.1 AGENT) being skipped
	start  int            // physical line of the current BEGIN:VCARD
	buf    bytes.Buffer   // the current card, prepared
	dec    *vcard.Decoder // reads cards from buf, one at a time
	broken string         // why the current card cannot be read, if it cannot
	rec    record
}

// step reads one logical line; done reports the end of the input.
func (vr *vcardReader) step() (done bool, err error) {
	l, err := vr.lines.next()
	if err == io.EOF {
		if vr.inCard {
			vr.col.skip(vr.start, KindInvalid, "this card is cut off: the file ends before its END:VCARD line")
		}
		return true, nil
	}
	if err != nil {
		return false, err
	}
	switch {
	case l.name == "BEGIN" && isVCardMarker(l.text):
		vr.begin(l)
	case !vr.inCard:
		if strings.TrimSpace(l.text) != "" || l.tooLong {
			vr.col.ignore() // text outside any card
		}
	case l.name == "END" && isVCardMarker(l.text):
		vr.end()
	case vr.depth > 0:
	case l.tooLong:
		vr.broken = "a line of this card is longer than 1 MB"
	default:
		vr.buf.WriteString(l.text)
		vr.buf.WriteString("\r\n")
	}
	return false, nil
}

func isVCardMarker(text string) bool {
	_, v, _ := strings.Cut(text, ":")
	return strings.EqualFold(strings.TrimSpace(v), "VCARD")
}

// begin starts a card, or a nested one inside it.
func (vr *vcardReader) begin(l vcardLine) {
	if vr.inCard {
		vr.depth++
		return
	}
	vr.inCard, vr.start, vr.broken = true, l.line, ""
	vr.cards++
	vr.buf.Reset()
	vr.buf.WriteString("BEGIN:VCARD\r\n")
}

// end finishes a card and files it.
func (vr *vcardReader) end() {
	if vr.depth > 0 {
		vr.depth--
		return
	}
	vr.inCard = false
	if vr.broken != "" {
		vr.col.skip(vr.start, KindInvalid, vr.broken)
		return
	}
	vr.buf.WriteString("END:VCARD\r\n")
	card, err := vr.decode()
	if err != nil {
		vr.col.skip(vr.start, KindInvalid, "this card is malformed and cannot be read")
		return
	}
	r := &vr.rec
	r.reset()
	r.line = vr.start
	r.unit, r.unitNo = "card", vr.cards
	cardRecord(card, r)
	if r.isEmpty() {
		vr.col.skip(vr.start, KindEmptyRow, "this card is empty")
		return
	}
	vr.col.add(r)
}

// decode decodes the card in buf. One decoder serves every card, since
// each allocates a 4 KB buffer: buf holds exactly one card, which the
// decoder reads to its END line, so nothing is left over for the next. A
// decoder that failed half-way is replaced.
func (vr *vcardReader) decode() (vcard.Card, error) {
	if vr.dec == nil {
		vr.dec = vcard.NewDecoder(&vr.buf)
	}
	card, err := vr.dec.Decode()
	if err != nil || vr.buf.Len() > 0 {
		vr.dec = nil
		vr.buf.Reset()
	}
	return card, err
}

// cardRecord copies a card into a record.
func cardRecord(card vcard.Card, r *record) {
	org := structured(card.PreferredValue(vcard.FieldOrganization))
	if len(org) > 0 {
		r.company = org[0]
	}
	r.title = firstNonEmpty(card.PreferredValue(vcard.FieldTitle), card.PreferredValue(vcard.FieldRole))
	r.notes = card.Value(vcard.FieldNote)
	r.phone = strings.TrimPrefix(card.PreferredValue(vcard.FieldTelephone), "tel:")
	r.emails = append(r.emails, preferredValues(card[vcard.FieldEmail])...)
	r.urls = append(r.urls, profileLinks(card)...)
	if isOrgCard(card) {
		r.company = firstNonEmpty(r.company, card.PreferredValue(vcard.FieldFormattedName))
		return
	}
	r.name.display = card.PreferredValue(vcard.FieldFormattedName)
	if n := structured(card.Value(vcard.FieldName)); len(n) > 0 {
		get := func(i int) string {
			if i < len(n) {
				return strings.ReplaceAll(n[i], ",", " ")
			}
			return ""
		}
		r.name.last, r.name.first, r.name.middle = n[0], get(1), get(2)
		r.name.prefix, r.name.suffix = get(3), get(4)
	}
	if nick := card.PreferredValue(vcard.FieldNickname); nick != "" {
		r.name.nick, _, _ = strings.Cut(nick, ",")
	}
}

// isOrgCard reports a card for an organisation rather than a person.
func isOrgCard(card vcard.Card) bool {
	return card.Kind() == vcard.KindOrganization || strings.EqualFold(card.Value("X-ABSHOWAS"), "COMPANY")
}

// structured splits a structured value (N, ORG) at semicolons that are
// not escaped, and unescapes "\;".
func structured(v string) []string {
	if v == "" {
		return nil
	}
	var parts []string
	start := 0
	for i := 0; i < len(v); i++ {
		if v[i] == ';' && (i == 0 || v[i-1] != '\\') {
			parts = append(parts, v[start:i])
			start = i + 1
		}
	}
	parts = append(parts, v[start:])
	for i, p := range parts {
		parts[i] = strings.TrimSpace(strings.ReplaceAll(p, `\;`, ";"))
	}
	return parts
}

// preferredValues orders the values of a property by preference: PREF=n
// (vCard 4.0) or TYPE=pref (3.0, Apple), then file order.
func preferredValues(fields []*vcard.Field) []string {
	rank := func(f *vcard.Field) int {
		if p := f.Params.Get(vcard.ParamPreferred); p != "" {
			if n, err := strconv.Atoi(p); err == nil {
				return n
			}
		}
		if f.Params.HasType("pref") {
			return 1
		}
		return 100
	}
	sorted := slices.Clone(fields)
	slices.SortStableFunc(sorted, func(a, b *vcard.Field) int { return rank(a) - rank(b) })
	out := make([]string, 0, len(sorted))
	for _, f := range sorted {
		out = append(out, f.Value)
	}
	return out
}

// profileLinks collects the card's links that may be a LinkedIn profile:
// URL, SOCIALPROFILE (RFC 9554) and Apple's X-SOCIALPROFILE, whose
// "x-user" parameter can stand in for a missing URL.
func profileLinks(card vcard.Card) []string {
	var links []string
	for _, key := range []string{"X-SOCIALPROFILE", "SOCIALPROFILE", vcard.FieldURL, "X-LINKEDIN"} {
		for _, f := range card[key] {
			links = append(links, f.Value)
			if user := f.Params.Get("X-USER"); user != "" && f.Params.HasType("linkedin") {
				links = append(links, "linkedin.com/in/"+user)
			}
		}
	}
	return links
}
