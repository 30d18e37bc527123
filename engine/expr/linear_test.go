package expr

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
)

// A + chain evaluates left to right with JS semantics: numeric addition
// until the first string, concatenation from there on.
func TestAddChainSemantics(t *testing.T) {
	s := mapScope{"n": 1.0, "m": 2.0, "s": "x", "t": true, "nul": nil, "arr": []any{1.0, 2.0}, "obj": map[string]any{}}
	for _, c := range []struct {
		src  string
		want Value
	}{
		{"n + m", 3.0},
		{"n + m + s", "3x"},
		{"s + n + m", "x12"},
		{"n + s + m + n", "1x21"},
		{"n + m + s + n + m", "3x12"},
		{"t + n", 2.0},
		{"nul + n + m", 3.0},
		{"arr + n", "1,21"},
		{"n + arr + m", "11,22"},
		{"obj + n", "[object Object]1"},
		{"(n + m) + (s + n)", "3x1"},
		{"n + (m + s)", "12x"},
		{"n + m - n + s", "2x"},
	} {
		e, err := Parse(c.src, diag.Pos{})
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := e.Eval(s); got != c.want {
			t.Errorf("%s = %#v, want %#v", c.src, got, c.want)
		}
	}
	e, _ := Parse("u + n", diag.Pos{})
	if got, ok := e.Eval(mapScope{"n": 1.0}).(float64); !ok || got == got {
		t.Errorf("undefined + 1 = %v, want NaN", got)
	}
}

// allocated runs fn and returns the bytes it allocated.
func allocated(fn func()) uint64 {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	fn()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc
}

// Hostile bindings stay linear: parse, dependency collection and evaluation
// of a binding with 100,000 terms allocate a bounded number of bytes per
// term (a quadratic path allocates gigabytes here).
func TestHugeBindingsAreLinear(t *testing.T) {
	for _, c := range hugeBindings() {
		var tm *Template
		var err error
		b := allocated(func() {
			tm, err = ParseTemplate(c.src, diag.Pos{File: "f", Line: 1, Col: 1})
			if err == nil {
				tm.Eval(mapScope{"s": "xy"})
			}
		})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if b > c.perTerm*hugeTerms {
			t.Errorf("%s: %d bytes allocated for %d terms (> %d per term)", c.name, b, hugeTerms, c.perTerm)
		}
	}
}

// The same bindings within a wall-clock bound: some quadratic paths
// (rescanning for positions, deduplicating paths pairwise) allocate nothing
// and took minutes. Generous (2 s each against ~50 ms); skipped with -short.
func TestHugeBindingsWallTime(t *testing.T) {
	if testing.Short() {
		t.Skip("wall-clock test")
	}
	for _, c := range hugeBindings() {
		start := time.Now()
		tm, err := ParseTemplate(c.src, diag.Pos{File: "f", Line: 1, Col: 1})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		tm.Eval(mapScope{"s": "xy"})
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: %v for %d terms", c.name, d, hugeTerms)
		}
	}
}

const hugeTerms = 100_000

type hugeBinding struct {
	name, src string
	perTerm   uint64
}

func hugeBindings() []hugeBinding {
	const n = hugeTerms
	var distinct strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			distinct.WriteString("+")
		}
		distinct.WriteString("a" + strconv.Itoa(i))
	}
	return []hugeBinding{
		{"s+s+…", "{{" + strings.Repeat("s+", n-1) + "s}}", 2000},
		{"a0+a1+… (distinct paths)", "{{" + distinct.String() + "}}", 2000},
		{"many bindings", strings.Repeat("{{s}} ", n), 2000},
		{"many bindings on many lines", strings.Repeat("{{s}}\n", n), 2000},
		{"'x'+s+…", "{{'x'+" + strings.Repeat("s+", n-1) + "s}}", 2000},
	}
}
