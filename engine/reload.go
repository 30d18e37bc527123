package engine

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/pkgfs"
)

// ReloadStyles reads app.wxss and the page's wxss again from the package
// (and, at the next Update, the files they @import) and restyles the whole
// page with them on the next Update, in place: the node tree, its data,
// component instances and scroll positions stay (a developer tool's
// stylesheet reload). Diagnostics of the old stylesheets are dropped; the
// new ones arrive with the next Update. Component stylesheets are read at
// load and not by this: a host reloads the page for those. An unreadable
// file is an error and changes nothing.
func (p *Page) ReloadStyles() error {
	read := func(rel string) (Source, error) {
		b, err := p.Pkg.Read(rel)
		switch {
		case err == nil:
			return Source{Path: rel, Src: b}, nil
		case errors.Is(err, fs.ErrNotExist):
			return Source{}, nil
		}
		return Source{}, diag.Diagnostic{Pos: diag.Pos{File: rel}, Severity: diag.Error, Msg: "cannot read: " + pkgfs.UnwrapPathError(err).Error()}
	}
	app, err := read("app.wxss")
	if err != nil {
		return err
	}
	page, err := read(p.Path + ".wxss")
	if err != nil {
		return err
	}
	p.AppStyle, p.PageStyle = app, page
	var kept diag.List
	for _, d := range p.diags.Items {
		if !strings.HasSuffix(d.Pos.File, ".wxss") {
			kept.Add(d)
		}
	}
	p.diags = kept
	p.pipe = nil // the next Update builds the style stage again and restyles every node
	return nil
}
