package scroll

// Alignment is scroll-into-view-alignment (spec §4.5).
type Alignment uint8

const (
	AlignStart Alignment = iota
	AlignCenter
	AlignEnd
	// AlignNearest does nothing when the target is fully visible, else the
	// smallest scroll that shows it (start when it is larger than the
	// viewport).
	AlignNearest
)

// IntoView are the scroll-into-view-* options.
type IntoView struct {
	Alignment Alignment
	// Offset is scroll-into-view-offset, added to the resulting scroll
	// offset (our reading of "extra offset": positive scrolls further, so
	// -44 leaves 44 px above a start-aligned target for a pinned bar).
	Offset float64
	// WithinExtent: only targets already built (inside viewport +
	// cache-extent) are revealed (spec §6.7).
	WithinExtent bool
}

// RevealOffset is the alignment math: the scroll offset that places
// [start, start+extent) (scroll coordinates) in a viewport of length view
// currently at offset cur.
func RevealOffset(cur, view, start, extent float64, o IntoView) float64 {
	var t float64
	switch o.Alignment {
	case AlignCenter:
		t = start + extent/2 - view/2
	case AlignEnd:
		t = start + extent - view
	case AlignNearest:
		switch {
		case start >= cur && start+extent <= cur+view:
			return cur // already fully visible: nothing moves
		case start < cur || extent > view:
			t = start
		default:
			t = start + extent - view
		}
	default:
		t = start
	}
	return t + o.Offset
}
