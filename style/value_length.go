package style

// slen is a specified length: a linear combination of units kept apart until
// computed-value time, because em needs the element's font-size and rpx / vw /
// vh the window (spec §2.1).
type slen struct {
	kind               LengthKind
	px, pct            float32
	em, rem, rpx       float32
	vw, vh, vmin, vmax float32
}
