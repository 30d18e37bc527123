package style

import "github.com/skyline-go/skyline/diag"

// Origin orders sheets in the cascade (spec §2.2): app.wxss, then the
// page's wxss, then a component's wxss. Between rules, specificity decides
// first and origin breaks its ties (the sheets behave as author sheets in
// that sequence); inline style="" declarations come above every sheet.
// !important declarations beat normal ones, in the same order among
// themselves, as author sheets and style attributes do in CSS.
type Origin uint8

const (
	OriginApp Origin = iota
	OriginPage
	OriginComponent
	// OriginInline is never a sheet's origin: it is the rank of the inline
	// declarations handed to Resolver.Compute.
	OriginInline
)

// Sheet is one parsed stylesheet, with its @import-ed files inlined where
// they were imported (spec §2.2).
type Sheet struct {
	File string // the file the sheet was parsed from, as given to ParseSheet
	// Origin and Scope are set by the caller before NewResolver: which
	// cascade origin the sheet belongs to and the style scope (sheet owner,
	// see Element.StyleScope) whose elements its rules match. The zero
	// values are the app origin and the page scope.
	Origin Origin
	Scope  int

	Rules     []Rule      // style rules in source order, one per selector of a group
	FontFaces []FontFace  // for the text stage
	Keyframes []Keyframes // for the animation stage
	Imports   []string    // files inlined by @import, in the order read
}

// Rule is one complex selector with its declarations. The members of a
// selector group share one Decls slice.
type Rule struct {
	Selector *Selector
	Decls    []Declared
	Pos      diag.Pos // of the selector
	Media    Media    // the @media condition around the rule
	Order    int      // source order within the sheet (imports inlined)
}

// FontFace is one @font-face rule with a TrueType source (spec §2.2).
type FontFace struct {
	Family string
	URL    string // resolved like @import paths: relative to the sheet's file, or "/..." package-absolute
	Weight string // the font-weight descriptor as written ("" when absent)
	Style  string // the font-style descriptor as written
	Pos    diag.Pos
}

// Keyframes is one @keyframes rule (spec §2.2, §2.7).
type Keyframes struct {
	Name   string
	Frames []Keyframe
	Pos    diag.Pos
}

// Keyframe is one keyframe block: its offsets (0..1; `from` is 0, `to` is 1)
// and its declarations.
type Keyframe struct {
	Offsets []float32
	Decls   []Declared
}

// ParseSheet parses a WXSS file. Errors in a declaration, rule or at-rule
// skip only that construct, with a positioned warning; the rest applies.
//
// file names the sheet in diagnostics and is the base for relative @import
// and url() paths. load reads an @import-ed file: it gets the path the
// import resolves to (joined with the importing file's directory, or as
// written, cleaned, when it starts with "/" — package-absolute), and returns
// the bytes and the name to use for that file (in diagnostics and for its
// own relative imports). It decides what may be read: the engine refuses
// paths outside the package. A nil load makes every @import an error.
func ParseSheet(file string, src []byte, env *Env, load func(path string) ([]byte, string, error)) (*Sheet, []diag.Diagnostic) {
	sh := &Sheet{File: file}
	st := &sheetState{sheet: sh, env: env, load: load}
	st.parseFile(file, src)
	return sh, st.diags.Items
}

// sheetState is shared by the parsers of a sheet and the files it imports.
type sheetState struct {
	sheet *Sheet
	env   *Env
	load  func(string) ([]byte, string, error)
	diags diag.List
	order int
	chain []string // files being parsed, outermost first (import cycle check)
}

// parseFile tokenizes and parses one file into the sheet at the current
// position.
func (st *sheetState) parseFile(file string, src []byte) {
	st.chain = append(st.chain, file)
	p := &parser{st: st, src: tokenize(file, src, &st.diags)}
	p.ruleList(0, len(p.src.toks), MediaAll, true)
	st.chain = st.chain[:len(st.chain)-1]
}
