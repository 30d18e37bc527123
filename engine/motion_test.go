package engine

import (
	"path/filepath"
	"testing"
)

func loadMotionPage(t testing.TB) *Page {
	t.Helper()
	p, err := Load(filepath.Join("..", "testdata", "pages", "motion-transitions"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	return p
}

func nodeByID(t testing.TB, p *Page, id string) *Node {
	t.Helper()
	var found *Node
	p.Root().Walk(func(n *Node) bool {
		if found == nil && n.Kind == ElementNode && n.ID() == id {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no #%s", id)
	}
	return found
}

func TestMotionSmoke(t *testing.T) {
	p := loadMotionPage(t)
	box := nodeByID(t, p, "box")
	l, _ := p.layoutOf(box)
	t.Logf("t0 w=%v op=%v", l.Size.Width, box.Style.Opacity)
	mustSet(t, p, `{"on": true}`)
	p.Update()
	l, _ = p.layoutOf(box)
	t.Logf("set w=%v op=%v", l.Size.Width, box.Style.Opacity)
	for i := 0; i < 3; i++ {
		m := p.Advance(0.2)
		l, _ = p.layoutOf(box)
		t.Logf("adv w=%v op=%v moving=%v calls=%+v", l.Size.Width, box.Style.Opacity, m, p.DrainHandlerCalls())
	}
}
