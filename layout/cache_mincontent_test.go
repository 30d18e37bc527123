package layout

import (
	"testing"

	"github.com/skyline-go/skyline/style"
)

// A fixed-width column holding a caption, inside a wrapping row: the row
// first measures the column's min-content size (its automatic minimum size,
// where the caption wraps word by word), then its cross size at its real
// width. The second must not be answered from the first's cache entry
// (cache.go: the produced-size rule does not hold for min-content).
func TestMinContentEntryDoesNotAnswerKnownSize(t *testing.T) {
	env := &style.Env{WindowWidth: 375, WindowHeight: 667}
	cs := func(css string) style.Computed {
		c, ds := style.ComputeInline(css, nil, env)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		return c
	}
	// The caption is 85 px wide on one line, 40 px and three lines at
	// min-content or in less than 85 px.
	caption := func(known MaybeSize, avail AvailableSize) (Size, Maybe) {
		w := float32(85)
		switch {
		case known.Width.Ok:
			w = known.Width.V
		case avail.Width.Kind == MinContent, avail.Width.Kind == Definite && avail.Width.Value < 85:
			w = 40
		}
		if w < 85 {
			return Size{w, 42}, Some(10)
		}
		return Size{w, 14}, Some(10)
	}
	var tr MemTree
	txt := tr.NewLeaf(cs("margin-top:3px"), caption)
	box := tr.NewNode(cs("width:106px;height:56px"))
	cell := tr.NewNode(cs("width:106px;align-items:center"), box, txt)
	row := tr.NewNode(cs("flex-direction:row;flex-wrap:wrap;gap:8px 12px"), cell)
	root := tr.NewNode(cs("width:375px;height:667px"), row)
	tr.Compute(root, MaybeSize{Some(375), Some(667)})
	if got := tr.Layout(cell).Size; got != (Size{106, 73}) {
		t.Errorf("cell size %v, want {106 73} (box 56 + margin 3 + one caption line 14)", got)
	}
}
