package style

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// treeFromBytes builds an element tree from fuzz bytes, one element per
// byte: the low two bits say where it goes (0: child of the current
// element, which it becomes; 1: next sibling of the current element; 2:
// child, current stays; 3: climb one level first), bits 2–4 its classes.
// A run of zeros nests as deep as the input is long.
func treeFromBytes(data []byte) (*tnode, int) {
	root := h("page")
	cur := root
	n := 1
	for _, b := range data {
		c := &tnode{tag: "view"}
		if b&0x80 != 0 {
			c.tag = "text"
		}
		for k, name := range []string{"a", "b", "x"} {
			if b&(4<<k) != 0 {
				c.classes = append(c.classes, name)
			}
		}
		switch b & 3 {
		case 0:
			adopt(cur, c)
			cur = c
		case 1:
			if cur.parent == nil {
				adopt(cur, c)
			} else {
				adopt(cur.parent, c)
			}
			cur = c
		case 2:
			adopt(cur, c)
		case 3:
			if cur.parent != nil {
				cur = cur.parent
			}
			adopt(cur, c)
		}
		n++
	}
	return root, n
}

// hostileSelectors are always in the fuzzed sheet: the shapes.
var hostileSelectors = []string{
	".x .a .a .a .a .b", ".x ~ .a ~ .a ~ .a ~ .a ~ .b", ".x .a ~ .a .a ~ .b",
	".a .a > .a + .a ~ .a .b", ".a:nth-child(2n+1) ~ .b", ".x > .a .a", ".b:not(.a) ~ .x .a",
}

// FuzzMatchDeep styles trees built from the input (deep chains, long
// sibling lists) against the hostile selectors and a few random ones. Each
// input must take under a second and a linear number of matcher steps;
// small trees must match exactly as the definition (naiveMatches) does.
func FuzzMatchDeep(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 4, 4, 4, 4, 8})
	f.Add(append(make([]byte, 2000), 8))                 // 2,000 deep, .b at the bottom
	f.Add([]byte(strings.Repeat("\x05", 3000) + "\x09")) // 3,000 siblings
	f.Add([]byte(strings.Repeat("\x04\x05\x06\x07", 500)))
	env := &Env{WindowWidth: 375, WindowHeight: 667}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 5000 {
			data = data[:5000] // keeps executions (and minimising) quick
		}
		hs := fnv.New64a()
		hs.Write(data)
		rnd := rand.New(rand.NewSource(int64(hs.Sum64())))
		var css strings.Builder
		for i, s := range hostileSelectors {
			fmt.Fprintf(&css, "%s { width: %dpx }\n", s, i)
		}
		for i := 0; i < 4; i++ {
			fmt.Fprintf(&css, "%s { height: %dpx }\n", randomSelector(rnd, 7), i)
		}
		sh, ds := ParseSheet("fuzz.wxss", []byte(css.String()), env, nil)
		if len(ds) > 0 {
			t.Fatal(ds[0])
		}
		r := NewResolver(env, sh)
		root, n := treeFromBytes(data)
		start := time.Now()
		// An input that hangs would stall the fuzzer without a verdict:
		// past 10 s the process dies, and the fuzzer keeps the input.
		watchdog := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("FuzzMatchDeep: %d elements still styling after 10 s", n))
		})
		_, steps := styleOrdered(r, root, false)
		watchdog.Stop()
		if d := time.Since(start); d > time.Second {
			t.Fatalf("%d elements took %v", n, d)
		}
		if limit := 64 * n * len(r.rules); steps > limit {
			t.Fatalf("%d elements took %d matcher steps (bound %d)", n, steps, limit)
		}
		if n <= 20 { // the definition is exponential
			var els []Element
			for _, e := range elements(root) {
				els = append(els, e)
			}
			checkAgainstNaive(t, r, els)
		}
	})
}
