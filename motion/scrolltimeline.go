package motion

import "time"

// ScrollTimeline is the scroll-driven form of this.animate (WeChat's
// options follow WICG's Scroll-linked Animations): the animation's time is
// how far the scroll offset has come between StartScrollOffset and
// EndScrollOffset, times TimeRange (ms). The host keeps an Animations for
// the scroll-driven animation, Updates it at time 0 and Samples it at
// Time(offset) whenever the scroll-view (scrollSource, along its
// orientation) moves, instead of at the clock's time.
type ScrollTimeline struct {
	StartScrollOffset, EndScrollOffset float64
	TimeRange                          float64
}

// Time is the animation time at scroll offset, clamped to [0, TimeRange].
func (st ScrollTimeline) Time(offset float64) time.Duration {
	var f float64
	switch {
	case offset <= st.StartScrollOffset:
		f = 0
	case offset >= st.EndScrollOffset:
		f = 1
	default:
		f = (offset - st.StartScrollOffset) / (st.EndScrollOffset - st.StartScrollOffset)
	}
	return time.Duration(f * st.TimeRange * float64(time.Millisecond))
}
