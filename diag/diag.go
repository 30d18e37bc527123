// Package diag holds the positioned errors and warnings that every stage of the
// pipeline reports (file:line:column: message).
//
// It owns only these value types and imports nothing from this module, so any
// package (engine, style, layout, scroll, widgets, gesture, commands) may import it.
package diag

import (
	"fmt"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// bytes, as Go's own tools do. A zero Line means "the whole file".
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Severity separates what stops a page (Error) from what it renders past (Warning).
type Severity uint8

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one positioned message.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String formats as render-cli.md fixes it: "file:line:col: message", with the
// severity named for warnings so a reader can tell them apart.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// Error makes a Diagnostic usable as an error value.
func (d Diagnostic) Error() string { return d.String() }

// List collects diagnostics in report order. The zero value is ready to use.
type List struct {
	Items []Diagnostic
}

// Warnf appends a warning.
func (l *List) Warnf(p Pos, format string, args ...any) {
	l.Items = append(l.Items, Diagnostic{Pos: p, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Errorf appends an error.
func (l *List) Errorf(p Pos, format string, args ...any) {
	l.Items = append(l.Items, Diagnostic{Pos: p, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics from another stage.
func (l *List) Add(ds ...Diagnostic) { l.Items = append(l.Items, ds...) }

// HasErrors reports whether any item is an Error.
func (l *List) HasErrors() bool {
	for _, d := range l.Items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns the list as one error when it holds an Error, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ErrorList(l.Items)
}

// ErrorList is a slice of diagnostics used as a single error.
type ErrorList []Diagnostic

func (e ErrorList) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
