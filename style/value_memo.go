package style

import "sync/atomic"

// List-valued properties (shadows, transforms, gradients) compute to slices.
// A slice built once at parse time serves when the value has no relative
// unit; otherwise the computed slice is memoised on the declaration for the
// last resolution context, so steady-state computation allocates nothing and
// declarations shared by many elements stay safe for concurrent use.

// memoKey is everything a relative value can depend on.
type memoKey struct {
	fontSize, rem, w, h float32
	color               Color
}

func (x cctx) key() memoKey { return memoKey{x.fontSize, x.rem, x.w, x.h, x.color} }

type memoEnt[T any] struct {
	k memoKey
	v T
}

// memo caches one computed value per declaration.
type memo[T any] struct{ p atomic.Pointer[memoEnt[T]] }

// get returns the value for x, building it with build(s, x) on a miss.
func memoGet[S, T any](m *memo[T], s *S, x cctx, build func(*S, cctx) T) T {
	k := x.key()
	if e := m.p.Load(); e != nil && e.k == k {
		return e.v
	}
	v := build(s, x)
	m.p.Store(&memoEnt[T]{k, v})
	return v
}
