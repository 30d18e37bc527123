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

// MaxPerKind is how many diagnostics of one kind a List keeps; the rest
// are counted in one summary item ("and N more of this kind: …"). A kind
// is the message with its quoted parts and numbers masked, so a warning
// made once per loop item or per node does not flood the report.
const MaxPerKind = 20

// maxSeen bounds the memory a List spends on recognising repeats.
const maxSeen = 1 << 16

// List collects diagnostics in report order. The zero value is ready to use.
// An item identical to one already kept (same position, severity and
// message) is dropped, and at most MaxPerKind items of one kind are kept.
type List struct {
	Items []Diagnostic

	seen  map[Diagnostic]struct{}
	kinds map[string]*kindCount
}

type kindCount struct {
	kept    int
	more    int
	summary int // index of the summary item in Items, -1 before the first
	first   string
}

// Warnf appends a warning.
func (l *List) Warnf(p Pos, format string, args ...any) {
	l.add(Diagnostic{Pos: p, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Errorf appends an error.
func (l *List) Errorf(p Pos, format string, args ...any) {
	l.add(Diagnostic{Pos: p, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics from another stage.
func (l *List) Add(ds ...Diagnostic) {
	for _, d := range ds {
		l.add(d)
	}
}

// Has reports whether an identical diagnostic was kept.
func (l *List) Has(d Diagnostic) bool {
	_, ok := l.seen[d]
	return ok
}

func (l *List) add(d Diagnostic) {
	if _, dup := l.seen[d]; dup {
		return
	}
	if l.seen == nil {
		l.seen = map[Diagnostic]struct{}{}
		l.kinds = map[string]*kindCount{}
	}
	k := Kind(d.Msg)
	kc := l.kinds[k]
	if kc == nil {
		kc = &kindCount{summary: -1, first: d.Msg}
		l.kinds[k] = kc
	}
	if kc.kept < MaxPerKind {
		kc.kept++
		l.seen[d] = struct{}{}
		l.Items = append(l.Items, d)
		return
	}
	if len(l.seen) < maxSeen {
		l.seen[d] = struct{}{} // a repeat of a suppressed item is not counted twice
	}
	kc.more++
	if kc.summary < 0 {
		kc.summary = len(l.Items)
		l.Items = append(l.Items, Diagnostic{Pos: d.Pos, Severity: d.Severity})
	}
	s := &l.Items[kc.summary]
	if d.Severity > s.Severity {
		s.Severity = d.Severity
	}
	s.Msg = fmt.Sprintf("and %d more of this kind: %s", kc.more, kc.first)
}

// Kind is the message with quoted parts ("…", '…', <…>) and runs of digits
// masked: diagnostics of one kind differ only there.
func Kind(msg string) string {
	var b strings.Builder
	b.Grow(len(msg))
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		switch {
		case c == '"' || c == '\'' || c == '<':
			end := byte(c)
			if c == '<' {
				end = '>'
			}
			j := strings.IndexByte(msg[i+1:], end)
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteString("_")
			i += j + 1
		case c >= '0' && c <= '9':
			for i+1 < len(msg) && (msg[i+1] >= '0' && msg[i+1] <= '9' || msg[i+1] == '.') {
				i++
			}
			b.WriteByte('#')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

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

// LineStarts returns the byte offset of the start of each line of src: a
// line ends at "\n", "\r\n" or a lone "\r" (old Mac files), as editors count
// them.
func LineStarts[S ~string | ~[]byte](src S) []int {
	lines := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			lines = append(lines, i+1)
		}
	}
	return lines
}

// LineCol converts a byte offset into a 1-based line and byte column, with
// lines as LineStarts counts them. lines is LineStarts(src) (nil: computed).
func LineCol[S ~string | ~[]byte](src S, lines []int, off int) (line, col int) {
	if lines == nil {
		lines = LineStarts(src[:min(max(off, 0), len(src))])
	}
	off = min(max(off, 0), len(src))
	lo, hi := 0, len(lines) // first line start > off
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lines[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, off - lines[lo-1] + 1
}

// Advance moves p over text (Col counts bytes): past its last line break,
// if any, to the start of a new line.
func Advance(p Pos, text string) Pos {
	last := -1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			p.Line++
			last = i
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			p.Line++
			last = i
		}
	}
	if last >= 0 {
		p.Col = len(text) - last
		return p
	}
	p.Col += len(text)
	return p
}
