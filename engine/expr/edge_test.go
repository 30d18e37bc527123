package expr

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// TestEdgeSemantics pins the less common corners: escapes, UTF-16 string
// semantics, identity of objects and functions.
func TestEdgeSemantics(t *testing.T) {
	f := Func(func([]Value) Value { return nil })
	s := mapScope{
		"emoji": "a😀b",
		"hi":    "\uffff",
		"f":     f,
		"g":     Func(func([]Value) Value { return nil }),
		"o":     map[string]any{"k": 1.0},
		"n":     3, // a Go int from a careless host still computes
	}
	cases := []struct {
		src  string
		want Value
	}{
		{`'a\
b'`, "ab"},
		{`'\uD83D\uDE00'`, "😀"},
		{`'\0' + '\q'`, "\x00q"},
		{`'\'\"\\'`, `'"\`},
		{"emoji.length", 4.0},
		{"emoji[1]", "😀"},
		{"emoji[2]", "\ufffd"},
		{"emoji[3]", "b"},
		{"emoji[4]", Undefined},
		{"emoji > hi", false}, // UTF-16 order: surrogate D83D < FFFF
		{"'😀' < '😁'", true},
		{"f === f", true},
		{"f == g", false},
		{"o == o", true},
		{"o === {k: 1}", false},
		{"n + 1", 4.0},
		{"n == '3'", true},
		{"typeof n", "number"},
		{"0o17 + 0b11", 18.0},
		{"1e400", Undefined}, // parses to +Inf; checked below
	}
	for _, c := range cases {
		e, err := Parse(c.src, diag.Pos{})
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if e.String() != c.src {
			t.Errorf("String() = %q, want %q", e.String(), c.src)
		}
		got := e.Eval(s)
		if c.src == "1e400" {
			if ToString(got) != "Infinity" {
				t.Errorf("1e400 = %v, want Infinity", got)
			}
			continue
		}
		if !sameValue(got, c.want) {
			t.Errorf("Eval(%q) = %#v, want %#v", c.src, got, c.want)
		}
	}
	for _, bad := range []string{`'\x4'`, `'\u12'`, `'\u{110000}'`, `'\01'`, "'a\nb'", "0x", "3in", "1e+"} {
		if _, err := Parse(bad, diag.Pos{}); err == nil {
			t.Errorf("Parse(%q) succeeded, want error", bad)
		}
	}
	if ToNumber("  -12.5e1\n") != -125 || !strings.HasPrefix(ToString(ToNumber("1.2.3")), "NaN") {
		t.Error("string to number conversion")
	}
}
