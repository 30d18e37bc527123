package engine

import "time"

// FrameStats is what one frame of the pipeline cost: the Updates run since
// the Render before it (a host's hit tests and box queries run Update too;
// they add to the frame they fall in) and that Render's paint. The
// developer tools read it (the preview's frame-time overlay); measuring is
// a few time.Now calls and counters per frame, nothing allocated.
type FrameStats struct {
	// Frame numbers the Renders of the page, from 1; 0 before the first.
	Frame uint64
	// Updates is how many Updates ran in the frame.
	Updates int
	// Style and Layout are the restyle and relayout time of the frame's
	// Updates; Paint is building the display list, Raster executing it
	// into pixels.
	Style, Layout, Paint, Raster time.Duration
	// Restyled counts elements whose computed style was computed again.
	Restyled int
	// Relaid counts box layouts performed (a box laid out twice in one
	// frame, as flex measuring can, counts twice); 0 when layout was
	// clean.
	Relaid int
	// Painted counts the boxes the paint stage visited; Ops and Glyphs
	// are the display list's size.
	Painted, Ops, Glyphs int
	// Boxes is the layout tree's size at the end of the frame.
	Boxes int
}

// frameStats accumulates the frame in progress (cur) and keeps the last
// finished one (last).
type frameStats struct {
	cur, last FrameStats
	frames    uint64
}

// FrameStats returns the last frame Render finished (zero before the first
// Render).
func (p *Page) FrameStats() FrameStats { return p.stats.last }

// BuilderItems counts the live items of every list-builder and grid-builder
// laid out on the page (spec §4.7: the items that exist as nodes now). It
// walks the page's scroll-views, not the node tree.
func (p *Page) BuilderItems() int {
	if p.pipe == nil {
		return 0
	}
	t := &p.pipe.lt
	n := 0
	for _, sv := range t.sc.views {
		if sv == nil {
			continue
		}
		for _, b := range sv.build.builders {
			live, _, _ := b.tb.Stats()
			n += live
		}
	}
	return n
}

// updateStats records one Update's stage times (t0 before restyle, t1
// between restyle and relayout, t2 after relayout).
func (p *Page) updateStats(t0, t1, t2 time.Time) {
	s := &p.stats.cur
	s.Updates++
	s.Style += t1.Sub(t0)
	s.Layout += t2.Sub(t1)
}

// renderStats finishes the frame: paint times, display list size.
func (p *Page) renderStats(t0, t1, t2 time.Time) {
	st := &p.stats
	s := &st.cur
	s.Paint += t1.Sub(t0)
	s.Raster += t2.Sub(t1)
	if p.pipe != nil {
		s.Ops, s.Glyphs = p.pipe.lt.paint.pt.Len()
		s.Boxes = max(len(p.pipe.lt.boxes)-1, 0)
	}
	st.frames++
	s.Frame = st.frames
	st.last = *s
	st.cur = FrameStats{}
}
