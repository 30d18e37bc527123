package core

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/skyline-go/skyline/diag"
)

// Reload that keeps state: what a save changes decides how much of the
// page is made again.

// ReloadKind is how a set of changed files is applied, least first.
type ReloadKind int

const (
	ReloadNone ReloadKind = iota
	// ReloadStyles: stylesheets (app.wxss, the page's, their @imports) or
	// other files (pictures, fonts): restyled in place; nodes, data,
	// scroll positions and the scripts stay.
	ReloadStyles
	// ReloadMarkup: markup, WXS or a component's stylesheet: the page is
	// instantiated again with its current data; the scripts stay (app.js
	// and onLoad do not run again).
	ReloadMarkup
	// ReloadScripts: a script or a json file: the page is opened again
	// (app.js, the page's script, onLoad); its data starts over.
	ReloadScripts
)

func (k ReloadKind) String() string {
	return [...]string{"nothing", "styles", "markup", "scripts"}[k]
}

// ClassifyChanges decides the reload for files (package-relative, forward
// slashes); componentStyles are the stylesheets of the page's components
// (read at load, so a change needs the markup reload).
func ClassifyChanges(files []string, componentStyles map[string]bool) ReloadKind {
	kind := ReloadNone
	for _, f := range files {
		k := ReloadStyles
		switch ext := path.Ext(f); ext {
		case ".js", ".json", ".ts":
			k = ReloadScripts
		case ".wxml", ".wxs":
			k = ReloadMarkup
		case ".wxss":
			if componentStyles[f] {
				k = ReloadMarkup
			}
		}
		kind = max(kind, k)
	}
	return kind
}

// maxNotes is how many reload notes the console keeps.
const maxNotes = 5

// note records what a reload did, for the console (an info entry) and
// stdout.
func (s *Session) note(file, msg string) string {
	if len(s.notes) == maxNotes {
		s.notes = append(s.notes[:0], s.notes[1:]...)
	}
	s.notes = append(s.notes, RawEntry{Level: LevelInfo, Pos: diag.Pos{File: file}, Msg: msg})
	if file != "" {
		return file + ": " + msg
	}
	return msg
}

// ReloadChanged applies a change of files (Poller.Changes) with the least
// reload that shows it (ClassifyChanges) and returns what it did, one
// line. On failure the last good page stays on screen with the errors.
func (s *Session) ReloadChanged(files []string) string {
	if s.App == nil {
		s.Reload()
		return s.note(firstFile(files), "changed: page loaded again")
	}
	comp := map[string]bool{}
	for _, in := range s.App.Page().Instances() {
		comp[in.Path()+".wxss"] = true
	}
	kind := ClassifyChanges(files, comp)
	what := firstFile(files)
	if len(files) > 1 {
		what += fmt.Sprintf(" (and %d more)", len(files)-1)
	}
	s.kicked = true
	switch kind {
	case ReloadNone:
		return ""
	case ReloadStyles:
		var err error
		s.crash = ""
		if !s.guard("reloading styles", func() { err = s.App.ReloadStyles() }) {
			return s.note(what, "changed: restyling failed (see the panic)")
		}
		if err != nil {
			s.loadErrs = errorList(err)
			return s.note(what, "changed: cannot read the stylesheets; kept the page as it was")
		}
		s.loadErrs = nil
		return s.note(what, "changed: restyled in place (data and scripts kept)")
	case ReloadMarkup:
		var err error
		s.crash = ""
		if !s.guard("reloading markup", func() { err = s.App.ReloadMarkup() }) {
			return s.note(what, "changed: rebuilding the page failed (see the panic)")
		}
		if err != nil {
			s.loadErrs = errorList(err)
			return s.note(what, "changed: the markup has errors; kept the last good page")
		}
		s.Page, s.loadErrs = s.App.Page(), nil
		return s.note(what, "changed: page rebuilt with its current data (scripts kept)")
	}
	if s.Reload() {
		return s.note(what, "changed: reloaded the page's scripts (app.js and onLoad ran again; data started over)")
	}
	if s.scriptErrs {
		return s.note(what, "changed: the scripts have errors; kept the last good page")
	}
	return s.note(what, "changed: the page does not load; kept the last good page")
}

func firstFile(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return files[0]
}

// errorList turns a load error into diagnostics.
func errorList(err error) []diag.Diagnostic {
	var el diag.ErrorList
	if errors.As(err, &el) {
		return append([]diag.Diagnostic(nil), el...)
	}
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return []diag.Diagnostic{d}
	}
	return []diag.Diagnostic{{Severity: diag.Error, Msg: err.Error()}}
}

// scriptErrors are the errors of a freshly opened page's scripts (a syntax
// error, an exception in App or onLoad): diagnostics of .js files.
func scriptErrors(ds []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error && strings.HasSuffix(d.Pos.File, ".js") {
			out = append(out, d)
		}
	}
	return out
}
