package layout

import (
	"fmt"
	"testing"
	"time"

	"github.com/skyline-go/skyline/style"
)

// fuzzStyles are the boxes FuzzLayoutDeep nests: the hostile chain cases'
// styles, mixed. Wrapping rows and baseline rows are left out: they are
// known to be quadratic in depth (TestHostileKnownQuadratic).
var fuzzStyles = []string{
	"padding: 10px", "padding: 1px; flex-direction: row", "flex-direction: row",
	"padding: 3px; align-items: flex-start", "padding: 3px; flex-direction: row; align-items: flex-start",
	"padding: 3px; min-width: min-content; flex-direction: row", "padding: 3px; width: fit-content",
	"margin: 4px; padding: 5px", "padding: 2%; width: 99%", "display: block; padding: 10px",
	"display: inline-block; padding: 3px", "position: absolute; padding: 3px",
	"padding: 3px; flex-grow: 1; flex-basis: 0", "padding: 3px; aspect-ratio: 1",
	"padding: 3px; overflow: hidden; flex-direction: row", "width: 50px; height: 20px; padding: 4px",
}

// FuzzLayoutDeep lays out trees built from the input, one box per byte:
// the low two bits place it (0: child of the current box, which it
// becomes; 1: sibling of the current box; 2: child, current stays; 3: climb
// one level first), the next four pick its style, the top bit makes it a
// paragraph leaf. A run of zeros nests as deep as the input is long. Each
// input must take under a second and a bounded number of algorithm runs
// per box.
func FuzzLayoutDeep(f *testing.F) {
	f.Add([]byte{0, 4, 8, 12, 16, 0x80})
	f.Add(make([]byte, 3000))
	f.Add([]byte(string(make([]byte, 500)) + "\x0c\x0c\x0c\x0c\x8c"))
	for i := 0; i < len(fuzzStyles); i++ {
		b := make([]byte, 300)
		for k := range b {
			b[k] = byte(i<<2) | byte(k%7/6)
		}
		f.Add(b)
	}
	styles := make([]style.Computed, len(fuzzStyles))
	for i, s := range fuzzStyles {
		styles[i] = css(f, s)
	}
	leafStyle := css(f, "")
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 3000 {
			data = data[:3000]
		}
		tr := &MemTree{}
		root := tr.NewNode(css(t, "width: 375px; height: 667px"))
		parent := map[NodeID]NodeID{}
		cur := root
		for _, b := range data {
			var id NodeID
			if b&0x80 != 0 {
				id = tr.NewLeaf(leafStyle, wordsLeaf)
			} else {
				id = tr.NewNode(styles[b>>2&15])
			}
			p := cur
			switch b & 3 {
			case 1:
				if q, ok := parent[cur]; ok {
					p = q
				}
			case 3:
				if q, ok := parent[cur]; ok {
					p = q
					cur = q
				}
			}
			if tr.nodes[p].measure != nil {
				p = root // leaves take no children
			}
			tr.AddChild(p, id)
			parent[id] = p
			if b&3 == 0 || b&3 == 1 {
				cur = id
			}
		}
		tr.dirty = tr.dirty[:0]
		ct := &countTree{MemTree: tr}
		watchdog := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("FuzzLayoutDeep: %d boxes still in layout after 10 s", tr.Len()))
		})
		start := time.Now()
		ComputeRootLayout(ct, root, viewport)
		watchdog.Stop()
		if d := time.Since(start); d > time.Second {
			t.Fatalf("%d boxes took %v", tr.Len(), d)
		}
		if limit := 64 * tr.Len(); ct.computes > limit {
			t.Fatalf("%d boxes: %d algorithm runs, over %d", tr.Len(), ct.computes, limit)
		}
	})
}
