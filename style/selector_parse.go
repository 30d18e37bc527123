package style

import (
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// selectorError is why a selector group was rejected, at a byte offset.
type selectorError struct {
	off int
	msg string
}

// parseSelectorGroup parses a rule prelude "a, b > c". Any unsupported or
// malformed member rejects the whole group (spec §2.3: "Invalid Selectors"
// discards the whole rule), reported at the offending token.
func parseSelectorGroup(toks []token, end int) ([]*Selector, *selectorError) {
	var sels []*Selector
	for len(toks) > 0 || len(sels) == 0 {
		n := topLevelComma(toks)
		part := trimSpace(toks[:n])
		if len(part) == 0 {
			off := end
			if n < len(toks) {
				off = toks[n].off
			}
			return nil, &selectorError{off, "empty selector"}
		}
		sel, err := parseComplex(part)
		if err != nil {
			return nil, err
		}
		sels = append(sels, sel)
		if n == len(toks) {
			break
		}
		toks = toks[n+1:]
		if len(trimSpace(toks)) == 0 {
			return nil, &selectorError{end, "empty selector after ','"}
		}
	}
	return sels, nil
}

// topLevelComma returns the index of the first comma outside parentheses,
// or len(toks).
func topLevelComma(toks []token) int {
	depth := 0
	for i, t := range toks {
		switch t.kind {
		case css.FunctionToken, css.LeftParenthesisToken:
			depth++
		case css.RightParenthesisToken:
			if depth > 0 {
				depth--
			}
		case css.CommaToken:
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks)
}

func trimSpace(toks []token) []token {
	for len(toks) > 0 && toks[0].kind == css.WhitespaceToken {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].kind == css.WhitespaceToken {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// parseComplex parses one complex selector (no top-level commas, trimmed).
func parseComplex(toks []token) (*Selector, *selectorError) {
	sel := &Selector{}
	var parts []compound // left to right while parsing
	var combs []Combinator
	i := 0
	for {
		if sel.Pseudo != PseudoNone {
			return nil, &selectorError{toks[i].off, "a pseudo-element must end the selector"}
		}
		c, next, err := parseCompound(toks, i, sel, false)
		if err != nil {
			return nil, err
		}
		parts = append(parts, c)
		if len(parts) > maxSimpleSelectors {
			// Stop early: the rest of a megabyte selector is not parsed.
			return nil, &selectorError{toks[0].off, "selector has more than " + strconv.Itoa(maxSimpleSelectors) +
				" simple selectors; rule dropped"}
		}
		i = next
		if i == len(toks) {
			break
		}
		sawSpace := false
		for i < len(toks) && toks[i].kind == css.WhitespaceToken {
			sawSpace = true
			i++
		}
		comb := Descendant
		switch t := toks[i]; {
		case t.isDelim('>'):
			comb = Child
		case t.isDelim('+'):
			comb = Adjacent
		case t.kind == css.DelimToken && t.text == "~":
			comb = Sibling
		case !sawSpace:
			return nil, &selectorError{t.off, "unexpected " + strconv.Quote(t.text) + " in selector"}
		}
		if comb != Descendant {
			i++
			for i < len(toks) && toks[i].kind == css.WhitespaceToken {
				i++
			}
			if i == len(toks) {
				return nil, &selectorError{toks[len(toks)-1].off, "combinator without a selector after it"}
			}
		}
		combs = append(combs, comb)
	}
	// Store rightmost first: matching starts at the subject.
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	for l, r := 0, len(combs)-1; l < r; l, r = l+1, r-1 {
		combs[l], combs[r] = combs[r], combs[l]
	}
	sel.parts, sel.combs = parts, combs
	if n := simpleCount(parts); n > maxSimpleSelectors {
		return nil, &selectorError{toks[0].off, "selector has " + strconv.Itoa(n) + " simple selectors, more than " +
			strconv.Itoa(maxSimpleSelectors) + "; rule dropped"}
	}
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	sel.text = normalizeSelectorText(b.String())
	return sel, nil
}

// maxSimpleSelectors bounds the type, id, class and pseudo-class selectors
// (those inside :not() included) of one complex selector. Matching costs up
// to this much per element and candidate, so a megabyte-long selector must
// not reach the matcher; real selectors use a handful.
const maxSimpleSelectors = 128

// simpleCount counts the simple selectors of parts, :not() arguments and
// :host included.
func simpleCount(parts []compound) int {
	n := 0
	for i := range parts {
		c := &parts[i]
		if c.tag != "" {
			n++
		}
		if c.id != "" {
			n++
		}
		if c.host {
			n++
		}
		n += len(c.classes)
		for _, p := range c.pseudos {
			n++
			n += simpleCount(p.not)
		}
	}
	return n
}

// parseCompound parses one compound starting at toks[i] and returns the
// index after it. inNot restricts it to what :not() accepts.
func parseCompound(toks []token, i int, sel *Selector, inNot bool) (compound, int, *selectorError) {
	var c compound
	start := i
	if i < len(toks) && toks[i].kind == css.IdentToken {
		c.tag = strings.ToLower(unescapeIdent(toks[i].text))
		sel.Specificity.add(2, 1)
		i++
	}
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.kind == css.HashToken:
			c.id = unescapeIdent(t.text[1:])
			sel.Specificity.add(0, 1)
			i++
		case t.isDelim('.'):
			if i+1 >= len(toks) || toks[i+1].kind != css.IdentToken {
				return c, i, &selectorError{t.off, "'.' must be followed by a class name"}
			}
			c.classes = append(c.classes, unescapeIdent(toks[i+1].text))
			sel.Specificity.add(1, 1)
			i += 2
		case t.isDelim('*'):
			return c, i, &selectorError{t.off, "universal selector '*' is not supported in Skyline; rule dropped"}
		case t.kind == css.LeftBracketToken:
			return c, i, &selectorError{t.off, "attribute selectors are not supported in Skyline; rule dropped"}
		case t.kind == css.ColonToken:
			next, err := parsePseudo(toks, i, &c, sel, inNot)
			if err != nil {
				return c, i, err
			}
			i = next
		case t.kind == css.IdentToken:
			return c, i, &selectorError{t.off, "type selector " + strconv.Quote(t.text) + " must come first in a compound selector"}
		case t.kind == css.WhitespaceToken || t.kind == css.DelimToken && (t.text == ">" || t.text == "+" || t.text == "~"):
			if i == start {
				return c, i, &selectorError{t.off, "missing selector before combinator"}
			}
			return c, i, nil
		default:
			return c, i, &selectorError{t.off, "unexpected " + strconv.Quote(t.text) + " in selector"}
		}
		if sel.Pseudo != PseudoNone && i < len(toks) && toks[i].kind != css.WhitespaceToken {
			return c, i, &selectorError{toks[i].off, "a pseudo-element must end the selector"}
		}
	}
	if i == start {
		off := 0
		if i < len(toks) {
			off = toks[i].off
		} else if len(toks) > 0 {
			off = toks[len(toks)-1].off
		}
		return c, i, &selectorError{off, "empty selector"}
	}
	return c, i, nil
}

// add increments one specificity component, saturating at 255.
func (s *Specificity) add(k, n int) {
	v := int(s[k]) + n
	if v > 255 {
		v = 255
	}
	s[k] = uint8(v)
}

// parsePseudo parses ":x", "::x" or ":x(...)" at toks[i] (a colon).
func parsePseudo(toks []token, i int, c *compound, sel *Selector, inNot bool) (int, *selectorError) {
	colon := toks[i]
	i++
	double := false
	if i < len(toks) && toks[i].kind == css.ColonToken {
		double = true
		i++
	}
	if i >= len(toks) {
		return i, &selectorError{colon.off, "missing pseudo-class name after ':'"}
	}
	t := toks[i]
	switch t.kind {
	case css.IdentToken:
		name := strings.ToLower(t.text)
		switch {
		case name == "before" || name == "after":
			// ::before / ::after, and the CSS2 one-colon spelling.
			if inNot {
				return i, &selectorError{t.off, "pseudo-elements are not allowed inside :not()"}
			}
			sel.Pseudo = PseudoBefore
			if name == "after" {
				sel.Pseudo = PseudoAfter
			}
			sel.Specificity.add(2, 1)
			return i + 1, nil
		case double:
			return i, &selectorError{t.off, "unsupported pseudo-element ::" + t.text + " (Skyline has ::before and ::after); rule dropped"}
		}
		sel.Specificity.add(1, 1)
		switch name {
		case "host":
			if inNot || !c.empty() {
				return i, &selectorError{t.off, ":host must start its compound selector"}
			}
			c.host = true
		case "first-child":
			c.pseudos = append(c.pseudos, pseudoClass{kind: pcFirstChild})
		case "last-child":
			c.pseudos = append(c.pseudos, pseudoClass{kind: pcLastChild})
		case "only-child":
			c.pseudos = append(c.pseudos, pseudoClass{kind: pcOnlyChild})
		case "empty":
			c.pseudos = append(c.pseudos, pseudoClass{kind: pcEmpty})
		case "active":
			sel.States |= StateActive
			c.states |= StateActive
		case "hover":
			sel.States |= StateHover
			c.states |= StateHover
		case "focus":
			sel.States |= StateFocus
			c.states |= StateFocus
		default:
			return i, &selectorError{t.off, "unsupported pseudo-class :" + t.text + "; rule dropped"}
		}
		return i + 1, nil
	case css.FunctionToken:
		if double {
			return i, &selectorError{t.off, "unsupported pseudo-element ::" + t.text + "; rule dropped"}
		}
		name := strings.ToLower(strings.TrimSuffix(t.text, "("))
		close := matchingParen(toks, i+1)
		if close < 0 {
			return i, &selectorError{t.off, "unclosed '(' in :" + name + "()"}
		}
		args := trimSpace(toks[i+1 : close])
		switch name {
		case "host":
			// :host(compound) is the host element when it also matches
			// compound; the compound's parts join this one.
			if inNot || !c.empty() {
				return i, &selectorError{t.off, ":host() must start its compound selector"}
			}
			arg := trimSpace(toks[i+1 : close])
			nc, next, err := parseCompound(arg, 0, sel, true)
			if err != nil {
				return i, err
			}
			if next != len(arg) {
				return i, &selectorError{arg[next].off, ":host() takes one compound selector"}
			}
			sel.Specificity.add(1, 1)
			*c = nc
			c.host = true
		case "nth-child":
			var b strings.Builder
			for _, a := range args {
				if a.kind != css.WhitespaceToken {
					b.WriteString(a.text)
				}
			}
			a, bb, ok := parseAnB(b.String())
			if !ok {
				return i, &selectorError{t.off, "invalid :nth-child() argument " + strconv.Quote(b.String())}
			}
			sel.Specificity.add(1, 1)
			c.pseudos = append(c.pseudos, pseudoClass{kind: pcNthChild, a: a, b: bb})
		case "not":
			if inNot {
				return i, &selectorError{t.off, "nested :not() is not supported"}
			}
			if len(args) == 0 {
				return i, &selectorError{t.off, "empty :not()"}
			}
			// :not() counts as its most specific argument (Selectors 4).
			outer := sel.Specificity
			best := Specificity{}
			var nots []compound
			for len(args) > 0 {
				n := topLevelComma(args)
				arg := trimSpace(args[:n])
				tmp := &Selector{}
				nc, next, err := parseCompound(arg, 0, tmp, true)
				if err != nil {
					return i, err
				}
				if next != len(arg) {
					return i, &selectorError{arg[next].off, ":not() takes compound selectors only"}
				}
				if tmp.States != 0 {
					return i, &selectorError{arg[0].off, "interaction pseudo-classes are not allowed inside :not()"}
				}
				if best.less(tmp.Specificity) {
					best = tmp.Specificity
				}
				nots = append(nots, nc)
				if n == len(args) {
					break
				}
				args = args[n+1:]
			}
			sel.Specificity = outer
			for k := range best {
				sel.Specificity.add(k, int(best[k]))
			}
			c.pseudos = append(c.pseudos, pseudoClass{kind: pcNot, not: nots})
		default:
			return i, &selectorError{t.off, "unsupported pseudo-class :" + name + "(); rule dropped"}
		}
		return close + 1, nil
	}
	return i, &selectorError{t.off, "invalid pseudo-class name " + strconv.Quote(t.text)}
}

// matchingParen returns the index of the ')' that closes a function whose
// arguments start at toks[i], or -1.
func matchingParen(toks []token, i int) int {
	depth := 0
	for ; i < len(toks); i++ {
		switch toks[i].kind {
		case css.FunctionToken, css.LeftParenthesisToken:
			depth++
		case css.RightParenthesisToken:
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// parseAnB parses the An+B microsyntax ("odd", "even", "3", "2n+1", "-n+3").
func parseAnB(s string) (a, b int, ok bool) {
	s = strings.ToLower(s)
	switch s {
	case "odd":
		return 2, 1, true
	case "even":
		return 2, 0, true
	case "":
		return 0, 0, false
	}
	n := strings.IndexByte(s, 'n')
	if n < 0 {
		b, err := strconv.Atoi(s)
		return 0, b, err == nil
	}
	switch head := s[:n]; head {
	case "", "+":
		a = 1
	case "-":
		a = -1
	default:
		v, err := strconv.Atoi(head)
		if err != nil {
			return 0, 0, false
		}
		a = v
	}
	tail := s[n+1:]
	if tail == "" {
		return a, 0, true
	}
	if tail[0] != '+' && tail[0] != '-' {
		return 0, 0, false
	}
	v, err := strconv.Atoi(tail)
	if err != nil || strings.HasPrefix(tail[1:], "+") || strings.HasPrefix(tail[1:], "-") {
		return 0, 0, false
	}
	return a, v, true
}
