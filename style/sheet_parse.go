package style

import (
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// parser walks the tokens of one file. Recovery follows CSS Syntax 3: a bad
// declaration is skipped to the next ';' of its block, a bad rule to the end
// of its {} block, and an unclosed block is closed at end of file.
type parser struct {
	st         *sheetState
	src        *source
	mediaDepth int
}

// maxMediaDepth bounds @media nesting: each level rescans its block, so
// deep nesting would make hostile input quadratic.
const maxMediaDepth = 8

func (p *parser) warnAt(off int, format string, args ...any) {
	p.st.diags.Warnf(p.src.pos(off), format, clipArgs(args)...)
}

func (p *parser) errorAt(off int, format string, args ...any) {
	p.st.diags.Errorf(p.src.pos(off), format, clipArgs(args)...)
}

// offAt is the offset of toks[i], or the end of the file past the last token.
func (p *parser) offAt(i int) int {
	if i < len(p.src.toks) {
		return p.src.toks[i].off
	}
	return len(p.src.text)
}

// blockEnd returns the index of the '}' closing the '{' at toks[open]
// (within hi) and whether it exists; an unclosed block ends at hi.
func (p *parser) blockEnd(open, hi int) (int, bool) {
	depth := 0
	for i := open + 1; i < hi; i++ {
		switch p.src.toks[i].kind {
		case css.LeftBraceToken:
			depth++
		case css.RightBraceToken:
			if depth == 0 {
				return i, true
			}
			depth--
		}
	}
	return hi, false
}

// closeBlock finds the end of the block opened at toks[open] and warns when
// it is unclosed. It returns the end index and the index to resume at.
func (p *parser) closeBlock(open, hi int) (end, next int) {
	end, ok := p.blockEnd(open, hi)
	if !ok {
		p.warnAt(p.src.toks[open].off, "unclosed '{': block runs to the end of the file")
		return hi, hi
	}
	return end, end + 1
}

// ruleList parses rules and at-rules in toks[lo:hi] under media. top is
// true at the top level of a file (where @import is allowed).
func (p *parser) ruleList(lo, hi int, media Media, top bool) {
	toks := p.src.toks
	for i := lo; i < hi; {
		t := toks[i]
		switch t.kind {
		case css.WhitespaceToken, css.CDOToken, css.CDCToken:
			i++
		case css.SemicolonToken:
			p.warnAt(t.off, "stray ';' between rules")
			i++
		case css.RightBraceToken:
			p.warnAt(t.off, "unmatched '}'")
			i++
		case css.AtKeywordToken:
			i = p.atRule(i, hi, media, top)
		default:
			i = p.qualifiedRule(i, hi, media)
		}
	}
}

// qualifiedRule parses "selectors { declarations }" starting at toks[i].
func (p *parser) qualifiedRule(i, hi int, media Media) int {
	toks := p.src.toks
	start := i
	for ; i < hi; i++ {
		switch toks[i].kind {
		case css.LeftBraceToken:
			end, next := p.closeBlock(i, hi)
			sels, err := parseSelectorGroup(toks[start:i], toks[i].off)
			if err != nil {
				p.warnAt(err.off, "invalid selector %q: %s", selectorText(toks[start:i]), err.msg)
				return next
			}
			decls := p.declarations(i+1, end)
			if len(decls) == 0 {
				return next
			}
			pos := p.src.pos(toks[start].off)
			for _, sel := range sels {
				p.st.sheet.Rules = append(p.st.sheet.Rules, Rule{Selector: sel, Decls: decls, Pos: pos, Media: media, Order: p.st.order})
				p.st.order++
			}
			return next
		case css.RightBraceToken:
			p.warnAt(toks[start].off, "expected '{' after selector %q", selectorText(toks[start:i]))
			return i + 1
		}
	}
	p.warnAt(toks[start].off, "unexpected end of file: selector %q has no {} block", selectorText(toks[start:hi]))
	return hi
}

// selectorText is the prelude as written, for messages.
func selectorText(toks []token) string {
	var b strings.Builder
	for _, t := range trimSpace(toks) {
		b.WriteString(t.text)
	}
	return normalizeSelectorText(b.String())
}

// declarations parses the declaration list toks[lo:hi] into longhands.
func (p *parser) declarations(lo, hi int) []Declared {
	var out []Declared
	p.eachDeclaration(lo, hi, func(name token, value []token, important bool) {
		text := p.valueText(value)
		n := name.text
		if name.kind == css.IdentToken {
			n = strings.ToLower(n)
		}
		ds, warns := ParseDeclaration(n, text, important, p.src.pos(name.off), p.st.env, p.src.file)
		p.st.diags.Add(warns...)
		out = append(out, ds...)
	})
	return out
}

// eachDeclaration finds `name: value [!important]` items in toks[lo:hi],
// skipping malformed ones with a warning.
func (p *parser) eachDeclaration(lo, hi int, fn func(name token, value []token, important bool)) {
	toks := p.src.toks
	for i := lo; i < hi; {
		t := toks[i]
		switch t.kind {
		case css.WhitespaceToken, css.SemicolonToken:
			i++
			continue
		case css.IdentToken, css.CustomPropertyNameToken:
		case css.AtKeywordToken:
			p.warnAt(t.off, "at-rule %s is not allowed inside a declaration block; skipped", t.text)
			i = p.skipDeclaration(i, hi)
			continue
		case css.LeftBraceToken:
			p.warnAt(t.off, "nested rules are not supported; block skipped")
			i = p.skipDeclaration(i, hi)
			continue
		default:
			p.warnAt(t.off, "expected a property name, found %q; declaration skipped", t.text)
			i = p.skipDeclaration(i, hi)
			continue
		}
		j := i + 1
		for j < hi && toks[j].kind == css.WhitespaceToken {
			j++
		}
		if j >= hi || toks[j].kind != css.ColonToken {
			p.warnAt(t.off, "expected ':' after property %q; declaration skipped", t.text)
			i = p.skipDeclaration(j, hi)
			continue
		}
		end, ok := p.valueEnd(j+1, hi)
		next := end + 1
		if !ok {
			p.warnAt(t.off, "unclosed '(' or '[' in the value of %q; declaration skipped", t.text)
			i = next
			continue
		}
		value := trimSpace(toks[j+1 : end])
		value, important := splitImportant(value)
		if len(value) == 0 && t.kind != css.CustomPropertyNameToken {
			p.warnAt(t.off, "empty value for %q; declaration skipped", t.text)
			i = next
			continue
		}
		if bad := badToken(value); bad >= 0 {
			p.warnAt(value[bad].off, "malformed token %q in the value of %q; declaration skipped", value[bad].text, t.text)
			i = next
			continue
		}
		fn(t, value, important)
		i = next
	}
}

// valueEnd returns the index of the ';' that ends a value starting at
// toks[i] (or hi), and false when a '(' or '[' is still open there.
func (p *parser) valueEnd(i, hi int) (int, bool) {
	toks := p.src.toks
	depth := 0
	for ; i < hi; i++ {
		switch toks[i].kind {
		case css.FunctionToken, css.LeftParenthesisToken, css.LeftBracketToken:
			depth++
		case css.RightParenthesisToken, css.RightBracketToken:
			if depth > 0 {
				depth--
			}
		case css.LeftBraceToken:
			e, ok := p.blockEnd(i, hi)
			if !ok {
				return hi, false
			}
			i = e
		case css.SemicolonToken:
			if depth == 0 {
				return i, true
			}
		}
	}
	return hi, depth == 0
}

// skipDeclaration returns the index after the next ';' at block level, or
// after a {} block: a nested rule or at-rule ends at its block (as in CSS
// Nesting), so the declarations after it still apply.
func (p *parser) skipDeclaration(i, hi int) int {
	toks := p.src.toks
	for ; i < hi; i++ {
		switch toks[i].kind {
		case css.SemicolonToken:
			return i + 1
		case css.LeftBraceToken:
			e, ok := p.blockEnd(i, hi)
			if !ok {
				return hi
			}
			return e + 1
		}
	}
	return hi
}

// splitImportant removes a trailing "! important".
func splitImportant(value []token) ([]token, bool) {
	n := len(value)
	if n < 2 || value[n-1].kind != css.IdentToken || !strings.EqualFold(value[n-1].text, "important") {
		return value, false
	}
	rest := trimSpace(value[:n-1])
	if len(rest) == 0 || !rest[len(rest)-1].isDelim('!') {
		return value, false
	}
	return trimSpace(rest[:len(rest)-1]), true
}

// badToken returns the index of a token the tokenizer already reported as
// malformed (an unterminated string or url), or -1.
func badToken(value []token) int {
	for i, t := range value {
		if t.kind == css.BadStringToken || t.kind == css.BadURLToken {
			return i
		}
	}
	return -1
}

// valueText is the value as written. Comments between its tokens become a
// space (they separate tokens, spec §2.2).
func (p *parser) valueText(value []token) string {
	if len(value) == 0 {
		return ""
	}
	first, last := value[0], value[len(value)-1]
	whole := p.src.text[first.off : last.off+len(last.text)]
	contiguous := true
	for k := 1; k < len(value); k++ {
		if value[k-1].off+len(value[k-1].text) != value[k].off {
			contiguous = false
			break
		}
	}
	if contiguous {
		return whole
	}
	var b strings.Builder
	for k, t := range value {
		if k > 0 && value[k-1].off+len(value[k-1].text) != t.off {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// atRule handles the at-rule at toks[i] and returns the index after it.
func (p *parser) atRule(i, hi int, media Media, top bool) int {
	toks := p.src.toks
	at := toks[i]
	name := strings.ToLower(at.text[1:])
	// The prelude runs to the ';' or '{' that ends the at-rule.
	j := i + 1
	for ; j < hi; j++ {
		k := toks[j].kind
		if k == css.SemicolonToken || k == css.LeftBraceToken || k == css.RightBraceToken {
			break
		}
	}
	prelude := trimSpace(toks[i+1 : j])
	hasBlock := j < hi && toks[j].kind == css.LeftBraceToken
	var end, next int
	switch {
	case hasBlock:
		end, next = p.closeBlock(j, hi)
	case j < hi && toks[j].kind == css.SemicolonToken:
		next = j + 1
	default:
		// End of file or a '}' that closes the enclosing block.
		next = j
	}
	switch name {
	case "import":
		switch {
		case hasBlock:
			p.warnAt(at.off, "@import takes no {} block; skipped")
		case !top:
			p.warnAt(at.off, "@import is only allowed at the top level of a file; skipped")
		case j >= hi || toks[j].kind != css.SemicolonToken:
			p.warnAt(at.off, "@import must end with ';'; skipped")
		default:
			p.importRule(at, prelude)
		}
	case "media":
		if !hasBlock {
			p.warnAt(at.off, "@media without a {} block; skipped")
			break
		}
		m, ok := parseMedia(prelude)
		if !ok {
			p.warnAt(at.off, "unsupported media query %q (only prefers-color-scheme is supported); block ignored", selectorText(prelude))
			break
		}
		if p.mediaDepth >= maxMediaDepth {
			p.warnAt(at.off, "@media nested deeper than %d levels; block ignored", maxMediaDepth)
			break
		}
		p.mediaDepth++
		p.ruleList(j+1, end, media.and(m), false)
		p.mediaDepth--
	case "font-face":
		if !hasBlock {
			p.warnAt(at.off, "@font-face without a {} block; skipped")
			break
		}
		if media != MediaAll {
			p.warnAt(at.off, "@font-face inside @media is not supported; skipped")
			break
		}
		p.fontFace(at, j+1, end)
	case "keyframes", "-webkit-keyframes":
		if !hasBlock {
			p.warnAt(at.off, "@%s without a {} block; skipped", name)
			break
		}
		if media != MediaAll {
			p.warnAt(at.off, "@%s inside @media is not supported; skipped", name)
			break
		}
		p.keyframes(at, prelude, j+1, end)
	case "charset":
		p.warnAt(at.off, "@charset is not supported; skipped")
	case "supports", "layer", "page":
		p.warnAt(at.off, "@%s is not supported in Skyline; ignored", name)
	default:
		p.warnAt(at.off, "unknown at-rule @%s; ignored", name)
	}
	return next
}

// fontFace parses an @font-face block toks[lo:hi] (spec §2.2: TrueType only).
func (p *parser) fontFace(at token, lo, hi int) {
	ff := FontFace{Pos: p.src.pos(at.off)}
	srcOK := false
	p.eachDeclaration(lo, hi, func(name token, value []token, important bool) {
		switch strings.ToLower(name.text) {
		case "font-family":
			ff.Family = familyName(value)
		case "src":
			u, ok := p.trueTypeSource(value)
			if !ok {
				p.warnAt(name.off, "@font-face src has no TrueType (.ttf) source; only TrueType fonts are supported")
				return
			}
			ff.URL, srcOK = u, true
		case "font-weight":
			ff.Weight = p.valueText(value)
		case "font-style":
			ff.Style = p.valueText(value)
		case "font-display", "unicode-range":
		default:
			p.warnAt(name.off, "unknown @font-face descriptor %q; ignored", name.text)
		}
	})
	switch {
	case ff.Family == "":
		p.warnAt(at.off, "@font-face without font-family; ignored")
	case !srcOK:
		p.warnAt(at.off, "@font-face without a usable src; ignored")
	default:
		p.st.sheet.FontFaces = append(p.st.sheet.FontFaces, ff)
	}
}

// familyName reads a font-family descriptor: a string or identifiers.
func familyName(value []token) string {
	if len(value) == 1 && value[0].kind == css.StringToken {
		return unquote(value[0].text)
	}
	var parts []string
	for _, t := range value {
		switch t.kind {
		case css.WhitespaceToken:
		case css.IdentToken:
			parts = append(parts, t.text)
		default:
			return ""
		}
	}
	return strings.Join(parts, " ")
}

// trueTypeSource picks the first src entry that is a TrueType file: a
// url() ending in .ttf or marked format("truetype").
func (p *parser) trueTypeSource(value []token) (string, bool) {
	for len(value) > 0 {
		n := topLevelComma(value)
		entry := trimSpace(value[:n])
		url, format := "", ""
		for k := 0; k < len(entry); k++ {
			t := entry[k]
			switch {
			case t.kind == css.URLToken:
				url = urlArg(t)
			case t.kind == css.FunctionToken && strings.EqualFold(t.text, "format("):
				if k+1 < len(entry) && entry[k+1].kind == css.StringToken {
					format = strings.ToLower(unquote(entry[k+1].text))
				}
			}
		}
		lower := strings.ToLower(url)
		if q := strings.IndexAny(lower, "?#"); q >= 0 {
			lower = lower[:q]
		}
		if url != "" && (format == "truetype" || format == "" && strings.HasSuffix(lower, ".ttf")) {
			return resolveRef(p.src.file, url), true
		}
		if n == len(value) {
			break
		}
		value = value[n+1:]
	}
	return "", false
}

// keyframes parses "@keyframes name { offsets { declarations } ... }".
func (p *parser) keyframes(at token, prelude []token, lo, hi int) {
	if len(prelude) != 1 || prelude[0].kind != css.IdentToken && prelude[0].kind != css.StringToken {
		p.warnAt(at.off, "@keyframes needs a single name; skipped")
		return
	}
	kf := Keyframes{Name: unquote(prelude[0].text), Pos: p.src.pos(at.off)}
	toks := p.src.toks
	for i := lo; i < hi; {
		t := toks[i]
		if t.kind == css.WhitespaceToken || t.kind == css.SemicolonToken {
			i++
			continue
		}
		start := i
		for i < hi && toks[i].kind != css.LeftBraceToken && toks[i].kind != css.RightBraceToken {
			i++
		}
		if i >= hi || toks[i].kind != css.LeftBraceToken {
			p.warnAt(t.off, "expected '{' after keyframe selector; skipped")
			if i < hi {
				i++
			}
			continue
		}
		end, next := p.closeBlock(i, hi)
		offsets, ok := parseKeyframeOffsets(toks[start:i])
		if !ok {
			p.warnAt(t.off, "invalid keyframe selector %q (use from, to or percentages); block skipped", selectorText(toks[start:i]))
			i = next
			continue
		}
		decls := p.declarations(i+1, end)
		kept := decls[:0]
		for _, d := range decls {
			if d.Important {
				// CSS Animations 1 §3: !important in a keyframe is ignored.
				p.st.diags.Warnf(d.Pos, "!important is ignored inside @keyframes; declaration skipped")
				continue
			}
			kept = append(kept, d)
		}
		kf.Frames = append(kf.Frames, Keyframe{Offsets: offsets, Decls: kept})
		i = next
	}
	p.st.sheet.Keyframes = append(p.st.sheet.Keyframes, kf)
}

// parseKeyframeOffsets parses "from, 50%, to" into 0..1 offsets.
func parseKeyframeOffsets(toks []token) ([]float32, bool) {
	var out []float32
	for len(toks) > 0 {
		n := topLevelComma(toks)
		sel := trimSpace(toks[:n])
		if len(sel) != 1 {
			return nil, false
		}
		t := sel[0]
		switch {
		case t.kind == css.IdentToken && strings.EqualFold(t.text, "from"):
			out = append(out, 0)
		case t.kind == css.IdentToken && strings.EqualFold(t.text, "to"):
			out = append(out, 1)
		case t.kind == css.PercentageToken:
			v, err := strconv.ParseFloat(strings.TrimSuffix(t.text, "%"), 32)
			if err != nil || v < 0 || v > 100 {
				return nil, false
			}
			out = append(out, float32(v/100))
		default:
			return nil, false
		}
		if n == len(toks) {
			break
		}
		toks = toks[n+1:]
		if len(trimSpace(toks)) == 0 {
			return nil, false
		}
	}
	return out, len(out) > 0
}
