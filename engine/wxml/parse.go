package wxml

import (
	"bytes"
	"fmt"

	"github.com/skyline-go/skyline/diag"
)

// maxCloseSearch bounds how far up the open-element stack a mismatched closing
// tag looks for its opener, keeping recovery linear on hostile input.
const maxCloseSearch = 64

// parser holds the state of one Parse call. It never recurses: open elements
// live on stack, so nesting depth costs no Go stack.
type parser struct {
	file  string
	src   []byte
	i     int
	lines []int // byte offset of the start of each line
	diags []diag.Diagnostic
	doc   *Document
	stack []*Node
	spans []int // mustache spans of the text or value being read, reused

	// noMustache is set after a {{ that never closes: its scan ran to the end
	// of the input, and re-scanning for every later {{ could be quadratic.
	// The rest of the file is then read without mustache tracking.
	names map[string]string // tag and attribute names seen, shared instead of re-allocated

	noMustache bool
	lastQuote  [2]int // last offset of '"' and '\'', for O(1) missing-quote detection
}

// Parse never panics; on errors it recovers (e.g. closes unclosed tags at EOF, skips a
// stray close tag) and returns what it could build plus positioned diagnostics.
// Comments are dropped. Text nodes that are only whitespace between tags are dropped,
// except inside text and span, where they become one space (InlineSpace);
// other text is kept as written (whitespace collapsing is a later decision of the engine).
// <wxs> element content is kept raw as a single TextNode (no entity decoding, no markup).
func Parse(file string, src []byte) (*Document, []diag.Diagnostic) {
	p := &parser{file: file, src: src, doc: &Document{File: file}, lines: diag.LineStarts(src)}
	p.lastQuote = [2]int{bytes.LastIndexByte(src, '"'), bytes.LastIndexByte(src, '\'')}
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		p.i = 3 // a UTF-8 byte order mark is not text; columns still count its bytes
	}
	for p.i < len(src) {
		before := p.i
		if src[p.i] == '<' && p.i+1 < len(src) && p.startsMarkup(src[p.i+1]) {
			p.markup()
		} else {
			p.text()
		}
		if p.i <= before { // every step must consume input; never loop forever
			p.i = before + 1
		}
	}
	for k := len(p.stack) - 1; k >= 0; k-- {
		n := p.stack[k]
		p.errorf(n.Pos, "unclosed tag <%s> (opened here)", n.Tag)
	}
	return p.doc, p.diags
}

func (p *parser) startsMarkup(c byte) bool {
	return isTagStart(c) || c == '/' || c == '!' || c == '?'
}

// pos converts a byte offset to file:line:col (1-based, byte columns).
func (p *parser) pos(off int) diag.Pos {
	line, col := diag.LineCol(p.src, p.lines, off)
	return diag.Pos{File: p.file, Line: line, Col: col}
}

func (p *parser) errorf(at diag.Pos, format string, args ...any) {
	p.diags = append(p.diags, diag.Diagnostic{Pos: at, Severity: diag.Error, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) warnf(at diag.Pos, format string, args ...any) {
	p.diags = append(p.diags, diag.Diagnostic{Pos: at, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...)})
}

// appendNode adds n to the innermost open element, or to the document.
func (p *parser) appendNode(n *Node) {
	if len(p.stack) == 0 {
		p.doc.Nodes = append(p.doc.Nodes, n)
		return
	}
	top := p.stack[len(p.stack)-1]
	top.Children = append(top.Children, n)
}

// skipMustache is called at "{{" (offset j); it records the span and returns
// the offset after "}}", or reports the unterminated binding and returns j+2
// so that the braces are read as plain characters.
func (p *parser) skipMustache(j, base int) int {
	end := mustacheEnd(p.src, j+2)
	if end < 0 {
		p.errorf(p.pos(j), "unterminated {{ (no matching }})")
		p.noMustache = true
		return j + 2
	}
	p.spans = append(p.spans, j-base, end+2-base)
	return end + 2
}

func (p *parser) atMustache(j int) bool {
	return !p.noMustache && p.src[j] == '{' && j+1 < len(p.src) && p.src[j+1] == '{'
}

// text reads character data up to the next tag. {{ }} regions are skipped
// whole, so '<' inside a binding ({{a < b}}) does not start a tag.
func (p *parser) text() {
	start := p.i
	p.spans = p.spans[:0]
	j := start
	for j < len(p.src) {
		if p.src[j] == '<' {
			// Parse only calls text where no tag starts, so a tag here is the
			// end of this text.
			if j+1 < len(p.src) && p.startsMarkup(p.src[j+1]) {
				break
			}
			p.warnf(p.pos(j), "stray '<' read as text (write &lt;)")
		}
		if p.atMustache(j) {
			j = p.skipMustache(j, start)
			continue
		}
		j++
	}
	p.i = j
	raw := p.src[start:j]
	if isBlank(raw) {
		// Inside text and span, white space between inline children is a
		// word space (`<text>Now <text>$1</text> <text>$2</text></text>`),
		// as in an inline formatting context; elsewhere it is only
		// indentation between tags.
		if n := len(p.stack); n > 0 && isInlineRoot(p.stack[n-1].Tag) {
			p.appendNode(&Node{Type: TextNode, Text: " ", Pos: p.pos(start), InlineSpace: true})
		}
		return
	}
	p.appendNode(&Node{Type: TextNode, Text: decode(raw, p.spans), Pos: p.pos(start)})
}

// isInlineRoot reports the tags whose children flow as inline content (spec
// §3.6): white space between their children is kept as one space.
func isInlineRoot(tag string) bool { return tag == "text" || tag == "span" }

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// markup handles everything starting with '<' that is not stray text.
func (p *parser) markup() {
	src, start := p.src, p.i
	switch {
	case bytes.HasPrefix(src[start:], []byte("<!--")):
		end := bytes.Index(src[start+4:], []byte("-->"))
		if end < 0 {
			p.errorf(p.pos(start), "unterminated comment (missing -->)")
			p.i = len(src)
			return
		}
		p.i = start + 4 + end + 3
	case bytes.HasPrefix(src[start:], []byte("<![CDATA[")):
		body := start + 9
		end := bytes.Index(src[body:], []byte("]]>"))
		if end < 0 {
			p.errorf(p.pos(start), "unterminated CDATA section (missing ]]>)")
			end = len(src) - body
		}
		if end > 0 {
			p.appendNode(&Node{Type: TextNode, Text: string(src[body : body+end]), Pos: p.pos(body)})
		}
		p.i = min(body+end+3, len(src))
	case src[start+1] == '!' || src[start+1] == '?':
		// Declarations and processing instructions mean nothing in WXML.
		end := bytes.IndexByte(src[start:], '>')
		p.warnf(p.pos(start), "ignored %s declaration", src[start:start+2])
		if end < 0 {
			p.i = len(src)
		} else {
			p.i = start + end + 1
		}
	case src[start+1] == '/':
		p.closeTag()
	default:
		p.openTag()
	}
}

func (p *parser) readName() string {
	j := p.i
	for j < len(p.src) && isNameByte(p.src[j]) {
		j++
	}
	name := p.intern(p.src[p.i:j])
	p.i = j
	return name
}

// intern returns a shared string for a name: a page repeats a few dozen tag
// and attribute names thousands of times.
func (p *parser) intern(b []byte) string {
	if s, ok := p.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if p.names == nil {
		p.names = make(map[string]string)
	}
	if len(p.names) < 4096 {
		p.names[s] = s
	}
	return s
}

func (p *parser) skipSpace() {
	for p.i < len(p.src) && isSpace(p.src[p.i]) {
		p.i++
	}
}

func (p *parser) openTag() {
	start := p.i
	p.i++
	el := &Node{Type: ElementNode, Tag: p.readName(), Pos: p.pos(start)}
	var seen map[string]bool // built only for elements with many attributes
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			p.errorf(el.Pos, "unterminated tag <%s> (missing >)", el.Tag)
			p.appendNode(el)
			return
		}
		c := p.src[p.i]
		switch {
		case c == '/' && p.i+1 < len(p.src) && p.src[p.i+1] == '>':
			p.i += 2
			p.appendNode(el)
			return
		case c == '>':
			p.i++
			p.appendNode(el)
			p.stack = append(p.stack, el)
			if el.Tag == "wxs" {
				p.rawContent(el)
			}
			return
		case c == '<':
			// A tag cut short (<view class="a" <text>): treat it as opened,
			// so that its closing tag still matches.
			p.errorf(p.pos(p.i), "missing > at end of tag <%s>", el.Tag)
			p.appendNode(el)
			p.stack = append(p.stack, el)
			return
		case isNameByte(c):
			a := p.attr()
			if dup := hasAttr(el, a.Name, &seen); dup {
				p.errorf(a.Pos, "duplicate attribute %q", a.Name)
				continue
			}
			el.Attrs = append(el.Attrs, a)
		default:
			p.errorf(p.pos(p.i), "unexpected character %q in tag <%s>", c, el.Tag)
			p.i++
		}
	}
}

// hasAttr reports whether el already has name; past a few attributes it
// switches to a set so that a tag with thousands of attributes stays linear.
func hasAttr(el *Node, name string, seen *map[string]bool) bool {
	const linear = 16
	if len(el.Attrs) < linear {
		_, ok := el.Attr(name)
		return ok
	}
	if *seen == nil {
		*seen = make(map[string]bool, 2*linear)
		for _, a := range el.Attrs {
			(*seen)[a.Name] = true
		}
	}
	if (*seen)[name] {
		return true
	}
	(*seen)[name] = true
	return false
}

func (p *parser) attr() Attr {
	a := Attr{Pos: p.pos(p.i)}
	a.Name = p.readName()
	save := p.i
	p.skipSpace()
	if p.i >= len(p.src) || p.src[p.i] != '=' {
		p.i = save // bare attribute: <switch checked/>
		return a
	}
	p.i++
	p.skipSpace()
	a.HasValue = true
	a.ValuePos = p.pos(p.i)
	if p.i >= len(p.src) {
		p.errorf(a.ValuePos, "missing value for attribute %q", a.Name)
		return a
	}
	switch c := p.src[p.i]; c {
	case '"', '\'':
		a.ValuePos = p.pos(p.i + 1)
		a.Value = p.quotedValue(c)
	case '>':
		p.errorf(a.ValuePos, "missing value for attribute %q", a.Name)
	default:
		p.warnf(a.ValuePos, "unquoted value of attribute %q", a.Name)
		a.Value = p.unquotedValue()
	}
	return a
}

// quotedValue reads a value up to the closing quote, skipping {{ }} regions so
// that quotes inside bindings (class="{{a ? "x" : 'y'}}") do not end it.
func (p *parser) quotedValue(q byte) string {
	open := p.i
	start := open + 1
	p.spans = p.spans[:0]
	last := p.lastQuote[0]
	if q == '\'' {
		last = p.lastQuote[1]
	}
	for j := start; j <= last; {
		switch {
		case p.src[j] == q:
			p.i = j + 1
			return decode(p.src[start:j], p.spans)
		case p.atMustache(j):
			j = p.skipMustache(j, start)
		default:
			j++
		}
	}
	// Recover by ending the value at the end of the line or tag, whichever
	// comes first, so one missing quote does not swallow the file.
	p.errorf(p.pos(open), "attribute value missing closing quote")
	stop := len(p.src)
	if k := bytes.IndexAny(p.src[start:], ">\n"); k >= 0 {
		stop = start + k
	}
	p.i = stop
	return decode(p.src[start:stop], keepSpansBefore(p.spans, stop-start))
}

func keepSpansBefore(spans []int, end int) []int {
	n := 0
	for n < len(spans) && spans[n+1] <= end {
		n += 2
	}
	return spans[:n]
}

// unquotedValue reads up to white space, '>' or "/>" (bindings skipped whole).
func (p *parser) unquotedValue() string {
	start := p.i
	p.spans = p.spans[:0]
	j := start
	for j < len(p.src) {
		c := p.src[j]
		if isSpace(c) || c == '>' || (c == '/' && j+1 < len(p.src) && p.src[j+1] == '>') {
			break
		}
		if p.atMustache(j) {
			j = p.skipMustache(j, start)
			continue
		}
		j++
	}
	p.i = j
	return decode(p.src[start:j], p.spans)
}

// rawContent keeps the body of <wxs> verbatim as one text node: it is script,
// not markup (spec §1.5).
func (p *parser) rawContent(el *Node) {
	start := p.i
	end := len(p.src)
	for j := start; ; {
		k := bytes.Index(p.src[j:], []byte("</"+el.Tag))
		if k < 0 {
			break
		}
		k += j
		after := k + 2 + len(el.Tag)
		if after >= len(p.src) || p.src[after] == '>' || isSpace(p.src[after]) {
			end = k
			break
		}
		j = after
	}
	if raw := p.src[start:end]; !isBlank(raw) {
		el.Children = append(el.Children, &Node{Type: TextNode, Text: string(raw), Pos: p.pos(start)})
	}
	p.i = end
}

func (p *parser) closeTag() {
	start := p.i
	p.i += 2
	name := p.readName()
	p.skipSpace()
	switch {
	case p.i < len(p.src) && p.src[p.i] == '>':
		p.i++
	default:
		p.errorf(p.pos(p.i), "expected > to end closing tag </%s>", name)
		for p.i < len(p.src) && p.src[p.i] != '<' && p.src[p.i] != '>' {
			p.i++
		}
		if p.i < len(p.src) && p.src[p.i] == '>' {
			p.i++
		}
	}
	at := p.pos(start)
	if name == "" {
		p.errorf(at, "closing tag without a name")
		return
	}
	top := len(p.stack) - 1
	for k := top; k >= 0 && k >= top-maxCloseSearch; k-- {
		if p.stack[k].Tag != name {
			continue
		}
		// Elements opened after the match and never closed end here.
		for u := top; u > k; u-- {
			n := p.stack[u]
			p.errorf(n.Pos, "unclosed tag <%s> (opened here) before </%s> at %d:%d", n.Tag, name, at.Line, at.Col)
		}
		p.stack = p.stack[:k]
		return
	}
	if top < 0 {
		p.errorf(at, "unexpected closing tag </%s> (no element is open)", name)
		return
	}
	p.errorf(at, "unexpected closing tag </%s>, expected </%s>", name, p.stack[top].Tag)
}
