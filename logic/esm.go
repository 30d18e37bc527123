package logic

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

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
// using declarations. Everything else — classes and their fields,
// async/await, ?. and ??, BigInt — goja runs as written.
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
		if gen, sm := captureScript(file, text); sm != nil {
			// Worklets were captured: the inserted text is mapped away.
			return compileMapped(file, text, gen, sm, nil)
		}
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
	return compileMapped(file, text, captureMapped(file, string(res.Code), sm), sm, c)
}

// compileMapped compiles gen, the transformed code of the author's text,
// whose positions sm maps back to text's.
func compileMapped(file, text, gen string, sm *srcMap, c *compiledModule) (*compiledModule, error) {
	if c == nil {
		c = &compiledModule{}
	}
	// The wrapper takes a line of its own: generated line n+1 is the
	// transformed code's line n. goja maps every position it reports —
	// error stacks, err.stack, console callers — through the map given
	// inline on the last line (its own source-map support, which reads a
	// data: URL without any loader).
	code := modulePrefix + "\n" + gen
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

// esbuildPos converts esbuild's location (line 1-based, column 0-based in
// bytes) to a diag.Pos.
func esbuildPos(file string, l *api.Location) diag.Pos {
	if l == nil {
		return diag.Pos{File: file}
	}
	return diag.Pos{File: file, Line: l.Line, Col: l.Column + 1}
}
