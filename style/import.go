package style

import (
	"path"
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// maxImportDepth bounds @import nesting in case a loader keeps returning
// new names for the same file.
const maxImportDepth = 32

// importRule inlines the file named by `@import "x.wxss";` at this point of
// the sheet (spec §2.2). Load failures and cycles are errors at the @import.
func (p *parser) importRule(at token, prelude []token) {
	if len(prelude) == 0 {
		p.warnAt(at.off, "@import without a file; skipped")
		return
	}
	var spec string
	switch t := prelude[0]; t.kind {
	case css.StringToken:
		spec = unquote(t.text)
	case css.URLToken:
		spec = urlArg(t)
	default:
		p.warnAt(t.off, "@import expects a quoted file name; skipped")
		return
	}
	if rest := trimSpace(prelude[1:]); len(rest) > 0 {
		p.warnAt(rest[0].off, "media lists on @import are not supported; import skipped")
		return
	}
	if spec == "" {
		p.warnAt(at.off, "@import of an empty path; skipped")
		return
	}
	st := p.st
	target := resolveRef(p.src.file, spec)
	if st.load == nil {
		p.errorAt(at.off, "cannot @import %q: no file loader", spec)
		return
	}
	if c := st.cycle(target); c != "" {
		p.errorAt(at.off, "@import cycle: %s", c)
		return
	}
	if len(st.chain) >= maxImportDepth {
		p.errorAt(at.off, "@import nested deeper than %d files", maxImportDepth)
		return
	}
	data, name, err := st.load(target)
	if err != nil {
		p.errorAt(at.off, "cannot @import %q: %v", spec, err)
		return
	}
	if name == "" {
		name = target
	}
	if c := st.cycle(name); c != "" {
		p.errorAt(at.off, "@import cycle: %s", c)
		return
	}
	st.sheet.Imports = append(st.sheet.Imports, name)
	st.parseFile(name, data)
}

// cycle returns the import chain "a -> b -> a" when file is already being
// parsed, else "".
func (st *sheetState) cycle(file string) string {
	for i, f := range st.chain {
		if f == file {
			return strings.Join(append(append([]string(nil), st.chain[i:]...), file), " -> ")
		}
	}
	return ""
}

// resolveRef resolves a path written in the sheet `from`: "/x" is
// package-absolute and kept as written (cleaned); URLs with a scheme and
// data: URIs are kept; anything else is relative to from's directory. The
// result may escape the package ("../.."): the loader refuses it.
func resolveRef(from, ref string) string {
	switch {
	case strings.HasPrefix(ref, "/"):
		return path.Clean(ref)
	case strings.Contains(ref, "://") || strings.HasPrefix(strings.ToLower(ref), "data:"):
		return ref
	}
	return path.Join(path.Dir(from), ref)
}
