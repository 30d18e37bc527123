package engine

import (
	"image"
	"testing"
)

// TestFrameStatsCounts checks the stats of known frames: the first frame
// styles every element and lays out every box; a setData that changes one
// row's class restyles just that row, and a frame with nothing dirty costs
// no restyle and no layout.
func TestFrameStatsCounts(t *testing.T) {
	p := loadStyled(t, `<view id="list"><view wx:for="{{rows}}" class="row {{item.on ? 'on' : ''}}">{{item.t}}</view></view>`,
		`.row { height: 20px; } .on { height: 40px; background-color: #f00; }`,
		`{"rows": [{"t": "a"}, {"t": "b"}, {"t": "c"}]}`, nil)
	if s := p.FrameStats(); s.Frame != 0 {
		t.Fatalf("FrameStats before any Render: %+v", s)
	}
	dst := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.Render(dst)
	first := p.FrameStats()
	// page root, #list, three rows.
	if first.Frame != 1 || first.Restyled != 5 {
		t.Errorf("first frame: Frame %d Restyled %d, want 1 and 5", first.Frame, first.Restyled)
	}
	if first.Relaid < 5 || first.Boxes < 5 || first.Painted < 5 || first.Ops == 0 || first.Glyphs == 0 {
		t.Errorf("first frame counts too small: %+v", first)
	}
	if first.Updates != 2 { // loadStyled's Update and Render's
		t.Errorf("first frame Updates = %d, want 2", first.Updates)
	}
	if first.Style <= 0 || first.Layout <= 0 || first.Paint <= 0 || first.Raster <= 0 {
		t.Errorf("first frame has a zero stage time: %+v", first)
	}

	if err := p.SetData(map[string]any{"rows[1].on": true}); err != nil {
		t.Fatal(err)
	}
	p.Render(dst)
	s := p.FrameStats()
	if s.Frame != 2 || s.Restyled != 1 || s.Updates != 1 {
		t.Errorf("after setData on one row: Frame %d Restyled %d Updates %d, want 2, 1, 1", s.Frame, s.Restyled, s.Updates)
	}
	if s.Relaid == 0 || s.Relaid >= first.Relaid+5 {
		t.Errorf("after setData: Relaid %d (first frame %d)", s.Relaid, first.Relaid)
	}

	p.Render(dst)
	s = p.FrameStats()
	if s.Frame != 3 || s.Restyled != 0 || s.Relaid != 0 {
		t.Errorf("clean frame: Frame %d Restyled %d Relaid %d, want 3, 0, 0", s.Frame, s.Restyled, s.Relaid)
	}
	if s.Painted != first.Painted {
		t.Errorf("clean frame painted %d boxes, first %d (the display list is rebuilt every frame)", s.Painted, first.Painted)
	}
}

// TestFrameStatsBuilderItems counts a list-builder's live items.
func TestFrameStatsBuilderItems(t *testing.T) {
	p := loadStyled(t, `<scroll-view type="custom" scroll-y style="height:200px"><list-builder list="{{items}}" child-count="{{items.length}}"><view slot:item style="height:50px">{{item}}</view></list-builder></scroll-view>`,
		``, `{"items": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}`, nil)
	p.Render(image.NewRGBA(image.Rect(0, 0, 750, 1334)))
	n := p.BuilderItems()
	if n < 4 || n >= 20 {
		t.Errorf("BuilderItems = %d, want the items on screen (4 to 8ish), not all 20", n)
	}
}

// TestFrameStatsNoAllocs: measuring adds no allocation to a clean frame.
func TestFrameStatsNoAllocs(t *testing.T) {
	p := loadStyled(t, `<view style="height:10px"/>`, ``, `{}`, nil)
	dst := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.Render(dst)
	if a := testing.AllocsPerRun(5, func() { p.Update(); _ = p.FrameStats() }); a != 0 {
		t.Errorf("clean Update with stats allocates %v times", a)
	}
}
