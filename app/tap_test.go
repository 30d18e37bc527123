package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/skytest/golden"
)

var pagesDir = filepath.Join("..", "testdata", "pages")

// findBox returns the n-th (0-based) box of the layout dump whose class
// list has class, in document order.
func findBox(t testing.TB, a *App, class string, n int) [4]float32 {
	t.Helper()
	var found [][4]float32
	var walk func(b *engine.DumpBox)
	walk = func(b *engine.DumpBox) {
		for _, c := range strings.Fields(b.Class) {
			if c == class {
				found = append(found, b.Box)
				break
			}
		}
		for _, k := range b.Children {
			walk(k)
		}
	}
	walk(a.Page().LayoutDump().Root)
	if n >= len(found) {
		t.Fatalf("layout dump has %d boxes of class %q, want more than %d", len(found), class, n)
	}
	return found[n]
}

func tapBox(t *testing.T, a *App, box [4]float32) {
	t.Helper()
	if !a.Tap(float64(box[0]+box[2]/2), float64(box[1]+box[3]/2)) {
		t.Fatal("tap refused")
	}
}

// textOf returns the text of the element with id (its text descendants,
// joined).
func textOf(t *testing.T, a *App, id string) string {
	t.Helper()
	var out strings.Builder
	found := false
	a.Page().Root().Walk(func(n *engine.Node) bool {
		if n.Kind == engine.ElementNode && n.ID() == id {
			found = true
			n.Walk(func(m *engine.Node) bool {
				if m.Kind == engine.TextNode {
					out.WriteString(m.Text)
				}
				return true
			})
			return false
		}
		return true
	})
	if !found {
		t.Fatalf("no element #%s", id)
	}
	return out.String()
}

// TestTapRunsHandlerAndRerenders is the must-show: a synthesised
// tap on a button whose handler (through two components' triggerEvent)
// calls setData re-renders the page. The second item's "+" of mp-cart
// raises its count from 2 to 3: the stepper sets its own value and
// triggers change, the cart item re-triggers it with the product id, the
// page's onCountChange sets items[1].count and the totals.
func TestTapRunsHandlerAndRerenders(t *testing.T) {
	a, _ := openTest(t, filepath.Join(pagesDir, "mp-cart"))
	noErrors(t, a)
	before := render(a)
	if got := textOf(t, a, "total"); got != "¥205.40" {
		t.Fatalf("total before = %q, want ¥205.40", got)
	}
	if got := textOf(t, a, "checkout"); got != "结算 (4)" {
		t.Fatalf("checkout before = %q", got)
	}
	checkout := findBox(t, a, "checkout", 0)

	tapBox(t, a, findBox(t, a, "plus", 1)) // 海南金煌芒, ¥59.80

	if got := textOf(t, a, "total"); got != "¥265.20" {
		t.Errorf("total after = %q, want ¥265.20", got)
	}
	if got := textOf(t, a, "checkout"); got != "结算 (5)" {
		t.Errorf("checkout after = %q, want 结算 (5)", got)
	}
	items := a.Page().Data()["items"].([]any)
	if c, _ := expr.Field(items[1], "count"); c != 3.0 {
		t.Errorf("page data items[1].count = %v, want 3", c)
	}
	after := render(a)
	if bytes.Equal(before.Pix, after.Pix) {
		t.Error("the frame did not change after the tap")
	}
	if got := findBox(t, a, "checkout", 0); got != checkout {
		t.Errorf("checkout button moved: %v → %v", checkout, got)
	}
	noErrors(t, a)

	// Taps on "−" bring it back: the same frame as before.
	tapBox(t, a, findBox(t, a, "minus", 1))
	if got := textOf(t, a, "total"); got != "¥205.40" {
		t.Errorf("total after minus = %q, want ¥205.40", got)
	}
	if again := render(a); golden.CountDiff(before, again, 0) != 0 {
		t.Error("after + and − the frame differs from the first")
	}
}
