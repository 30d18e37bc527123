package layout

import "testing"

// Regression tests for layout issue 9 (flex sizing), on Skyline's initial
// values (css helper). Expected boxes are Chromium's; the same patterns, and
// their siblings in other directions, are fixtures in
// testdata/fixtures/flexsize__*.json.

type flexCase struct {
	name string
	root string
	kids []string
	want []box // root first, then each child
}

func runFlexCases(t *testing.T, cases []flexCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var tr MemTree
			var ids []NodeID
			for _, k := range c.kids {
				ids = append(ids, tr.NewNode(css(t, k)))
			}
			root := tr.NewNode(css(t, c.root), ids...)
			tr.Compute(root, MaybeSize{Some(375), Some(667)})
			all := append([]NodeID{root}, ids...)
			for i, w := range c.want {
				if got := layoutBox(&tr, all[i]); !near(got, w) {
					t.Errorf("box %d: got %+v, want %+v", i, got, w)
				}
			}
		})
	}
}

// Bug 3: main-axis auto margins absorb the free space left after the gaps,
// and the gaps stay between the items.
func TestGapWithAutoMargins(t *testing.T) {
	item := "width:50px; height:10px"
	runFlexCases(t, []flexCase{
		{"row", "flex-direction:row; gap:10px; width:300px", []string{item, item, item + "; margin-left:auto"},
			[]box{{0, 0, 300, 10}, {0, 0, 50, 10}, {60, 0, 50, 10}, {250, 0, 50, 10}}},
		{"row-reverse", "flex-direction:row-reverse; gap:10px; width:300px", []string{item, item, item + "; margin-left:auto"},
			[]box{{0, 0, 300, 10}, {250, 0, 50, 10}, {190, 0, 50, 10}, {130, 0, 50, 10}}},
		{"column", "flex-direction:column; gap:10px; height:300px; width:50px",
			[]string{"height:50px", "height:50px", "height:50px; margin-top:auto"},
			[]box{{0, 0, 50, 300}, {0, 0, 50, 50}, {0, 60, 50, 50}, {0, 250, 50, 50}}},
	})
}
