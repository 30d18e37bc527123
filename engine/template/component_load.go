package template

import (
	"errors"
	"io/fs"
	"maps"
	"regexp"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/style"
)

// compDef is one loaded component definition: its compiled template (once,
// whatever the number of instances), stylesheet, style scope and the
// definition the host supplied (or the untyped default).
type compDef struct {
	path  string // package path of the files, without extension
	def   ComponentDef
	typed bool // the host supplied a definition: only declared properties are passed
	file  *file
	scope int32
	style pkgfs.Source
	// sharing is the resolver's view of the isolation options (spec §2.3).
	sharing style.Sharing
	props   map[string]int  // property name → index in def.Properties
	ext     map[string]bool // externalClasses
	pure    *regexp.Regexp
}

// componentJSON is the part of a component's .json the engine reads.
type componentJSON struct {
	UsingComponents map[string]string `json:"usingComponents"`
	StyleIsolation  *string           `json:"styleIsolation"`
}

// loadComponent loads the component at package path ref (from a
// usingComponents entry) once per page. A path naming a directory means its
// index (components/card → components/card/index). pos is the first use, for
// diagnostics. It returns nil when the component's markup cannot be read (an
// error is recorded; the host renders as a view).
func (tr *Tree) loadComponent(ref string, pos diag.Pos) *compDef {
	cs := &tr.comp
	if d, ok := cs.defs[ref]; ok {
		return d
	}
	if cs.defs == nil {
		cs.defs = map[string]*compDef{}
	}
	rel := ref
	if !tr.pkg.Exists(rel+".wxml") && tr.pkg.Exists(rel+"/index.wxml") {
		rel += "/index"
	}
	src, err := tr.pkg.Read(rel + ".wxml")
	if err != nil {
		if pkgfs.Refused(err) {
			tr.diags.Warnf(pos, "component %s: not read %s.wxml: %v; rendered as a view", ref, rel, pkgfs.UnwrapPathError(err))
		} else {
			tr.diags.Errorf(pos, "component %s: cannot read %s.wxml: %v", ref, rel, pkgfs.UnwrapPathError(err))
		}
		cs.defs[ref] = nil
		return nil
	}
	d := &compDef{path: rel, scope: int32(len(cs.list) + 1)}
	cs.defs[ref] = d
	cs.list = append(cs.list, d)

	using := maps.Clone(cs.appUsing)
	var cj componentJSON
	if b, err := tr.pkg.Read(rel + ".json"); pkgfs.Refused(err) {
		tr.diags.Warnf(diag.Pos{File: rel + ".json", Line: 1, Col: 1}, "not read: %v", pkgfs.UnwrapPathError(err))
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		tr.diags.Errorf(diag.Pos{File: rel + ".json"}, "cannot read: %v", pkgfs.UnwrapPathError(err))
	} else if err == nil {
		if err := pkgfs.UnmarshalJSON(b, &cj); err != nil {
			tr.diags.Add(pkgfs.JSONError(rel+".json", b, err))
		}
		for tag, r := range cj.UsingComponents {
			res, err := tr.pkg.Resolve(rel+".json", r)
			if err != nil {
				tr.diags.Errorf(diag.Pos{File: rel + ".json"}, "usingComponents %q: %v", tag, err)
				continue
			}
			if using == nil {
				using = map[string]string{}
			}
			using[tag] = res
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		tr.diags.Errorf(diag.Pos{File: rel + ".json"}, "cannot read: %v", pkgfs.UnwrapPathError(err))
	}
	if cs.loader != nil {
		def, err := cs.loader(ref)
		switch {
		case err != nil:
			tr.diags.Errorf(pos, "component %s: %v", ref, err)
		case def != nil:
			d.def, d.typed = *def, true
		}
	}
	if d.def.Options.StyleIsolation == IsolationDefault && cj.StyleIsolation != nil {
		d.def.Options.StyleIsolation = parseIsolation(*cj.StyleIsolation, rel+".json", tr.diags)
	}
	d.index()
	if b, err := tr.pkg.Read(rel + ".wxss"); err == nil {
		d.style = pkgfs.Source{Path: rel + ".wxss", Src: b}
	} else if pkgfs.Refused(err) {
		tr.diags.Warnf(diag.Pos{File: rel + ".wxss", Line: 1, Col: 1}, "not read: %v", pkgfs.UnwrapPathError(err))
	}
	c := &compiler{pkg: tr.pkg, files: map[string]*file{}, diags: tr.diags, components: using, loadComp: tr.loadComponent}
	d.file = c.compileSource(rel+".wxml", src)
	c.checkCalls()
	return d
}

// index builds the lookup tables of a definition.
func (d *compDef) index() {
	d.props = make(map[string]int, len(d.def.Properties))
	for i, ps := range d.def.Properties {
		d.props[ps.Name] = i
	}
	for _, e := range d.def.ExternalClasses {
		if d.ext == nil {
			d.ext = map[string]bool{}
		}
		d.ext[e] = true
	}
	if pat := d.def.Options.PureDataPattern; pat != "" {
		d.pure, _ = regexp.Compile(pat)
	}
	switch d.def.Options.StyleIsolation {
	case ApplyShared:
		d.sharing = style.ApplyShared
	case Shared:
		d.sharing = style.Shared
	default:
		if d.def.Options.AddGlobalClass {
			d.sharing = style.GlobalClass
		}
	}
}

// parseIsolation reads a .json styleIsolation value. The page-* values
// belong to pages built with Component(); they mean the same here.
func parseIsolation(v, file string, diags *diag.List) StyleIsolation {
	switch strings.TrimPrefix(v, "page-") {
	case "isolated":
		return Isolated
	case "apply-shared":
		return ApplyShared
	case "shared":
		return Shared
	}
	diags.Warnf(diag.Pos{File: file}, "styleIsolation: unknown value %q (want isolated, apply-shared or shared)", v)
	return Isolated
}

// camelName converts a hyphenated attribute name to the property name it
// sets (my-prop → myProp), as glass-easel does.
func camelName(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var b strings.Builder
	up := false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '-':
			up = true
			continue
		case up && ch >= 'a' && ch <= 'z':
			ch -= 'a' - 'A'
		}
		up = false
		b.WriteByte(ch)
	}
	return b.String()
}
