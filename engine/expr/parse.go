package expr

import "fmt"

// maxDepth bounds nesting so that hostile input cannot exhaust the stack
// while parsing or evaluating.
const maxDepth = 200

// parser is a precedence-climbing parser over the token slice of one expression.
type parser struct {
	toks  []token
	i     int
	depth int
	err   *lexError
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) is(punct string) bool {
	t := p.toks[p.i]
	return t.kind == tPunct && t.text == punct
}

func (p *parser) accept(punct string) bool {
	if p.is(punct) {
		p.i++
		return true
	}
	return false
}

// fail records the first error only; later ones are usually consequences.
func (p *parser) fail(off int, format string, args ...any) {
	if p.err == nil {
		p.err = &lexError{off, fmt.Sprintf(format, args...)}
	}
}

func (p *parser) expect(punct, context string) {
	if !p.accept(punct) {
		t := p.peek()
		p.fail(t.off, "expected %q %s, found %s", punct, context, t)
	}
}

// bad is returned after an error so that callers always have a node.
var bad node = &constNode{Undefined}

// expression := conditional
func (p *parser) expression() node {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		p.fail(p.peek().off, "expression nested too deeply")
		return bad
	}
	return p.conditional()
}

// conditional := nullish ('?' expression ':' conditional)?   (right-associative)
func (p *parser) conditional() node {
	c := p.binary(0)
	if !p.accept("?") || p.err != nil {
		return c
	}
	yes := p.expression()
	p.expect(":", "in conditional expression")
	if p.err != nil {
		return bad
	}
	no := p.expression()
	return &condNode{c, yes, no}
}

// levels lists binary operators from loosest to tightest binding (JS precedence).
var levels = [][]string{
	{"??"},
	{"||"},
	{"&&"},
	{"==", "!=", "===", "!=="},
	{"<", "<=", ">", ">="},
	{"+", "-"},
	{"*", "/", "%"},
}

func (p *parser) binary(level int) node {
	if level == len(levels) {
		return p.unary()
	}
	l := p.binary(level + 1)
	for p.err == nil {
		t := p.peek()
		op := ""
		if t.kind == tPunct {
			for _, o := range levels[level] {
				if t.text == o {
					op = o
				}
			}
		}
		if op == "" {
			return l
		}
		p.next()
		r := p.binary(level + 1)
		switch op {
		case "&&":
			l = &logicalNode{opAnd, l, r}
		case "||":
			l = &logicalNode{opOr, l, r}
		case "??":
			l = &logicalNode{opNullish, l, r}
		case "+":
			l = addNode(l, r)
		default:
			l = &binaryNode{binOps[op], l, r}
		}
	}
	return bad
}

// unary := ('!' | '-' | '+' | 'typeof') unary | postfix
func (p *parser) unary() node {
	t := p.peek()
	if (t.kind == tPunct && (t.text == "!" || t.text == "-" || t.text == "+")) || (t.kind == tIdent && t.text == "typeof") {
		p.next()
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxDepth {
			p.fail(t.off, "expression nested too deeply")
			return bad
		}
		return &unaryNode{t.text, p.unary()}
	}
	return p.postfix(p.primary())
}

// postfix := primary ('.' name | '[' expression ']' | '(' args ')')*
// Static members directly after an identifier fold into one pathNode.
func (p *parser) postfix(x node) node {
	for p.err == nil {
		switch {
		case p.accept("."):
			t := p.next()
			if t.kind != tIdent {
				p.fail(t.off, "expected property name after '.', found %s", t)
				return bad
			}
			x = member(x, makeKey(t.text))
		case p.accept("["):
			idx := p.expression()
			p.expect("]", "to close index")
			switch c := idx.(type) {
			case *constNode:
				x = member(x, keyOf(c.v))
			default:
				x = &indexNode{x, idx}
			}
		case p.is("("):
			p.next()
			args := p.elements(")", "in call arguments")
			x = &callNode{x, args}
		default:
			return x
		}
	}
	return bad
}

func member(x node, k key) node {
	// The pathNode was made by primary for this very chain, so growing it in
	// place is safe and keeps long paths linear.
	if pn, ok := x.(*pathNode); ok {
		pn.keys = append(pn.keys, k)
		return pn
	}
	return &memberNode{x, k}
}

// elements parses comma-separated, optionally spread items up to close;
// a trailing comma is allowed as in JS.
func (p *parser) elements(close, context string) []element {
	var out []element
	for p.err == nil && !p.accept(close) {
		spread := p.accept("...")
		out = append(out, element{p.expression(), spread})
		if !p.accept(",") {
			p.expect(close, context)
			break
		}
	}
	return out
}

func (p *parser) primary() node {
	t := p.next()
	switch t.kind {
	case tNum:
		return &constNode{t.num}
	case tStr:
		return &constNode{t.str}
	case tIdent:
		switch t.text {
		case "true":
			return &constNode{true}
		case "false":
			return &constNode{false}
		case "null":
			return &constNode{nil}
		case "undefined":
			return &constNode{Undefined}
		}
		return &pathNode{root: t.text}
	case tPunct:
		switch t.text {
		case "(":
			x := p.expression()
			p.expect(")", "to close parenthesis")
			return x
		case "[":
			return &arrayNode{p.elements("]", "in array literal")}
		case "{":
			return p.objectBody("}")
		}
	}
	p.fail(t.off, "unexpected %s", t)
	return bad
}

// objectBody parses object entries up to close: name: value, shorthand name,
// 'string': value, 3: value, [computed]: value and ...spread. close is tEOF
// ("") for ParseObjectBody, where the braces are omitted.
func (p *parser) objectBody(close string) node {
	var props []property
	for p.err == nil {
		if close == "" && p.peek().kind == tEOF || close != "" && p.accept(close) {
			break
		}
		if p.accept("...") {
			props = append(props, property{x: p.expression(), spread: true})
		} else {
			t := p.next()
			var name string
			var computed node
			switch t.kind {
			case tIdent:
				name = t.text
			case tStr:
				name = t.str
			case tNum:
				name = numberString(t.num)
			default:
				if t.kind == tPunct && t.text == "[" {
					computed = p.expression()
					p.expect("]", "to close computed key")
					break
				}
				p.fail(t.off, "expected property name in object literal, found %s", t)
				return bad
			}
			switch {
			case p.accept(":"):
				v := p.expression()
				if computed != nil {
					props = append(props, property{x: &computedEntry{computed, v}, spread: true})
				} else {
					props = append(props, property{name: name, x: v})
				}
			case t.kind == tIdent && computed == nil:
				// Shorthand {foo} reads foo (spec §1.2).
				props = append(props, property{name: name, x: &pathNode{root: name}})
			default:
				p.fail(p.peek().off, "expected ':' after property name, found %s", p.peek())
				return bad
			}
		}
		if !p.accept(",") {
			if close == "" {
				if t := p.peek(); t.kind != tEOF {
					p.fail(t.off, "expected ',' between properties, found %s", t)
				}
			} else {
				p.expect(close, "to close object literal")
			}
			break
		}
	}
	return &objectNode{props}
}

// computedEntry is a {[k]: v} entry, evaluated as a one-key object spread so
// that it keeps its place in the later-keys-win order.
type computedEntry struct{ k, v node }

func (n *computedEntry) eval(s Scope) Value {
	return ObjectOf(keyOf(n.k.eval(s)).name, n.v.eval(s))
}
