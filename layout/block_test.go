package layout

import "testing"

// Block layout with margin collapsing (spec §3.3, §8.7). Each case builds
// root(display:block, width 300) > children and checks the boxes listed.
func TestBlockMarginCollapsing(t *testing.T) {
	type child struct {
		style string
		kids  []string
	}
	cases := []struct {
		name string
		kids []child
		want map[int]box // index of root child -> expected box
		root box
	}{
		{"siblings take the larger margin", []child{
			{style: "display:block; height:10px; margin-bottom:20px"},
			{style: "display:block; height:10px; margin-top:30px"},
		}, map[int]box{0: {0, 0, 300, 10}, 1: {0, 40, 300, 10}}, box{0, 0, 300, 50}},
		{"negative margin subtracts", []child{
			{style: "display:block; height:10px; margin-bottom:20px"},
			{style: "display:block; height:10px; margin-top:-5px"},
		}, map[int]box{1: {0, 25, 300, 10}}, box{0, 0, 300, 35}},
		{"parent and first child collapse", []child{
			{style: "display:block; margin-top:10px", kids: []string{"display:block; height:10px; margin-top:30px"}},
		}, map[int]box{0: {0, 30, 300, 10}}, box{0, 0, 300, 40}},
		{"padding separates parent and first child", []child{
			{style: "display:block; margin-top:10px; padding-top:1px", kids: []string{"display:block; height:10px; margin-top:30px"}},
		}, map[int]box{0: {0, 10, 300, 41}}, box{0, 0, 300, 51}},
		{"parent and last child collapse", []child{
			{style: "display:block; margin-bottom:5px", kids: []string{"display:block; height:10px; margin-bottom:40px"}},
			{style: "display:block; height:10px"},
		}, map[int]box{0: {0, 0, 300, 10}, 1: {0, 50, 300, 10}}, box{0, 0, 300, 60}},
		{"empty block collapses through", []child{
			{style: "display:block; height:10px; margin-bottom:10px"},
			{style: "display:block; margin-top:20px; margin-bottom:5px"},
			{style: "display:block; height:10px; margin-top:15px"},
		}, map[int]box{1: {0, 30, 300, 0}, 2: {0, 30, 300, 10}}, box{0, 0, 300, 40}},
		{"flex container keeps its margins", []child{
			{style: "display:block; height:10px; margin-bottom:20px"},
			{style: "display:flex; height:10px; margin-top:30px"},
		}, map[int]box{1: {0, 60, 300, 10}}, box{0, 0, 300, 70}},
		{"absolute box is out of flow", []child{
			{style: "display:block; height:10px; margin-bottom:20px"},
			{style: "display:block; position:absolute; height:10px; width:10px; margin-top:30px"},
			{style: "display:block; height:10px; margin-top:5px"},
		}, map[int]box{1: {0, 60, 10, 10}, 2: {0, 30, 300, 10}}, box{0, 0, 300, 40}},
		{"auto margins centre", []child{
			{style: "display:block; width:100px; height:10px; margin-left:auto; margin-right:auto"},
		}, map[int]box{0: {100, 0, 100, 10}}, box{0, 0, 300, 10}},
		{"content-box adds padding", []child{
			{style: "display:block; box-sizing:content-box; width:100px; height:10px; padding:10px"},
		}, map[int]box{0: {0, 0, 120, 30}}, box{0, 0, 300, 30}},
		{"border-box includes padding", []child{
			{style: "display:block; width:100px; height:30px; padding:10px"},
		}, map[int]box{0: {0, 0, 100, 30}}, box{0, 0, 300, 30}},
		{"root never collapses with its first child", []child{
			{style: "display:block; height:10px; margin-top:25px"},
		}, map[int]box{0: {0, 25, 300, 10}}, box{0, 0, 300, 35}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tr MemTree
			var ids []NodeID
			for _, k := range tc.kids {
				var grand []NodeID
				for _, g := range k.kids {
					grand = append(grand, tr.NewNode(css(t, g)))
				}
				ids = append(ids, tr.NewNode(css(t, k.style), grand...))
			}
			root := tr.NewNode(css(t, "display:block; width:300px"), ids...)
			tr.Compute(root, MaybeSize{})
			if got := layoutBox(&tr, root); !near(got, tc.root) {
				t.Errorf("root = %+v, want %+v", got, tc.root)
			}
			for i, want := range tc.want {
				if got := layoutBox(&tr, ids[i]); !near(got, want) {
					t.Errorf("child %d = %+v, want %+v", i, got, want)
				}
			}
		})
	}
}

// An empty measured leaf (say an empty text box) lets its margins collapse
// through even with overflow: hidden: Skyline has no BFC (spec §3.3).
func TestEmptyLeafOverflowHiddenCollapsesThrough(t *testing.T) {
	var tr MemTree
	a := tr.NewNode(css(t, "display:block; height:10px"))
	leaf := tr.NewLeaf(css(t, "display:block; overflow:hidden; margin-top:20px; margin-bottom:15px"),
		func(MaybeSize, AvailableSize) (Size, Maybe) { return Size{}, None })
	b := tr.NewNode(css(t, "display:block; height:10px"))
	root := tr.NewNode(css(t, "display:block; width:100px"), a, leaf, b)
	tr.Compute(root, MaybeSize{})
	if got, want := layoutBox(&tr, leaf), (box{0, 30, 100, 0}); !near(got, want) {
		t.Errorf("leaf = %+v, want %+v", got, want)
	}
	if got, want := layoutBox(&tr, b), (box{0, 30, 100, 10}); !near(got, want) {
		t.Errorf("next sibling = %+v, want %+v", got, want)
	}
}
