package engine

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
)

// maxDumpIndent is the deepest level the dump indents: deeper elements are
// written at that indentation. The JSON is the same value; only white space
// differs, and a 100,000-deep tree stays a file linear in its size instead
// of 5 GB of leading spaces.
const maxDumpIndent = 64

// MarshalIndent encodes the dump as indented JSON (one space per level, as
// json.MarshalIndent(d, "", " ") writes it), with no nesting limit:
// encoding/json's indenter refuses more than 10,000 levels.
func (d *LayoutDump) MarshalIndent() ([]byte, error) {
	var b bytes.Buffer
	if err := d.WriteJSON(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteJSON writes the dump as MarshalIndent does, streaming, without
// recursion. A box coordinate that is not finite is written as null (JSON
// has no NaN).
func (d *LayoutDump) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := dumpWriter{w: bw}
	e.raw("{\n")
	e.indent(1)
	e.raw(`"viewport": {` + "\n")
	e.indent(2)
	e.raw(`"width": `)
	e.num(d.Viewport.Width)
	e.raw(",\n")
	e.indent(2)
	e.raw(`"height": `)
	e.num(d.Viewport.Height)
	e.raw(",\n")
	e.indent(2)
	e.raw(`"dpr": `)
	e.num(d.Viewport.DPR)
	e.raw("\n")
	e.indent(1)
	e.raw("},\n")
	e.indent(1)
	e.raw(`"root": `)
	if d.Root == nil {
		e.raw("null")
	} else {
		e.tree(d.Root, 1)
	}
	e.raw("\n}")
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

type dumpWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (e *dumpWriter) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

var dumpSpaces = strings.Repeat(" ", maxDumpIndent)

func (e *dumpWriter) indent(level int) {
	e.raw(dumpSpaces[:min(level, maxDumpIndent)])
}

// num writes a float32 exactly as encoding/json does.
func (e *dumpWriter) num(f float32) {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		e.raw("null")
		return
	}
	b := e.buf[:0]
	abs := math.Abs(float64(f))
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, float64(f), format, -1, 32)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	e.buf = b
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *dumpWriter) str(s string) {
	b, err := json.Marshal(s) // encoding/json's escaping, byte for byte
	if err != nil {
		e.err = err
		return
	}
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// tree writes the element at level (its opening brace already placed) and
// its subtree, iteratively.
func (e *dumpWriter) tree(root *DumpBox, level int) {
	type open struct {
		box  *DumpBox
		next int // next child to write
	}
	e.fields(root, level)
	stack := []open{{root, 0}}
	for len(stack) > 0 && e.err == nil {
		top := &stack[len(stack)-1]
		lv := level + 2*(len(stack)-1) // the element's own level
		kids := top.box.Children
		if top.next < len(kids) {
			if top.next > 0 {
				e.raw(",\n")
			}
			e.indent(lv + 2)
			c := kids[top.next]
			top.next++
			e.fields(c, lv+2)
			stack = append(stack, open{c, 0})
			continue
		}
		// Close the children array (when it had any) and the element.
		if len(kids) > 0 {
			e.raw("\n")
			e.indent(lv + 1)
			e.raw("]")
		}
		e.raw("\n")
		e.indent(lv)
		e.raw("}")
		stack = stack[:len(stack)-1]
	}
}

// fields writes "{", the element's fields and the start of its children
// ("[]" when it has none).
func (e *dumpWriter) fields(b *DumpBox, level int) {
	e.raw("{\n")
	e.strField("tag", b.Tag, level+1)
	e.strField("id", b.ID, level+1)
	e.strField("class", b.Class, level+1)
	e.indent(level + 1)
	e.raw(`"box": [` + "\n")
	for i, v := range b.Box {
		e.indent(level + 2)
		e.num(v)
		if i < len(b.Box)-1 {
			e.raw(",")
		}
		e.raw("\n")
	}
	e.indent(level + 1)
	e.raw("],\n")
	e.indent(level + 1)
	if len(b.Children) == 0 {
		e.raw(`"children": []`)
		return
	}
	e.raw(`"children": [` + "\n")
}

// strField writes `"name": "v",` and a line break at the given level.
func (e *dumpWriter) strField(name, v string, level int) {
	e.indent(level)
	e.raw(`"` + name + `": `)
	e.str(v)
	e.raw(",\n")
}
