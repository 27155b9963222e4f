package telegramtest

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxTextUTF16 is Telegram's limit on a message's text after entity
// parsing, in UTF-16 code units.
const MaxTextUTF16 = 4096

// ParseHTML parses text in Telegram's HTML parse mode as the Bot API does,
// strictly: only the tags Telegram allows, properly nested, with the right
// attributes; only the named entities &lt; &gt; &amp; &quot; and numeric
// ones; every other "<", ">" and "&" must be escaped. It returns the plain
// text and its entities (offsets in UTF-16 code units), or an error phrased
// like Telegram's "can't parse entities" answers.
func ParseHTML(s string) (string, []Entity, error) {
	if !utf8.ValidString(s) {
		return "", nil, errors.New("text must be encoded in UTF-8")
	}
	p := &htmlParser{src: s}
	if err := p.run(); err != nil {
		return "", nil, fmt.Errorf("can't parse entities: %w", err)
	}
	return p.out.String(), p.entities, nil
}

// CheckText checks a parsed text against Telegram's limits: not empty (nor
// only white space) and at most MaxTextUTF16 code units.
func CheckText(text string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return errors.New("message text is empty")
	case UTF16Len(text) > MaxTextUTF16:
		return errors.New("message is too long")
	}
	return nil
}

// UTF16Len is the length of s in UTF-16 code units, as Telegram counts.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

type openTag struct {
	name   string
	entity Entity
}

type htmlParser struct {
	src      string
	i        int
	out      strings.Builder
	pos      int // UTF-16 offset in out
	stack    []openTag
	entities []Entity
}

func (p *htmlParser) run() error {
	for p.i < len(p.src) {
		var err error
		switch c := p.src[p.i]; c {
		case '<':
			err = p.tag()
		case '&':
			err = p.entity()
		case '>':
			err = fmt.Errorf("unescaped \">\" at byte offset %d", p.i)
		default:
			r, size := utf8.DecodeRuneInString(p.src[p.i:])
			p.write(r)
			p.i += size
		}
		if err != nil {
			return err
		}
	}
	if n := len(p.stack); n > 0 {
		return fmt.Errorf("can't find end tag corresponding to start tag \"%s\"", p.stack[n-1].name)
	}
	return nil
}

func (p *htmlParser) write(r rune) {
	p.out.WriteRune(r)
	p.pos++
	if r >= 0x10000 {
		p.pos++
	}
}

// entity reads one "&…;" reference.
func (p *htmlParser) entity() error {
	end := strings.IndexByte(p.src[p.i:], ';')
	if end < 0 || end > 12 {
		return fmt.Errorf("unescaped \"&\" at byte offset %d", p.i)
	}
	name := p.src[p.i+1 : p.i+end]
	r, ok := decodeEntity(name)
	if !ok {
		return fmt.Errorf("unsupported HTML entity \"&%s;\" at byte offset %d", name, p.i)
	}
	p.write(r)
	p.i += end + 1
	return nil
}

// decodeEntity decodes the named entities Telegram supports and numeric ones.
func decodeEntity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	}
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X"):
		n, err = strconv.ParseUint(name[2:], 16, 32)
	case strings.HasPrefix(name, "#"):
		n, err = strconv.ParseUint(name[1:], 10, 32)
	default:
		return 0, false
	}
	if err != nil || n == 0 || n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
		return 0, false
	}
	return rune(n), true
}

// tag reads a start or end tag.
func (p *htmlParser) tag() error {
	end := strings.IndexByte(p.src[p.i:], '>')
	if end < 0 {
		return fmt.Errorf("unclosed start tag at byte offset %d", p.i)
	}
	body := p.src[p.i+1 : p.i+end]
	at := p.i
	p.i += end + 1
	if strings.HasPrefix(body, "/") {
		return p.closeTag(strings.TrimSpace(body[1:]), at)
	}
	return p.openTag(body, at)
}

func (p *htmlParser) closeTag(name string, at int) error {
	n := len(p.stack)
	if n == 0 || p.stack[n-1].name != name {
		return fmt.Errorf("unmatched end tag \"%s\" at byte offset %d", name, at)
	}
	t := p.stack[n-1]
	p.stack = p.stack[:n-1]
	t.entity.Length = p.pos - t.entity.Offset
	if t.entity.Length > 0 {
		p.entities = append(p.entities, t.entity)
	}
	return nil
}

func (p *htmlParser) openTag(body string, at int) error {
	name, attrs, err := splitTag(body)
	if err != nil {
		return fmt.Errorf("%w at byte offset %d", err, at)
	}
	if err := p.checkNesting(name); err != nil {
		return fmt.Errorf("%w at byte offset %d", err, at)
	}
	e, err := entityFor(name, attrs)
	if err != nil {
		return fmt.Errorf("%w at byte offset %d", err, at)
	}
	if name == "code" && len(p.stack) > 0 && p.stack[len(p.stack)-1].name == "pre" {
		if lang, ok := strings.CutPrefix(attrs["class"], "language-"); ok {
			p.stack[len(p.stack)-1].entity.Language = lang
		}
	}
	e.Offset = p.pos
	p.stack = append(p.stack, openTag{name: name, entity: e})
	return nil
}

// checkNesting refuses formatting inside code and pre (except one code in
// a pre), as Telegram does.
func (p *htmlParser) checkNesting(name string) error {
	if len(p.stack) == 0 {
		return nil
	}
	parent := p.stack[len(p.stack)-1].name
	switch {
	case parent == "pre" && name == "code":
		return nil
	case parent == "pre" || parent == "code":
		return fmt.Errorf("tag \"%s\" is not allowed inside \"%s\"", name, parent)
	}
	return nil
}

var simpleTags = map[string]string{
	"b": "bold", "strong": "bold", "i": "italic", "em": "italic",
	"u": "underline", "ins": "underline", "s": "strikethrough",
	"strike": "strikethrough", "del": "strikethrough",
	"tg-spoiler": "spoiler", "code": "code", "pre": "pre",
}

// entityFor checks a tag's attributes and returns its entity.
func entityFor(name string, attrs map[string]string) (Entity, error) {
	allowed := map[string]bool{}
	var e Entity
	switch name {
	case "a":
		href, ok := attrs["href"]
		if !ok {
			return e, errors.New("tag \"a\" must have attribute \"href\"")
		}
		if err := checkURL(href); err != nil {
			return e, err
		}
		e = Entity{Type: "text_link", URL: href}
		allowed["href"] = true
	case "span":
		if attrs["class"] != "tg-spoiler" {
			return e, errors.New("tag \"span\" must have class \"tg-spoiler\"")
		}
		e = Entity{Type: "spoiler"}
		allowed["class"] = true
	case "blockquote":
		e = Entity{Type: "blockquote"}
		if _, ok := attrs["expandable"]; ok {
			e.Type = "expandable_blockquote"
		}
		allowed["expandable"] = true
	case "tg-emoji":
		if attrs["emoji-id"] == "" {
			return e, errors.New("tag \"tg-emoji\" must have attribute \"emoji-id\"")
		}
		e = Entity{Type: "custom_emoji"}
		allowed["emoji-id"] = true
	default:
		t, ok := simpleTags[name]
		if !ok {
			return e, fmt.Errorf("unsupported start tag \"%s\"", name)
		}
		e = Entity{Type: t}
		allowed["class"] = name == "code"
	}
	for k := range attrs {
		if !allowed[k] {
			return e, fmt.Errorf("unsupported attribute \"%s\" of tag \"%s\"", k, name)
		}
	}
	return e, nil
}

// checkURL accepts the link targets Telegram accepts in a text link.
func checkURL(href string) error {
	u, err := url.Parse(href)
	if err != nil {
		return fmt.Errorf("wrong URL %q", href)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "tg", "mailto", "ftp":
		return nil
	}
	return fmt.Errorf("unsupported URL protocol in %q", href)
}

// splitTag splits `name attr="v" flag` into the lower-case name and the
// attributes, decoding entities in values.
func splitTag(body string) (string, map[string]string, error) {
	if body == "" || !isNameByte(body[0]) {
		return "", nil, errors.New("unescaped \"<\" (it must start a tag)")
	}
	n := 0
	for n < len(body) && isNameByte(body[n]) {
		n++
	}
	name := strings.ToLower(body[:n])
	attrs := map[string]string{}
	rest := body[n:]
	for {
		rest = strings.TrimLeft(rest, " \t\n\r")
		if rest == "" {
			return name, attrs, nil
		}
		var k, v string
		var err error
		k, v, rest, err = nextAttr(rest)
		if err != nil {
			return "", nil, err
		}
		attrs[k] = v
	}
}

func nextAttr(s string) (key, value, rest string, err error) {
	n := 0
	for n < len(s) && isNameByte(s[n]) {
		n++
	}
	if n == 0 {
		return "", "", "", fmt.Errorf("bad attribute syntax near %q", s)
	}
	key, s = strings.ToLower(s[:n]), s[n:]
	if !strings.HasPrefix(s, "=") {
		return key, "", s, nil
	}
	s = s[1:]
	if s == "" || (s[0] != '"' && s[0] != '\'') {
		return "", "", "", fmt.Errorf("attribute %q must be quoted", key)
	}
	end := strings.IndexByte(s[1:], s[0])
	if end < 0 {
		return "", "", "", fmt.Errorf("unclosed value of attribute %q", key)
	}
	value, err = decodeAttr(s[1 : 1+end])
	return key, value, s[end+2:], err
}

// decodeAttr decodes entities in an attribute value; a bare "<" or "&" is
// refused as in text.
func decodeAttr(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); {
		switch v[i] {
		case '<':
			return "", errors.New("unescaped \"<\" in attribute value")
		case '&':
			end := strings.IndexByte(v[i:], ';')
			if end < 0 {
				return "", errors.New("unescaped \"&\" in attribute value")
			}
			r, ok := decodeEntity(v[i+1 : i+end])
			if !ok {
				return "", fmt.Errorf("unsupported HTML entity %q in attribute value", v[i:i+end+1])
			}
			b.WriteRune(r)
			i += end + 1
		default:
			b.WriteByte(v[i])
			i++
		}
	}
	return b.String(), nil
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}
