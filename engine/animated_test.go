package engine

import (
	"image"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// Animated styles sit above the style attribute and !important rules; a
// paint-only change is applied in place (nothing restyled or laid out),
// any other restyles the node and lays its boundary out again.
func TestAnimatedStyle(t *testing.T) {
	p, err := loadWXML(t, `<view id="a" class="box" style="opacity: 0.2"></view><view id="b"></view>`, "",
		map[string]string{"index.wxss": `.box { width: 50px; height: 50px; background-color: blue !important; transform: rotate(10deg); }`})
	if err != nil {
		t.Fatal(err)
	}
	dst := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.Render(dst)
	a := nodeByID(t, p, "a")
	p.SetAnimatedStyle(a, "transform: translateX(10px); opacity: 0.5; background-color: red")
	p.Update()
	c := a.Style
	if len(c.Transform) != 1 || c.Transform[0].Kind != style.TfTranslate || c.Opacity != 0.5 || c.Background.Color != (style.Color{R: 255, A: 255}) {
		t.Fatalf("first animated style: transform %+v opacity %v bg %+v", c.Transform, c.Opacity, c.Background.Color)
	}
	if len(p.pipe.restyledLast) != 1 {
		t.Errorf("first animated style restyled %d nodes, want 1", len(p.pipe.restyledLast))
	}
	_, _, w0, _, _ := p.BorderBox(a)
	p.SetAnimatedStyle(a, "transform: translateX(20px); opacity: 0.75; background-color: red")
	if p.AnimatedInPlace() != 1 || a.Dirty != 0 {
		t.Fatalf("paint-only change: in place %d, dirty %v", p.AnimatedInPlace(), a.Dirty)
	}
	p.Update()
	if len(p.pipe.restyledLast) != 0 {
		t.Errorf("paint-only change restyled %d nodes", len(p.pipe.restyledLast))
	}
	if got := a.Style.Transform[0].Len[0].Px; got != 20 || a.Style.Opacity != 0.75 {
		t.Errorf("in place: translate %v opacity %v", got, a.Style.Opacity)
	}
	// A restyle for another reason keeps the animated layer.
	p.MarkDirty(a, DirtyAttr)
	p.Update()
	if got := a.Style.Transform[0].Len[0].Px; got != 20 || a.Style.Opacity != 0.75 {
		t.Errorf("after a restyle: translate %v opacity %v", got, a.Style.Opacity)
	}
	// A size change relayouts.
	p.SetAnimatedStyle(a, "width: 80px")
	p.Update()
	if _, _, w, _, _ := p.BorderBox(a); w0 != 50 || w != 80 {
		t.Errorf("width: %v → %v, want 50 → 80", w0, w)
	}
	if len(a.Style.Transform) != 1 || a.Style.Transform[0].Kind != style.TfRotate || a.Style.Opacity != 0.2 {
		t.Errorf("dropped animated properties did not fall back to the sheet and attribute: %+v %v", a.Style.Transform, a.Style.Opacity)
	}
	p.SetAnimatedStyle(a, "")
	p.Update()
	if _, _, w, _, _ := p.BorderBox(a); w != 50 {
		t.Errorf("cleared: width %v, want 50", w)
	}
}
