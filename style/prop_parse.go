package style

import (
	"sync/atomic"

	"strings"

	"github.com/skyline-go/skyline/diag"
)

// propVal is one longhand with its parsed value, as a shorthand yields them.
type propVal struct {
	id PropID
	v  sval
}

// ParseDeclaration parses `name: value` into longhands: shorthands expand
// (spec §2.6), custom properties pass through. base resolves url() paths (the
// sheet's file, package-relative). An unsupported property or value gives a
// positioned warning and no declarations.
func ParseDeclaration(name, value string, important bool, pos diag.Pos, env *Env, base string) ([]Declared, []diag.Diagnostic) {
	name = strings.TrimSpace(name)
	value = strings.TrimSpace(value)
	if strings.HasPrefix(name, "--") {
		return []Declared{{Prop: PropCustom, Important: important, HasVar: containsVar(value),
			Raw: value, Name: name, Pos: pos}}, nil
	}
	lname := strings.ToLower(name)
	longs, known := longhandsOf(lname)
	if !known {
		return nil, []diag.Diagnostic{warnProperty(pos, lname)}
	}
	if value == "" {
		return nil, []diag.Diagnostic{warnValue(pos, lname, value, errValue)}
	}
	if containsVar(value) {
		// Pending substitution: each longhand keeps the whole text and is
		// parsed at computed-value time (spec §2.5).
		out := make([]Declared, len(longs))
		for i, id := range longs {
			out[i] = Declared{Prop: id, Important: important, HasVar: true, Raw: value, Name: lname, Pos: pos, memo: new(atomic.Pointer[varMemo])}
		}
		return out, nil
	}
	vals, err := parseValue(lname, value, base)
	if err != nil {
		return nil, []diag.Diagnostic{warnValue(pos, lname, value, err)}
	}
	out := make([]Declared, len(vals))
	for i, pv := range vals {
		out[i] = Declared{Prop: pv.id, Important: important, Raw: value, Name: lname, Pos: pos, v: pv.v}
	}
	return out, nil
}

// parseValue parses value for the longhand or shorthand lname.
func parseValue(lname, value, base string) ([]propVal, error) {
	ts, ok := lexValue(value)
	if !ok || len(ts) == 0 {
		return nil, errValue
	}
	if len(ts) == 1 && ts[0].kind == vtIdent {
		if w := wideKeyword(ts[0]); w != wideNone {
			longs, _ := longhandsOf(lname)
			out := make([]propVal, len(longs))
			for i, id := range longs {
				out[i] = propVal{id: id, v: sval{wide: w}}
			}
			return out, nil
		}
	}
	if id, ok := propByName[lname]; ok {
		if props[id].parse == nil {
			return nil, errValue
		}
		v, err := props[id].parse(ts, base)
		if err != nil {
			return nil, err
		}
		return []propVal{{id, v}}, nil
	}
	sh := shorthands[lname]
	return sh.expand(ts, base)
}

func wideKeyword(t vtok) wideKw {
	switch t.lower() {
	case "inherit":
		return wideInherit
	case "initial":
		return wideInitial
	case "unset":
		return wideUnset
	}
	return wideNone
}

// longhandsOf lists what lname sets: itself for a longhand, its longhands for
// a shorthand.
func longhandsOf(lname string) ([]PropID, bool) {
	if id, ok := propByName[lname]; ok {
		return []PropID{id}, true
	}
	if sh, ok := shorthands[lname]; ok {
		return sh.longs, true
	}
	return nil, false
}

func warnProperty(pos diag.Pos, name string) diag.Diagnostic {
	msg := "unknown property \"" + clipQuoted(name) + "\""
	if why, ok := unsupportedProps[name]; ok {
		msg = "unsupported property \"" + name + "\""
		if why != "" {
			msg += ": " + why
		}
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: msg}
}

func warnValue(pos diag.Pos, name, value string, err error) diag.Diagnostic {
	msg := "unsupported value \"" + clipQuoted(value) + "\" for property \"" + clipQuoted(name) + "\""
	if e, ok := err.(*valueErr); ok && e.why != "" {
		msg += ": " + e.why
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: msg}
}

// unsupportedProps are CSS properties Skyline does not implement (spec §2.7);
// declaring one warns instead of being dropped silently.
var unsupportedProps = map[string]string{
	"float":                       "no floats in Skyline (spec §2.8)",
	"clear":                       "no floats in Skyline (spec §2.8)",
	"resize":                      "",
	"contain":                     "use -wx-contain (spec §2.7)",
	"direction":                   "",
	"writing-mode":                "",
	"unicode-bidi":                "",
	"text-indent":                 "",
	"overflow-wrap":               "",
	"word-wrap":                   "",
	"text-decoration-thickness":   "ignored (spec §2.6)",
	"text-underline-offset":       "",
	"text-transform":              "",
	"list-style":                  "",
	"list-style-type":             "",
	"list-style-image":            "",
	"list-style-position":         "",
	"justify-items":               "",
	"justify-self":                "",
	"place-items":                 "",
	"place-self":                  "",
	"place-content":               "",
	"overflow-x":                  "overflow-x and overflow-y cannot be set separately; use overflow (spec §2.7)",
	"overflow-y":                  "overflow-x and overflow-y cannot be set separately; use overflow (spec §2.7)",
	"background-attachment":       "dropped (spec §2.6)",
	"background-clip":             "dropped (spec §2.6)",
	"background-origin":           "dropped (spec §2.6)",
	"border-image":                "",
	"outline":                     "",
	"outline-width":               "",
	"outline-style":               "",
	"outline-color":               "",
	"outline-offset":              "",
	"grid":                        "no grid layout in Skyline (spec §2.7)",
	"grid-template":               "no grid layout in Skyline (spec §2.7)",
	"grid-template-columns":       "no grid layout in Skyline (spec §2.7)",
	"grid-template-rows":          "no grid layout in Skyline (spec §2.7)",
	"grid-area":                   "no grid layout in Skyline (spec §2.7)",
	"grid-column":                 "no grid layout in Skyline (spec §2.7)",
	"grid-row":                    "no grid layout in Skyline (spec §2.7)",
	"columns":                     "",
	"column-count":                "",
	"font-variant":                "",
	"font-stretch":                "",
	"text-rendering":              "",
	"-webkit-font-smoothing":      "",
	"-webkit-box-orient":          "",
	"-webkit-text-stroke":         "",
	"-webkit-tap-highlight-color": "",
	"-webkit-overflow-scrolling":  "",
	"user-select":                 "",
	"cursor":                      "",
	"isolation":                   "",
	"mix-blend-mode":              "",
	"object-fit":                  "",
	"object-position":             "",
	"clip-path":                   "",
	"perspective":                 "",
	"perspective-origin":          "",
	"backface-visibility":         "",
	"transform-style":             "",
	"scroll-behavior":             "",
	"table-layout":                "",
	"vertical-align-last":         "",
	"hyphens":                     "",
	"tab-size":                    "",
	"quotes":                      "",
	"counter-reset":               "",
	"counter-increment":           "",
}

// containsVar reports whether s has a var( function (ASCII case-insensitive,
// not inside a quoted string).
func containsVar(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c == '"' || c == '\'' {
			_, n, ok := vLexString(s[i:])
			if !ok {
				return false
			}
			i += n - 1
			continue
		}
		if c|0x20 == 'v' && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 'r' && s[i+3] == '(' &&
			(i == 0 || !vIsNameChar(s[i-1])) {
			return true
		}
	}
	return false
}

// ParseInlineStyle parses a style attribute or declaration list
// ("a: b; c: d !important"). pos is where text starts; each warning points at
// its own declaration.
func ParseInlineStyle(text string, pos diag.Pos, env *Env, base string) ([]Declared, []diag.Diagnostic) {
	var out []Declared
	var ds []diag.Diagnostic
	start := 0
	// Positions advance from the previous declaration's (offsets only
	// grow): an inline style of 100,000 declarations stays linear.
	cur, curOff := pos, 0
	for start <= len(text) {
		end := declEnd(text, start)
		part := text[start:end]
		lead := len(part) - len(strings.TrimLeft(part, " \t\r\n\f"))
		cur, curOff = advancePos(cur, text[curOff:start+lead]), start+lead
		dpos := cur
		if strings.TrimSpace(part) != "" {
			name, value, ok := strings.Cut(part, ":")
			if !ok || strings.TrimSpace(name) == "" {
				ds = append(ds, diag.Diagnostic{Pos: dpos, Severity: diag.Warning,
					Msg: "invalid declaration \"" + clipQuoted(strings.TrimSpace(part)) + "\""})
			} else {
				value, important := cutImportant(value)
				d, w := ParseDeclaration(name, value, important, dpos, env, base)
				out = append(out, d...)
				ds = append(ds, w...)
			}
		}
		start = end + 1
	}
	return out, ds
}

// declEnd finds the ';' ending the declaration that starts at i, skipping
// strings and brackets.
func declEnd(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			if depth > 0 {
				depth--
			}
		case '"', '\'':
			_, n, ok := vLexString(s[i:])
			if !ok {
				continue
			}
			i += n - 1
		case ';':
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// cutImportant strips a trailing `!important` (any case, spaces allowed
// after the '!').
func cutImportant(v string) (string, bool) {
	t := strings.TrimRight(v, " \t\r\n\f")
	const kw = "important"
	if len(t) < len(kw) || !strings.EqualFold(t[len(t)-len(kw):], kw) {
		return v, false
	}
	rest := strings.TrimRight(t[:len(t)-len(kw)], " \t\r\n\f")
	if !strings.HasSuffix(rest, "!") {
		return v, false
	}
	return rest[:len(rest)-1], true
}

// advancePos moves p over consumed text (Col counts bytes, as diag does).
func advancePos(p diag.Pos, consumed string) diag.Pos {
	if p.Line == 0 {
		return p
	}
	return diag.Advance(p, consumed)
}
