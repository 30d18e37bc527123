package logic

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	gojafile "github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
	"github.com/skyline-go/skyline/diag"
)

// esmSyntax finds what only an ES module (or a dynamic import) says:
// import / export as a word of its own. A file without it is plain
// CommonJS and is compiled as written, untransformed; a file with it
// (even inside a comment or string) goes through esbuild. Either way the
// positions reported are the author's.
var esmSyntax = regexp.MustCompile(`(?:^|[^\w$.])(?:import|export)(?:[^\w$]|$)`)

// esmStatement finds an import or export statement (at a line start or
// after ; } or ), as minified code has them): the file is an ES module,
// whose code is strict. A file that only names import in a comment,
// a string or import() is transformed but stays sloppy as written.
var esmStatement = regexp.MustCompile(`(?m)(?:^|[;})])[ \t]*(?:import[ \t]*[\w${*'"]|export[ \t]*[\w${*])`)

// esbuildSupported lowers what goja lacks (probed against the goja in
// go.mod): async generators and for await, import() (goja has no module
// loader; esbuild turns it into a Promise of require), decorators and
// using declarations. Everything
// else — classes and their fields, async/await, ?. and ??, BigInt — goja
// runs as written.
var esbuildSupported = map[string]bool{
	"async-generator": false,
	"for-await":       false,
	"dynamic-import":  false,
	"decorators":      false, // esbuild would pass @dec through at ESNext
	"using":           false,
}

// compileModule compiles a package script as a CommonJS function
// (modulePrefix … "})"). Source maps that a file names itself are never
// loaded (goja would read them from the host's file system).
func (s *state) compileModule(file string, src []byte) (*goja.Program, error) {
	key := cacheKey(file, src)
	if c, ok := compiled.get(key); ok {
		s.useCompiled(file, c)
		return c.prog, nil
	}
	c, err := compileFresh(file, src)
	if err != nil {
		return nil, err
	}
	compiled.put(key, c, len(src))
	s.useCompiled(file, c)
	return c.prog, nil
}

// useCompiled installs what a runtime keeps of a compiled module: its
// warnings (said on every load, as a fresh compile would), how its
// positions map.
func (s *state) useCompiled(file string, c *compiledModule) {
	for _, w := range c.warnings {
		s.r.diagWarn(esbuildPos(file, w.Location), "esbuild: "+w.Text)
	}
	switch {
	case c.alias != "":
		s.aliases[c.alias] = file // positions of it come mapped already
	case c.sm != nil:
		s.maps[file] = c.sm // a name goja's source-map URLs cannot carry: jsPos maps
	}
}

// compiledModule is a compiled package script, shared by every runtime
// that loads the same file with the same content (a goja.Program runs in
// any runtime; the source map is read-only once built).
type compiledModule struct {
	prog     *goja.Program
	warnings []api.Message
	alias    string  // goja's name of the file in mapped positions ("": unmapped)
	sm       *srcMap // positions the runtime maps itself (alias "")
}

// maxModuleWarnings bounds the esbuild warnings reported per file.
const maxModuleWarnings = 20

// compileFresh is compileModule without the cache.
func compileFresh(file string, src []byte) (*compiledModule, error) {
	text := string(src)
	if err := checkNesting(file, text); err != nil {
		return nil, err
	}
	if !esmSyntax.MatchString(text) {
		ast, err := goja.Parse(file, modulePrefix+text+"\n})", parser.WithDisableSourceMaps)
		if err != nil {
			return nil, err
		}
		prog, err := goja.CompileAST(ast, false)
		if err != nil {
			return nil, err
		}
		return &compiledModule{prog: prog}, nil
	}
	res := api.Transform(text, api.TransformOptions{
		Loader:         api.LoaderJS,
		Format:         api.FormatCommonJS,
		Target:         api.ESNext,
		Supported:      esbuildSupported,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude, // the runtime keeps the source itself
		Sourcefile:     file,
		LogLevel:       api.LogLevelSilent,
	})
	c := &compiledModule{warnings: res.Warnings}
	if n := len(c.warnings); n > maxModuleWarnings {
		// A file of a million duplicate keys says so a bounded number of
		// times.
		c.warnings = append(c.warnings[:maxModuleWarnings:maxModuleWarnings], api.Message{
			Text: fmt.Sprintf("and %d more warnings in this file", n-maxModuleWarnings)})
	}
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		return nil, &transformError{pos: esbuildPos(file, m.Location), msg: m.Text}
	}
	sm, err := decodeSourceMap(res.Map, text, string(res.Code))
	if err != nil {
		return nil, fmt.Errorf("%s: source map: %v", file, err)
	}
	// The wrapper takes a line of its own: generated line n+1 is the
	// transformed code's line n. goja maps every position it reports —
	// error stacks, err.stack, console callers — through the map given
	// inline on the last line (its own source-map support, which reads a
	// data: URL without any loader).
	code := modulePrefix + "\n" + string(res.Code)
	opt := parser.WithDisableSourceMaps
	if alias, ok := gojaSourceName(file); ok {
		code += "\n//# sourceMappingURL=data:application/json;base64," +
			base64.StdEncoding.EncodeToString(sm.gojaMap(path.Base(file)))
		opt = parser.WithSourceMapLoader(func(string) ([]byte, error) {
			return nil, errors.New("only the runtime's own source map is read")
		})
		c.alias = alias
	} else {
		c.sm = sm
	}
	ast, err := goja.Parse(file, code+"\n})", opt)
	if err != nil {
		// Syntax esbuild passes and goja lacks. goja positions parse
		// errors before it applies a source map: map them here.
		te := &transformError{pos: diag.Pos{File: file}, msg: err.Error()}
		if m := parserMsg.FindStringSubmatch(strings.TrimPrefix(err.Error(), "SyntaxError: ")); m != nil {
			line, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			if l, c, ok := sm.original(line, col); ok {
				te.pos.Line, te.pos.Col = l, c
			}
			te.msg = m[4]
		}
		return nil, te
	}
	// An ES module's code is strict (as WeChat's compiled modules are:
	// "use strict" heads them); esbuild's CommonJS output does not say so.
	if c.prog, err = goja.CompileAST(ast, esmStatement.MatchString(text)); err != nil {
		return nil, err
	}
	return c, nil
}

// gojaSourceName is the file name goja reports for positions mapped
// through a source map whose only source is the file's base name (goja
// resolves it as a URL against the file's own name); ok is false for a
// name that URL resolution would not give back plainly (a scheme-like
// colon, a query, a fragment, an escape), which the runtime maps itself.
func gojaSourceName(file string) (string, bool) {
	if strings.ContainsAny(file, ":?#%\\") {
		return "", false
	}
	if _, err := url.Parse(file); err != nil {
		return "", false
	}
	u := gojafile.ResolveSourcemapURL(file, path.Base(file))
	if u == nil {
		return "", false
	}
	return u.String(), true
}

// transformError is a module refused before goja sees it (esbuild's
// syntax error, brackets nested too deep), positioned in the author's file.
type transformError struct {
	pos diag.Pos
	msg string
}

func (e *transformError) Error() string { return fmt.Sprintf("%s: SyntaxError: %s", e.pos, e.msg) }

// MaxNesting bounds how deep brackets ((, [, {, ${) nest in a script. Both
// parsers recurse per level: goja's overflows the Go stack (a crash, not an
// error) near a million levels, esbuild takes minutes at 100,000. Real
// code, minified bundles included, stays far below.
const MaxNesting = 1000

// checkNesting finds the first bracket nested deeper than MaxNesting,
// skipping comments, strings, template text and (by the usual heuristic:
// a slash where an operand is expected) regular expression literals.
func checkNesting(file, src string) error {
	depth := 0
	var tmpl []int // depth at each open template's ${, innermost last
	operand := true
	line, lineStart := 1, 0
	fail := func(i int) error {
		return &transformError{pos: diag.Pos{File: file, Line: line, Col: i - lineStart + 1},
			msg: fmt.Sprintf("brackets nested more than %d deep", MaxNesting)}
	}
	skipTemplate := func(i int) int { // from after ` or }: to after ` or ${
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '\n':
				line, lineStart = line+1, i+1
			case '`':
				return i + 1
			case '$':
				if i+1 < len(src) && src[i+1] == '{' {
					depth++
					tmpl = append(tmpl, depth)
					return i + 2
				}
			}
		}
		return i
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line, lineStart = line+1, i+1
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/') {
				if src[i] == '\n' {
					line, lineStart = line+1, i+1
				}
				i++
			}
			i += 2
			continue
		case c == '\'' || c == '"':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			i++
			operand = false
			continue
		case c == '`':
			if len(tmpl) >= MaxNesting {
				return fail(i)
			}
			i = skipTemplate(i + 1)
			operand = false
			continue
		case c == '/' && operand:
			inClass := false
			for i++; i < len(src) && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '[' {
					inClass = true
				} else if src[i] == ']' {
					inClass = false
				} else if src[i] == '/' && !inClass {
					break
				}
			}
			i++
			operand = false
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
			if depth > MaxNesting {
				return fail(i)
			}
			operand = true
		case c == ')' || c == ']' || c == '}':
			if c == '}' && len(tmpl) > 0 && tmpl[len(tmpl)-1] == depth {
				tmpl = tmpl[:len(tmpl)-1]
				depth--
				i = skipTemplate(i + 1)
				operand = false
				continue
			}
			if depth > 0 {
				depth--
			}
			operand = c == '}'
		case wordByte(c):
			j := i
			for j < len(src) && wordByte(src[j]) {
				j++
			}
			w := src[i:j]
			// After a keyword an operand follows (return /re/); after a
			// name or number, an operator (a / b).
			switch w {
			case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
				operand = true
			default:
				operand = false
			}
			i = j
			continue
		default:
			operand = true // an operator or punctuation: an operand may follow
		}
		i++
	}
	return nil
}

// esbuildPos converts esbuild's location (line 1-based, column 0-based in
// bytes) to a diag.Pos.
func esbuildPos(file string, l *api.Location) diag.Pos {
	if l == nil {
		return diag.Pos{File: file}
	}
	return diag.Pos{File: file, Line: l.Line, Col: l.Column + 1}
}

// gojaMap is the source map handed to goja, built for how goja and
// go-sourcemap read one: they look a position up with goja's 1-based
// column against the map's generated columns and report the map's original
// column as is, so generated columns are written 1-based, original columns
// as 1-based byte columns, and the wrapper line comes first.
func (m *srcMap) gojaMap(source string) []byte {
	var b strings.Builder
	gl, pgc, psrc, pol, poc := 0, 0, 0, 0, 0 // generated line (wrapper = 0), previous fields
	first := true
	emit := func(line, gc, src, ol, oc int) {
		for gl < line {
			b.WriteByte(';')
			gl++
			pgc = 0
			first = true
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		vlqPut(&b, gc-pgc)
		vlqPut(&b, src-psrc)
		vlqPut(&b, ol-pol)
		vlqPut(&b, oc-poc)
		pgc, psrc, pol, poc = gc, src, ol, oc
	}
	// The wrapper line and esbuild's runtime helpers above the author's
	// first statement belong to no author line: they map to helperSource,
	// which framesPos passes over to the frame that called them.
	top := 0
	if len(m.segs) > 0 {
		top = m.segs[0].gl + 1
	}
	for l := 0; l < top; l++ {
		emit(l, 1, 1, 0, 1)
	}
	for _, sg := range m.segs {
		emit(sg.gl+1, sg.gc+1, 0, sg.ol, sg.ob+1)
	}
	out, _ := json.Marshal(map[string]any{
		"version": 3, "sources": []string{source, helperSource}, "names": []string{}, "mappings": b.String(),
	})
	return out
}

// helperSource names esbuild's runtime helpers (and the CommonJS wrapper)
// in positions: an absolute URL, so goja reports it as is.
const helperSource = "esbuild:helpers"

func vlqPut(b *strings.Builder, n int) {
	v := n << 1
	if n < 0 {
		v = (-n << 1) | 1
	}
	for {
		d := v & 31
		v >>= 5
		if v != 0 {
			d |= 32
		}
		b.WriteByte(b64[d])
		if v == 0 {
			return
		}
	}
}

// srcMap maps positions of the transformed code back to the author's.
type srcMap struct {
	segs  []segment // sorted by generated line, then column
	lines []string  // the author's source, by line (for byte columns)
	// u16 maps a line's UTF-16 columns to byte columns (nil: ASCII).
	u16 map[int][]int32
}

// segment is one mapping: 0-based generated line and column, 0-based
// original line and byte column.
type segment struct{ gl, gc, ol, ob int }

// original maps a 1-based generated line and column (goja's, after the
// wrapper line) to the author's 1-based line and byte column: the last
// mapping at or before the position on its line, else the nearest one
// before it; ok is false above the first mapped line (the wrapper and
// esbuild's helpers).
func (m *srcMap) original(line, col int) (int, int, bool) {
	gl, gc := line-2, col-1 // the wrapper line; 0-based
	i := sort.Search(len(m.segs), func(i int) bool {
		s := m.segs[i]
		return s.gl > gl || (s.gl == gl && s.gc > gc)
	})
	if i == 0 || gl < m.segs[0].gl {
		return 0, 0, false // the wrapper or esbuild's helpers
	}
	s := m.segs[i-1]
	return s.ol + 1, s.ob + 1, true
}

// byteCol converts a UTF-16 column of a 0-based source line to bytes:
// the same on an ASCII line; through a table built once per line
// otherwise (a minified line can hold a million mappings).
func (m *srcMap) byteCol(line, u16 int) int {
	if line < 0 || line >= len(m.lines) {
		return u16
	}
	l := m.lines[line]
	t, ok := m.u16[line]
	if !ok {
		ascii := true
		for i := 0; i < len(l); i++ {
			if l[i] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if !ascii {
			t = make([]int32, 0, len(l)+1)
			for i, r := range l {
				t = append(t, int32(i))
				if r >= 0x10000 {
					t = append(t, int32(i)) // the second unit of a surrogate pair
				}
			}
			t = append(t, int32(len(l)))
		}
		if m.u16 == nil {
			m.u16 = map[int][]int32{}
		}
		m.u16[line] = t
	}
	if t == nil {
		return min(u16, len(l))
	}
	if u16 >= len(t) {
		return len(l)
	}
	return int(t[u16])
}

// decodeSourceMap reads the mappings of a version 3 source map of gen
// (the transformed code) to src, in byte columns. esbuild maps tokens
// sparsely (console.log( has a mapping at console and at log, none at the
// parenthesis where goja positions a call), so where the generated text
// after a mapping is the author's text verbatim, a mapping is added at each
// token boundary of that run: a call reads at its parenthesis, as in an
// untransformed file.
func decodeSourceMap(data []byte, src, gen string) (*srcMap, error) {
	var raw struct {
		Mappings string `json:"mappings"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	m := &srcMap{lines: strings.Split(src, "\n")}
	genLines := strings.Split(gen, "\n")
	var ol, oc int
	raws := make([]segment, 0, strings.Count(raw.Mappings, ",")+strings.Count(raw.Mappings, ";")+1) // original columns in UTF-16 units
	m.segs = make([]segment, 0, 2*cap(raws))
	gl, gc := 0, 0
	mp := raw.Mappings
	for i := 0; i < len(mp); {
		switch mp[i] {
		case ';':
			gl, gc = gl+1, 0
			i++
			continue
		case ',':
			i++
			continue
		}
		var f [5]int
		n, next, err := vlqFields(mp, i, &f)
		if err != nil {
			return nil, err
		}
		i = next
		gc += f[0]
		if n < 4 {
			continue // a generated column with no original
		}
		ol += f[2]
		oc += f[3]
		raws = append(raws, segment{gl: gl, gc: gc, ol: ol, ob: oc})
	}
	for i, sg := range raws {
		sg.ob = m.byteCol(sg.ol, sg.ob)
		m.segs = append(m.segs, sg)
		if sg.gl >= len(genLines) || sg.ol >= len(m.lines) {
			continue
		}
		g, o := genLines[sg.gl], m.lines[sg.ol]
		end := len(g)
		if i+1 < len(raws) && raws[i+1].gl == sg.gl {
			end = raws[i+1].gc
		}
		for k := 1; sg.gc+k < end && sg.ob+k < len(o) && sg.gc+k <= len(g); k++ {
			a, b := g[sg.gc+k], o[sg.ob+k]
			if a != b {
				break
			}
			if wordByte(a) && wordByte(g[sg.gc+k-1]) || a == ' ' || a == '\t' {
				continue
			}
			m.segs = append(m.segs, segment{gl: sg.gl, gc: sg.gc + k, ol: sg.ol, ob: sg.ob + k})
		}
	}
	return m, nil
}

func wordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// vlqFields decodes the base64 VLQ fields of the segment at mp[i:] (up
// to the next , or ;) into f, returning how many and where it ended.
func vlqFields(mp string, i int, f *[5]int) (n, end int, err error) {
	v, shift := 0, 0
	for ; i < len(mp) && mp[i] != ',' && mp[i] != ';'; i++ {
		d := b64index[mp[i]]
		if d < 0 {
			return 0, i, fmt.Errorf("bad mapping character %q", mp[i])
		}
		v += int(d&31) << shift
		if d&32 != 0 {
			shift += 5
			if shift > 30 {
				return 0, i, fmt.Errorf("mapping value too large")
			}
			continue
		}
		x := v >> 1
		if v&1 != 0 {
			x = -x
		}
		if n < len(f) {
			f[n] = x
		}
		n++
		v, shift = 0, 0
	}
	if shift != 0 {
		return 0, i, fmt.Errorf("truncated mapping")
	}
	return n, i, nil
}

var b64index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b64); i++ {
		t[b64[i]] = int8(i)
	}
	return t
}()
