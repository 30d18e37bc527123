package layout

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// Benchmark trees follow Yoga's and Taffy's benchmarks: every node is a
// flex-grow:1 box; "deep" trees are 10-ary, "wide" trees are a root with n
// leaf children. bench/yoga/ builds the same trees for yoga-layout.

func benchStyles() (root, node style.Computed) {
	env := &style.Env{WindowWidth: 375, WindowHeight: 667}
	node, _ = style.ComputeInline("flex-grow: 1", nil, env)
	root, _ = style.ComputeInline("width: 1000px; height: 1000px", nil, env)
	return
}

// buildDeep builds a 10-ary tree of n nodes (breadth-first) under the root.
func buildDeep(n int) (*MemTree, NodeID) {
	rootStyle, nodeStyle := benchStyles()
	tr := &MemTree{}
	root := tr.NewNode(rootStyle)
	queue := []NodeID{root}
	count := 1
	for len(queue) > 0 && count < n {
		p := queue[0]
		queue = queue[1:]
		for i := 0; i < 10 && count < n; i++ {
			c := tr.NewNode(nodeStyle)
			tr.AddChild(p, c)
			queue = append(queue, c)
			count++
		}
	}
	tr.dirty = tr.dirty[:0]
	return tr, root
}

func buildWide(n int) (*MemTree, NodeID) {
	rootStyle, nodeStyle := benchStyles()
	tr := &MemTree{}
	root := tr.NewNode(rootStyle)
	for i := 1; i < n; i++ {
		tr.AddChild(root, tr.NewNode(nodeStyle))
	}
	tr.dirty = tr.dirty[:0]
	return tr, root
}

func clearAll(tr *MemTree) {
	for i := range tr.nodes {
		tr.nodes[i].cache = Cache{}
	}
}

func benchFull(b *testing.B, tr *MemTree, root NodeID) {
	avail := MaybeSize{}
	tr.Compute(root, avail)
	// Collect the garbage of building the tree now: at 100k nodes its
	// collection (a heap of some 350 MB to mark) otherwise runs during the
	// timed layouts, on one of the machine's two cores.
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		clearAll(tr)
		tr.Compute(root, avail)
	}
	cpu := processCPU() - cpu0
	b.ReportMetric(float64(tr.Len())*float64(b.N)/b.Elapsed().Seconds(), "nodes/s")
	if cpu > 0 {
		// The process's CPU time: the layouts and whatever else the
		// runtime did meanwhile (no garbage is made, and the building's
		// was collected above).
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(cpu)/float64(b.N)/float64(tr.Len()), "cpu-ns/node")
	}
}

func BenchmarkDeep(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			tr, root := buildDeep(n)
			benchFull(b, tr, root)
		})
	}
}

func BenchmarkWide(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			tr, root := buildWide(n)
			benchFull(b, tr, root)
		})
	}
}

// BenchmarkCleanRelayoutDeep10k is a relayout of an unchanged 10k tree:
// the root's cache answers.
func BenchmarkCleanRelayoutDeep10k(b *testing.B) {
	tr, root := buildDeep(10000)
	tr.Compute(root, MaybeSize{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tr.Compute(root, MaybeSize{})
	}
}

// BenchmarkOneLeafRelayoutDeep10k changes one leaf's style and relayouts.
// The deep tree has no relayout boundary below the root (every node is
// flex-grow with auto size), so the dirty path is cleared to the root and
// only that path misses the cache.
func BenchmarkOneLeafRelayoutDeep10k(b *testing.B) {
	tr, root := buildDeep(10000)
	tr.Compute(root, MaybeSize{})
	leaf := NodeID(tr.Len() - 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tr.StyleMut(leaf).FlexGrow = float32(1 + i%2)
		tr.MarkDirty(leaf)
		tr.Relayout()
	}
}
