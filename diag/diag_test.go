package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestListDropsRepeatsAndCapsKinds(t *testing.T) {
	var l List
	for i := 0; i < 450; i++ {
		l.Warnf(Pos{File: "a.wxml", Line: 3, Col: 20}, "template %q nested more than %d deep", "a", 64)
	}
	if len(l.Items) != 1 {
		t.Fatalf("identical warnings kept %d times, want 1", len(l.Items))
	}
	for i := 0; i < 450; i++ {
		l.Warnf(Pos{File: "a.wxml", Line: 4 + i, Col: 1}, "unknown property %q", fmt.Sprint("p", i))
	}
	l.Errorf(Pos{File: "a.wxml", Line: 1000, Col: 1}, "unknown property %q", "q")
	if got, want := len(l.Items), 1+MaxPerKind+1; got != want {
		t.Fatalf("kept %d items, want %d", got, want)
	}
	last := l.Items[len(l.Items)-1]
	if !strings.HasPrefix(last.Msg, "and 431 more of this kind: unknown property") || last.Severity != Error || last.Pos.Line != 4+MaxPerKind {
		t.Fatalf("summary = %v", last)
	}
	// A repeat of a suppressed item is not counted again.
	l.Warnf(Pos{File: "a.wxml", Line: 4 + 300, Col: 1}, "unknown property %q", "p300")
	if !strings.HasPrefix(l.Items[len(l.Items)-1].Msg, "and 431 more") {
		t.Fatalf("repeat counted: %v", l.Items[len(l.Items)-1])
	}
	if !l.HasErrors() {
		t.Fatal("the summary of an error must keep the list failing")
	}
}

func TestLineCol(t *testing.T) {
	for _, c := range []struct {
		src       string
		off       int
		line, col int
	}{
		{"a\nb\nc", 4, 3, 1},
		{"a\r\nb\r\nc", 6, 3, 1},
		{"a\rb\rc", 4, 3, 1}, // CR-only line endings are lines
		{"a\rb\rcd", 5, 3, 2},
		{"abc", 2, 1, 3},
		{"a\r\n", 3, 2, 1},
	} {
		l, col := LineCol(c.src, LineStarts(c.src), c.off)
		l2, col2 := LineCol([]byte(c.src), nil, c.off)
		if l != c.line || col != c.col || l2 != l || col2 != col {
			t.Errorf("%q@%d = %d:%d (%d:%d without lines), want %d:%d", c.src, c.off, l, col, l2, col2, c.line, c.col)
		}
		p := Advance(Pos{File: "f", Line: 1, Col: 1}, c.src[:c.off])
		if p.Line != c.line || p.Col != c.col {
			t.Errorf("Advance(%q) = %d:%d, want %d:%d", c.src[:c.off], p.Line, p.Col, c.line, c.col)
		}
	}
}
