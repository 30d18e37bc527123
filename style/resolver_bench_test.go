package style

import (
	"fmt"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// feedSheet is ~60 rules of the shape a feed page has: cards, headers,
// avatars, titles, tags, with descendant, child and sibling selectors, a
// dark-mode block and rules for other parts of the app that never match.
func feedSheet(withVars bool) string {
	var b strings.Builder
	titleColor := "#222"
	if withVars {
		b.WriteString("page { --primary: #07c160; --text: #222 }\n")
		titleColor = "var(--text)"
	}
	b.WriteString(`
page { background-color: #f5f5f5; font-size: 14px; color: #333 }
view { box-sizing: border-box }
text { line-height: 1.4 }
image { width: 40px; height: 40px }
.feed { display: flex; flex-direction: column; padding: 8px }
.card { margin-bottom: 12px; padding: 12px; background-color: #fff; border-radius: 8px }
.card:first-child { margin-top: 4px }
.card:last-child { margin-bottom: 0 }
.card.featured { border: 1px solid #07c160 }
.card.featured .title { color: #07c160; font-weight: bold }
.feed > .card { width: 100% }
.card-header { display: flex; flex-direction: row; align-items: center }
.card-header > .avatar { margin-right: 8px }
.avatar { border-radius: 20px; width: 40px; height: 40px }
.card .avatar { flex-shrink: 0 }
.name { font-size: 15px; color: #576b95 }
.card-header .name { flex-grow: 1 }
.title { font-size: 17px; margin-top: 8px; color: ` + titleColor + ` }
.card > .title { display: block }
.card .title + .tags { margin-top: 6px }
.tags { display: flex; flex-direction: row; flex-wrap: wrap }
.tag { padding: 2px 6px; margin-right: 4px; font-size: 12px; border-radius: 4px; background-color: #eee }
.tag + .tag { margin-left: 2px }
.tag:nth-child(odd) { color: #888 }
.tags > .tag:last-child { margin-right: 0 }
.tag.hot { color: #fa5151 }
#hero { height: 200px }
.card:nth-child(10n) .title { text-decoration: underline }
@media (prefers-color-scheme: dark) {
  page { background-color: #111; color: #ddd }
  .card { background-color: #1e1e1e }
  .title { color: #eee }
  .tag { background-color: #333 }
}
.sidebar .title { font-size: 20px }
.modal .card { margin: 0 }
.btn { padding: 8px 16px }
.btn-primary { background-color: #07c160; color: #fff }
.btn-primary:active { opacity: 0.8 }
.nav-bar > .title { font-size: 18px }
.empty-state { padding: 40px }
.empty-state .title { color: #999 }
.footer { height: 60px }
.footer .name { font-size: 12px }
`)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, ".section-%d .item-%d { margin-left: %dpx }\n", i, i, i)
	}
	return b.String()
}

// feedTree builds rows cards of 8 elements each.
func feedTree(rows int) *tnode {
	feed := h("view.feed")
	for i := 0; i < rows; i++ {
		card := "view.card"
		if i%10 == 3 {
			card += ".featured"
		}
		tag2 := "text.tag"
		if i%7 == 0 {
			tag2 += ".hot"
		}
		c := h(card,
			h("view.card-header", h("image.avatar"), h("text.name", "text")),
			h("text.title", "text"),
			h("view.tags", h("text.tag", "text"), h(tag2, "text")),
		)
		c.parent, c.index = feed, len(feed.children)
		feed.children = append(feed.children, c)
	}
	root := h("page", feed)
	return root
}

// flatTree lists the nodes in document order with their parent's index.
func flatTree(root *tnode) (nodes []*tnode, parents []int) {
	var walk func(n *tnode, p int)
	walk = func(n *tnode, p int) {
		me := len(nodes)
		nodes = append(nodes, n)
		parents = append(parents, p)
		for _, c := range n.children {
			walk(c, me)
		}
	}
	walk(root, -1)
	return nodes, parents
}

func newFeedResolver(tb testing.TB, withVars bool) (*Resolver, *Env, int) {
	env := &Env{WindowWidth: 375, WindowHeight: 667}
	src := feedSheet(withVars)
	sh, ds := ParseSheet("feed.wxss", []byte(src), env, nil)
	if len(ds) > 0 {
		tb.Fatal(ds)
	}
	return NewResolver(env, sh), env, len(sh.Rules)
}

func styleAll(r *Resolver, nodes []*tnode, parents []int, out []Computed, diags *diag.List) {
	r.BeginPass()
	defer r.EndPass()
	for i, n := range nodes {
		var parent *Computed
		if p := parents[i]; p >= 0 {
			parent = &out[p]
		}
		r.Compute(n, parent, nil, &out[i], diags)
	}
}

func benchmarkFeed(b *testing.B, withVars bool) {
	r, _, nrules := newFeedResolver(b, withVars)
	nodes, parents := flatTree(feedTree(1000))
	out := make([]Computed, len(nodes))
	styleAll(r, nodes, parents, out, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		styleAll(r, nodes, parents, out, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(nodes)), "ns/node")
	b.ReportMetric(float64(len(nodes)), "nodes")
	b.ReportMetric(float64(nrules), "rules")
}

// BenchmarkFeedStyle styles a 1,000-row feed (~8,000 elements) in document
// order, one Compute per element.
func BenchmarkFeedStyle(b *testing.B) { benchmarkFeed(b, false) }

// BenchmarkFeedStyleVars is the same with a var() in the title colour.
func BenchmarkFeedStyleVars(b *testing.B) { benchmarkFeed(b, true) }

// BenchmarkClassFlip toggles .featured on one card and restyles what
// Invalidation says may change (the card and its subtree).
func BenchmarkClassFlip(b *testing.B) {
	r, _, _ := newFeedResolver(b, false)
	root := feedTree(1000)
	nodes, parents := flatTree(root)
	out := make([]Computed, len(nodes))
	styleAll(r, nodes, parents, out, nil)
	target := 0
	for i, n := range nodes {
		if n.HasClass("card") && n.index == 500 {
			target = i
		}
	}
	card := nodes[target]
	plain, featured := []string{"card"}, []string{"card", "featured"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			card.classes = featured
		} else {
			card.classes = plain
		}
		scope := r.Invalidation("featured")
		r.BeginPass()
		restyle(r, nodes, parents, out, target, scope)
		r.EndPass()
	}
}

// restyle recomputes the element at index e and, per scope, its subtree and
// following siblings' subtrees, as the engine's incremental path does.
func restyle(r *Resolver, nodes []*tnode, parents []int, out []Computed, e int, scope InvalidationScope) int {
	n := 0
	end := subtreeEnd(nodes, e)
	if scope&(InvalidateSelf|InvalidateDescendants) != 0 {
		for i := e; i < end; i++ {
			r.Compute(nodes[i], &out[parents[i]], nil, &out[i], nil)
			n++
		}
	}
	if scope&InvalidateSiblings != 0 {
		p := parents[e]
		for i := end; i < len(nodes) && subtreeContains(nodes[p], nodes[i]); i++ {
			r.Compute(nodes[i], &out[parents[i]], nil, &out[i], nil)
			n++
		}
	}
	return n
}

func subtreeEnd(nodes []*tnode, e int) int {
	i := e + 1
	for i < len(nodes) && subtreeContains(nodes[e], nodes[i]) {
		i++
	}
	return i
}

func subtreeContains(root, n *tnode) bool {
	for ; n != nil; n = n.parent {
		if n == root {
			return true
		}
	}
	return false
}

func TestFeedStyleValues(t *testing.T) {
	r, env, nrules := newFeedResolver(t, false)
	if nrules < 60 {
		t.Fatalf("feed sheet has %d rules, want >= 60", nrules)
	}
	root := feedTree(20)
	nodes, parents := flatTree(root)
	if len(nodes) != 2+20*8 {
		t.Fatalf("%d nodes", len(nodes))
	}
	out := make([]Computed, len(nodes))
	styleAll(r, nodes, parents, out, nil)
	var featuredTitle, plainTitle, hotTag, firstTag *Computed
	for i, n := range nodes {
		switch {
		case n.HasClass("title") && n.parent.HasClass("featured") && featuredTitle == nil:
			featuredTitle = &out[i]
		case n.HasClass("title") && plainTitle == nil:
			plainTitle = &out[i]
		case n.HasClass("hot") && hotTag == nil:
			hotTag = &out[i]
		case n.HasClass("tag") && firstTag == nil:
			firstTag = &out[i]
		}
	}
	if got := describe(featuredTitle, "color"); got != "#07c160ff" {
		t.Errorf("featured title colour %s", got)
	}
	if got := describe(plainTitle, "color"); got != "#222222ff" {
		t.Errorf("title colour %s", got)
	}
	if got := describe(hotTag, "color"); got != "#fa5151ff" {
		t.Errorf("hot tag colour %s", got)
	}
	if got := describe(firstTag, "color"); got != "#888888ff" {
		t.Errorf("odd tag colour %s", got)
	}
	env.Dark = true
	styleAll(r, nodes, parents, out, nil)
	if got := describe(plainTitle, "color"); got != "#eeeeeeff" {
		t.Errorf("dark title colour %s", got)
	}
}

// TestComputeAllocsNothing: Compute reuses the Resolver's scratch buffers,
// so styling a tree again allocates nothing (Gio-style AllocsPerRun check).
func TestComputeAllocsNothing(t *testing.T) {
	r, _, _ := newFeedResolver(t, false)
	nodes, parents := flatTree(feedTree(50))
	out := make([]Computed, len(nodes))
	var diags diag.List
	styleAll(r, nodes, parents, out, &diags)
	allocs := testing.AllocsPerRun(20, func() { styleAll(r, nodes, parents, out, &diags) })
	if allocs != 0 {
		t.Errorf("styling %d nodes allocated %v times per run", len(nodes), allocs)
	}
	var pc Computed
	allocs = testing.AllocsPerRun(20, func() { r.ComputePseudo(nodes[5], PseudoBefore, &out[5], &pc) })
	if allocs != 0 {
		t.Errorf("ComputePseudo allocated %v", allocs)
	}
}
