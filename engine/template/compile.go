package template

import (
	"path"
	"slices"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/engine/wxml"
	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/widgets"
)

// This file compiles a parsed WXML file once into an instruction tree:
// every attribute and text becomes an expr.Template, control attributes
// (wx:for, wx:if chains, let:) become wrapper instructions, and template
// definitions, imports, includes and wxs modules are resolved. Instantiation
// (instantiate.go) then runs the instructions against a data scope as often
// as needed (per loop item, per branch switch) without re-parsing.

type instrKind uint8

const (
	iElem     instrKind = iota // an element node
	iText                      // a text node
	iBlock                     // <block> without control attributes: children spliced
	iInclude                   // <include src>: the file's body spliced
	iLoop                      // wx:for
	iCond                      // wx:if / wx:elif / wx:else chain
	iCall                      // <template is>
	iLet                       // glass-easel let:x
	iSlotVars                  // slot:x on dynamic-slot content (slot.go)
)

type instr struct {
	kind instrKind
	pos  diag.Pos
	file *file // the file the instruction was written in

	// iElem
	tag   string
	spec  widgets.Spec
	comp  *ComponentRef
	attrs []attrInstr

	// iElem / iBlock / iLoop / iLet / branch bodies: content
	children []*instr

	// iText
	text *expr.Template

	// iInclude
	include *file

	loop     *loopInstr
	branches []branch
	call     *callInstr
	lets     []letInstr

	// Custom components and slots (compile_component.go): slotNames[i] is
	// the slot="…" of children[i] of a component host; slot marks a <slot>
	// and slotDyn one that passes data; slotVars are iSlotVars' names.
	slotNames []string
	slot      bool
	slotDyn   bool
	slotVars  []slotVar
}

type loopInstr struct {
	src       *expr.Template
	plain     bool // src is one {{path}}: the loop forwards sub-path changes to items
	itemName  string
	indexName string
	key       string // property name, "*this", or "" (unkeyed)
	keyPos    diag.Pos
}

type branch struct {
	cond *expr.Template // nil for wx:else
	body []*instr
}

type callInstr struct {
	is   *expr.Template
	data *expr.Expr // nil: empty data object
	// spread is set when data is exactly {{...path}}: the template frame then
	// forwards sub-path changes instead of re-running every binding.
	spread bool
}

type letInstr struct {
	name string
	t    *expr.Template
}

type attrKind uint8

const (
	aAttr attrKind = iota
	aID
	aClass
	aStyle
	aHidden
	aClassToggle // class:x
	aStyleProp   // style:x
	aData        // data-x / data:x
	aMark        // mark:x
	aEvent       // bind*/catch*/…
)

type attrInstr struct {
	kind attrKind
	name string
	// t is nil for a bare attribute (value true).
	t   *expr.Template
	ev  gesture.Binding
	pos diag.Pos
}

// file is one compiled WXML file.
type file struct {
	path      string
	body      []*instr
	templates map[string]*tmplDef
	imports   []*file
	wxs       map[string]any
	compiling bool
}

type tmplDef struct {
	name string
	file *file
	body []*instr
	pos  diag.Pos
}

// lookupTemplate finds a template usable from f: its own definitions, then
// those defined in the files it imports — not theirs (spec §1.5: import is
// not transitive).
func (f *file) lookupTemplate(name string) *tmplDef {
	if t := f.templates[name]; t != nil {
		return t
	}
	for _, imp := range f.imports {
		if t := imp.templates[name]; t != nil {
			return t
		}
	}
	return nil
}

type compiler struct {
	pkg        *pkgfs.Package
	files      map[string]*file
	diags      *diag.List
	components map[string]string
	// loadComp loads a component definition once (component_load.go); nil
	// in tests that compile without a page.
	loadComp func(path string, pos diag.Pos) *compDef
	wxs      *wxsEnv // created by the first <wxs> (wxs_env.go)
}

// compileFile compiles the package file rel, once. from is where it was
// named (for the diagnostic when it cannot be read).
func (c *compiler) compileFile(rel string, from diag.Pos) *file {
	if f, ok := c.files[rel]; ok {
		return f
	}
	src, err := c.pkg.Read(rel)
	if err != nil {
		if pkgfs.Refused(err) {
			c.diags.Warnf(from, "not read %s: %v; it renders nothing", rel, pkgfs.UnwrapPathError(err))
		} else {
			c.diags.Errorf(from, "cannot read %s: %v", rel, pkgfs.UnwrapPathError(err))
		}
		c.files[rel] = nil
		return nil
	}
	return c.compileSource(rel, src)
}

func (c *compiler) compileSource(rel string, src []byte) *file {
	doc, ds := wxml.Parse(rel, src)
	c.diags.Add(ds...)
	f := &file{path: rel, templates: map[string]*tmplDef{}, compiling: true}
	c.files[rel] = f
	f.body = c.nodes(f, doc.Nodes, true)
	f.compiling = false
	return f
}

// nodes compiles sibling nodes, pairing wx:if / wx:elif / wx:else chains.
// top reports the file's top level, where template definitions and imports
// are expected (they are accepted anywhere, as WeChat does).
func (c *compiler) nodes(f *file, ns []*wxml.Node, top bool) []*instr {
	var out []*instr
	var chain *instr // the open wx:if chain, if the previous sibling began one
	for _, n := range ns {
		if n.Type == wxml.TextNode {
			chain = nil
			if in := c.text(f, n); in != nil {
				out = append(out, in)
			}
			continue
		}
		if a, ok := n.Attr("wx:elif"); ok {
			if chain == nil {
				c.diags.Errorf(a.Pos, "wx:elif without a preceding wx:if")
				continue
			}
			t := c.template(a, "wx:elif")
			chain.branches = append(chain.branches, branch{cond: t, body: c.element(f, n)})
			continue
		}
		if a, ok := n.Attr("wx:else"); ok {
			if chain == nil {
				c.diags.Errorf(a.Pos, "wx:else without a preceding wx:if")
				continue
			}
			chain.branches = append(chain.branches, branch{body: c.element(f, n)})
			chain = nil
			continue
		}
		chain = nil
		_, hasFor := n.Attr("wx:for")
		if !hasFor {
			_, hasFor = n.Attr("wx:for-items")
		}
		if a, ok := n.Attr("wx:if"); ok && !hasFor {
			in := &instr{kind: iCond, pos: n.Pos, file: f}
			in.branches = []branch{{cond: c.template(a, "wx:if"), body: c.element(f, n)}}
			out = append(out, in)
			chain = in
			continue
		}
		out = append(out, c.element(f, n)...)
	}
	return out
}

// element compiles one element with its wx:for (outermost, spec §1.3: the
// condition of an element that also loops is evaluated per item), wx:if,
// let: wrappers. wx:if / wx:elif / wx:else themselves are handled by the
// caller (nodes) except under wx:for.
func (c *compiler) element(f *file, n *wxml.Node) []*instr {
	switch n.Tag {
	case "import":
		c.importFile(f, n)
		return nil
	case "wxs":
		c.wxsModule(f, n)
		return nil
	case "template":
		if a, ok := n.Attr("name"); ok {
			c.defineTemplate(f, n, a)
			return nil
		}
	}

	var core []*instr
	if n.Tag == "block" || n.Tag == "include" || n.Tag == "template" {
		// Structural tags carry only control attributes; elem checks the
		// attributes of real elements.
		for _, a := range n.Attrs {
			if strings.HasPrefix(a.Name, "wx:") && !knownWX(a.Name) {
				c.diags.Warnf(a.Pos, "unknown attribute %s", a.Name)
			}
		}
	}
	switch n.Tag {
	case "block":
		core = c.nodes(f, n.Children, false)
	case "include":
		core = c.includeFile(f, n)
	case "template":
		core = c.callTemplate(f, n)
	default:
		core = []*instr{c.elem(f, n)}
	}

	var lets []letInstr
	for _, a := range n.Attrs {
		if name, ok := strings.CutPrefix(a.Name, "let:"); ok {
			lets = append(lets, letInstr{name: name, t: c.template(a, a.Name)})
		}
	}
	if len(lets) > 0 {
		core = []*instr{{kind: iLet, pos: n.Pos, file: f, lets: lets, children: core}}
	}

	forAttr, hasFor := n.Attr("wx:for")
	if !hasFor {
		forAttr, hasFor = n.Attr("wx:for-items")
	}
	if hasFor {
		if a, ok := n.Attr("wx:if"); ok {
			core = []*instr{{kind: iCond, pos: n.Pos, file: f, branches: []branch{{cond: c.template(a, "wx:if"), body: core}}}}
		}
		core = []*instr{{kind: iLoop, pos: n.Pos, file: f, loop: c.loop(n, forAttr), children: core}}
	}
	// slot:x names are outermost: the content's own wx:for may read them.
	return c.wrapSlotVars(f, n, core)
}

func (c *compiler) loop(n *wxml.Node, forAttr wxml.Attr) *loopInstr {
	l := &loopInstr{src: c.template(forAttr, forAttr.Name), itemName: "item", indexName: "index"}
	if s := l.src.Single(); s != nil {
		_, l.plain = plainPath(s.String())
	}
	if a, ok := n.Attr("wx:for-item"); ok && a.Value != "" {
		l.itemName = strings.TrimSpace(a.Value)
	}
	if a, ok := n.Attr("wx:for-index"); ok && a.Value != "" {
		l.indexName = strings.TrimSpace(a.Value)
	}
	if a, ok := n.Attr("wx:key"); ok {
		l.key = strings.TrimSpace(a.Value)
		l.keyPos = a.ValuePos
		if strings.Contains(l.key, "{{") {
			c.diags.Warnf(a.ValuePos, "wx:key must be a property name or *this, not a binding; the list is reconciled by index")
			l.key = ""
		}
	}
	return l
}

// text compiles character data. Decision for spec §1.1 (UNVERIFIED): runs of
// whitespace in the literal text collapse to one space, as white-space:
// normal would (bound values are kept as given; layout applies white-space
// to them), and a text node that is only whitespace is dropped.
func (c *compiler) text(f *file, n *wxml.Node) *instr {
	raw := n.Text
	t, err := expr.ParseTemplate(raw, n.Pos)
	if err != nil {
		c.addErr(err, n.Pos)
		return nil
	}
	if collapsed := collapseSpace(raw); collapsed != raw {
		// Parse the collapsed source for use; the raw parse above gave the
		// diagnostics their true positions.
		if t2, err := expr.ParseTemplate(collapsed, n.Pos); err == nil {
			t = t2
		}
	}
	if t.IsStatic() && strings.TrimLeft(t.Raw(), " ") == "" && !n.InlineSpace {
		return nil
	}
	return &instr{kind: iText, pos: n.Pos, file: f, text: t}
}

// collapseSpace turns every run of XML whitespace outside {{ }} into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	changed := false
	inExpr := false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case !inExpr && strings.HasPrefix(s[i:], "{{"):
			inExpr = true
			b.WriteString("{{")
			i++
			continue
		case inExpr && strings.HasPrefix(s[i:], "}}"):
			inExpr = false
			b.WriteString("}}")
			i++
			continue
		}
		if !inExpr && isSpace(ch) {
			j := i
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if j-i > 1 || ch != ' ' {
				changed = true
			}
			b.WriteByte(' ')
			i = j - 1
			continue
		}
		b.WriteByte(ch)
	}
	if !changed {
		return s
	}
	return b.String()
}

// elem compiles a node that becomes an element of the tree.
func (c *compiler) elem(f *file, n *wxml.Node) *instr {
	in := &instr{kind: iElem, pos: n.Pos, file: f, tag: n.Tag}
	if ref, ok := c.components[n.Tag]; ok {
		in.comp = &ComponentRef{Name: n.Tag, Path: ref}
		in.spec, _ = widgets.Lookup("view")
		if c.loadComp != nil {
			in.comp.def = c.loadComp(ref, n.Pos)
		}
	} else if n.Tag == "slot" {
		c.slotElem(in, n)
	} else if s, ok := widgets.Lookup(n.Tag); ok {
		in.spec = s
		if s.Support == widgets.Unsupported {
			c.diags.Warnf(n.Pos, "<%s> is not supported by Skyline; rendered as a view", n.Tag)
		}
	} else {
		in.spec, _ = widgets.Lookup("view")
		c.diags.Warnf(n.Pos, "unknown component <%s>; rendered as a view", n.Tag)
	}
	for _, a := range n.Attrs {
		c.attr(in, a)
	}
	in.children = c.nodes(f, n.Children, false)
	if in.comp != nil {
		in.slotNames = slotNamesOf(in.children)
	}
	return in
}

// attr sorts one attribute of an element into its role (spec §1.2, §1.6, §1.7).
func (c *compiler) attr(in *instr, a wxml.Attr) {
	name := a.Name
	ai := attrInstr{name: name, pos: a.Pos}
	switch {
	case strings.HasPrefix(name, "wx:"):
		if !knownWX(name) {
			c.diags.Warnf(a.Pos, "unknown attribute %s", name)
		}
		return
	case strings.HasPrefix(name, "let:"), strings.HasPrefix(name, "slot:"), strings.HasPrefix(name, "change:"):
		// let: is compiled by element; slot: belongs to dynamic-slot
		// consumers (issue 5); change: is a WXS observer (ignored, spec §1.2).
		return
	case name == "id":
		ai.kind = aID
	case name == "class":
		ai.kind = aClass
	case name == "style":
		ai.kind = aStyle
	case name == "hidden":
		ai.kind = aHidden
	case strings.HasPrefix(name, "class:"):
		ai.kind, ai.name = aClassToggle, name[len("class:"):]
	case strings.HasPrefix(name, "style:"):
		ai.kind, ai.name = aStyleProp, name[len("style:"):]
	case strings.HasPrefix(name, "data:"):
		ai.kind, ai.name = aData, name[len("data:"):]
	case strings.HasPrefix(name, "data-"):
		ai.kind, ai.name = aData, datasetKey(name[len("data-"):])
	case strings.HasPrefix(name, "mark:"):
		ai.kind, ai.name = aMark, name[len("mark:"):]
	case strings.HasPrefix(name, "model:"):
		// Two-way binding: the engine renders the value one way.
		ai.name = name[len("model:"):]
	default:
		if ev, ok := gesture.ParseEventAttr(name); ok {
			ai.kind, ai.ev = aEvent, ev
		}
	}
	if a.HasValue {
		ai.t = c.template(a, name)
	}
	in.attrs = append(in.attrs, ai)
}

func knownWX(name string) bool {
	switch name {
	case "wx:for", "wx:for-items", "wx:for-item", "wx:for-index", "wx:key", "wx:if", "wx:elif", "wx:else":
		return true
	}
	return false
}

// datasetKey converts a data-* attribute name (spec §1.6): upper case is
// lowered first, then hyphen + letter becomes the upper-case letter.
func datasetKey(s string) string {
	s = strings.ToLower(s)
	if !strings.Contains(s, "-") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z' {
			b.WriteByte(s[i+1] - 'a' + 'A')
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// template compiles an attribute value; a bad expression is an error and
// the value falls back to its literal text.
func (c *compiler) template(a wxml.Attr, what string) *expr.Template {
	pos := a.ValuePos
	if pos.Line == 0 {
		pos = a.Pos
	}
	t, err := expr.ParseTemplate(a.Value, pos)
	if err != nil {
		c.addErr(err, pos)
		t, _ = expr.ParseTemplate("", pos)
	}
	return t
}

func (c *compiler) addErr(err error, pos diag.Pos) {
	if d, ok := err.(diag.Diagnostic); ok {
		c.diags.Add(d)
		return
	}
	c.diags.Errorf(pos, "%v", err)
}

func (c *compiler) defineTemplate(f *file, n *wxml.Node, name wxml.Attr) {
	if old := f.templates[name.Value]; old != nil {
		c.diags.Warnf(name.Pos, "template %q redefined (first defined at %s)", name.Value, old.pos)
	}
	f.templates[name.Value] = &tmplDef{name: name.Value, file: f, pos: n.Pos}
	// Compile after registering so a recursive template can name itself.
	f.templates[name.Value].body = c.nodes(f, n.Children, false)
}

func (c *compiler) callTemplate(f *file, n *wxml.Node) []*instr {
	is, ok := n.Attr("is")
	if !ok {
		c.diags.Errorf(n.Pos, "<template> needs a name (definition) or an is attribute (use)")
		return nil
	}
	call := &callInstr{is: c.template(is, "is")}
	if d, ok := n.Attr("data"); ok {
		body, bodyPos, ok := mustacheBody(d)
		if !ok {
			c.diags.Errorf(d.ValuePos, "template data must be {{ object body }}")
		} else if e, err := expr.ParseObjectBody(body, bodyPos); err != nil {
			c.addErr(err, bodyPos)
		} else {
			call.data = e
			if p, ok := strings.CutPrefix(strings.TrimSpace(body), "..."); ok {
				_, call.spread = plainPath(p)
			}
		}
	}
	return []*instr{{kind: iCall, pos: n.Pos, file: f, call: call}}
}

// mustacheBody returns the inside of a value that is exactly {{ … }}.
func mustacheBody(a wxml.Attr) (string, diag.Pos, bool) {
	v := a.Value
	if !strings.HasPrefix(v, "{{") || !strings.HasSuffix(v, "}}") || len(v) < 4 {
		return "", diag.Pos{}, false
	}
	p := a.ValuePos
	p.Col += 2
	return v[2 : len(v)-2], p, true
}

// srcPath resolves the src of import / include / wxs; extensionless
// references get ext.
func (c *compiler) srcPath(f *file, n *wxml.Node, ext string) (string, diag.Pos, bool) {
	a, ok := n.Attr("src")
	if !ok || a.Value == "" {
		c.diags.Errorf(n.Pos, "<%s> needs a src attribute", n.Tag)
		return "", n.Pos, false
	}
	ref := a.Value
	if path.Ext(ref) == "" {
		ref += ext
	}
	rel, err := c.pkg.Resolve(f.path, ref)
	if err != nil {
		c.diags.Errorf(a.ValuePos, "<%s src=%q>: %v", n.Tag, a.Value, err)
		return "", a.ValuePos, false
	}
	return rel, a.ValuePos, true
}

func (c *compiler) importFile(f *file, n *wxml.Node) {
	rel, pos, ok := c.srcPath(f, n, ".wxml")
	if !ok {
		return
	}
	if imp := c.compileFile(rel, pos); imp != nil {
		f.imports = append(f.imports, imp)
	}
}

// includeFile splices the target's body (spec §1.5: its content without
// template definitions and wxs, which file.body never holds).
func (c *compiler) includeFile(f *file, n *wxml.Node) []*instr {
	rel, pos, ok := c.srcPath(f, n, ".wxml")
	if !ok {
		return nil
	}
	if inc, seen := c.files[rel]; seen && inc != nil && inc.compiling {
		c.diags.Errorf(pos, "include cycle: %s includes itself", rel)
		return nil
	}
	inc := c.compileFile(rel, pos)
	if inc == nil {
		return nil
	}
	return []*instr{{kind: iInclude, pos: n.Pos, file: f, include: inc}}
}

// plainPath recognises a data path expression (a.b[2]['k']) and returns its
// segments; loops and template data over plain paths forward sub-path
// changes instead of re-running everything (see watch.go).
func plainPath(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	var segs []string
	i := 0
	ident := func() bool {
		j := i
		for j < len(s) && (s[j] == '_' || s[j] == '$' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || j > i && s[j] >= '0' && s[j] <= '9') {
			j++
		}
		if j == i {
			return false
		}
		segs = append(segs, s[i:j])
		i = j
		return true
	}
	if !ident() {
		return nil, false
	}
	switch segs[0] {
	case "true", "false", "null", "undefined", "typeof":
		return nil, false
	}
	for i < len(s) {
		switch s[i] {
		case '.':
			i++
			if !ident() {
				return nil, false
			}
		case '[':
			j := i + 1
			if j < len(s) && (s[j] == '\'' || s[j] == '"') {
				q := s[j]
				k := strings.IndexByte(s[j+1:], q)
				if k < 0 || strings.IndexByte(s[j+1:j+1+k], '\\') >= 0 || j+2+k >= len(s) || s[j+2+k] != ']' {
					return nil, false
				}
				segs = append(segs, s[j+1:j+1+k])
				i = j + 3 + k
				continue
			}
			k := j
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k == j || k >= len(s) || s[k] != ']' {
				return nil, false
			}
			segs = append(segs, s[j:k])
			i = k + 1
		default:
			return nil, false
		}
	}
	if segs[len(segs)-1] == "length" {
		return nil, false
	}
	return segs, true
}

// checkCalls warns about static <template is> names that no file defines or
// imports, once compilation knows every file's templates.
func (c *compiler) checkCalls() {
	paths := make([]string, 0, len(c.files))
	for p, f := range c.files {
		if f != nil {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		f := c.files[p]
		check := func(in *instr) {
			if in.kind != iCall || !in.call.is.IsStatic() {
				return
			}
			name := in.call.is.Raw()
			if in.file.lookupTemplate(name) == nil {
				c.diags.Warnf(in.pos, "template %q is not defined or imported in %s", name, path.Base(in.file.path))
			}
		}
		walkInstrs(f.body, check)
		names := make([]string, 0, len(f.templates))
		for n := range f.templates {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			walkInstrs(f.templates[n].body, check)
		}
	}
}

func walkInstrs(ins []*instr, fn func(*instr)) {
	for _, in := range ins {
		fn(in)
		walkInstrs(in.children, fn)
		for _, b := range in.branches {
			walkInstrs(b.body, fn)
		}
	}
}

// isSpace is the XML whitespace set (space, tab, CR, LF, FF).
func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}
