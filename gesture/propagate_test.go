package gesture

import (
	"fmt"
	"strings"
	"testing"
)

// tpath is a test path: node i's bindings written as attribute names
// ("bindtap", "capture-catch:tap", …), target first.
type tpath [][]Binding

func (p tpath) Len() int            { return len(p) }
func (p tpath) Count(i int) int     { return len(p[i]) }
func (p tpath) At(i, k int) Binding { return p[i][k] }

func mkPath(t *testing.T, nodes ...string) tpath {
	var p tpath
	for _, n := range nodes {
		var bs []Binding
		for _, a := range strings.Fields(n) {
			b, ok := ParseEventAttr(a)
			if !ok {
				t.Fatalf("bad attribute %q", a)
			}
			bs = append(bs, b)
		}
		p = append(p, bs)
	}
	return p
}

func TestPropagate(t *testing.T) {
	cases := []struct {
		name    string
		path    []string // target first
		bubbles bool
		capture bool
		want    string // node.binding in firing order
	}{
		{"bubble order", []string{"bindtap", "bindtap", "bindtap"}, true, true, "0.0 1.0 2.0"},
		{"capture then bubble", []string{"bindtap capture-bind:tap", "bindtap", "capture-bind:tap"}, true, true, "2.0 0.1 0.0 1.0"},
		{"catch stops bubbling", []string{"bindtap", "catchtap", "bindtap"}, true, true, "0.0 1.0"},
		{"catch runs its node's other handlers", []string{"catchtap bind:tap", "bindtap"}, true, true, "0.0 0.1"},
		{"capture-catch stops everything", []string{"bindtap capture-bind:tap", "capture-catch:tap", "capture-bind:tap bindtap"}, true, true, "2.0 1.0"},
		{"mut-bind: first on the path only", []string{"mut-bind:tap", "mut-bind:tap bindtap", "mut-bind:tap"}, true, true, "0.0 1.1"},
		{"capture-mut-bind takes the mut slot", []string{"mut-bind:tap", "capture-mut-bind:tap"}, true, true, "1.0"},
		{"other events ignored", []string{"bindtouchstart bindtap", "catchlongpress"}, true, true, "0.1"},
		{"non-bubbling: target only", []string{"bind:change", "bind:change"}, false, true, "0.0"},
		{"non-bubbling keeps capture", []string{"bind:change", "capture-bind:change"}, false, true, "1.0 0.0"},
		{"no capture phase", []string{"bind:change capture-bind:change", "capture-bind:change"}, true, false, "0.0"},
		{"empty path", nil, true, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := "tap"
			if strings.Contains(strings.Join(c.path, " "), "change") {
				ev = "change"
			}
			steps := Propagate(mkPath(t, c.path...), ev, c.bubbles, c.capture, nil)
			var got []string
			for _, s := range steps {
				got = append(got, fmt.Sprintf("%d.%d", s.Node, s.Binding))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("fired %q, want %q", g, c.want)
			}
		})
	}
}
