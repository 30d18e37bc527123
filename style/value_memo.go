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
	sa                  [4]float32
	color               Color
}

// deps says which parts of the context a value reads, so that elements
// differing only in what the value ignores (an rpx shadow under different
// font sizes) share one memo entry.
type deps uint8

const (
	depFont deps = 1 << iota
	depRoot
	depWindow
	depColor
	depSafeArea
)

func (l *slen) deps() deps {
	var d deps
	if l.em != 0 {
		d |= depFont
	}
	if l.rem != 0 {
		d |= depRoot
	}
	if l.rpx != 0 || l.vw != 0 || l.vh != 0 || l.vmin != 0 || l.vmax != 0 {
		d |= depWindow
	}
	if l.sa != [4]float32{} {
		d |= depSafeArea
	}
	if l.nl != nil {
		d |= l.nl.memo.deps
	}
	return d
}

func (c scolor) deps() deps {
	if c.current {
		return depColor
	}
	return 0
}

func (x cctx) key(d deps) memoKey {
	var k memoKey
	if d&depFont != 0 {
		k.fontSize = x.fontSize
	}
	if d&depRoot != 0 {
		k.rem = x.rem
	}
	if d&depWindow != 0 {
		k.w, k.h = x.w, x.h
	}
	if d&depColor != 0 {
		k.color = x.color
	}
	if d&depSafeArea != 0 {
		k.sa = x.sa
	}
	return k
}

type memoEnt[T any] struct {
	k memoKey
	v T
}

// memo caches one computed value per declaration; deps is set at parse time.
type memo[T any] struct {
	p    atomic.Pointer[memoEnt[T]]
	deps deps
}

// get returns the value for x, building it with build(s, x) on a miss.
func memoGet[S, T any](m *memo[T], s *S, x cctx, build func(*S, cctx) T) T {
	k := x.key(m.deps)
	if e := m.p.Load(); e != nil && e.k == k {
		return e.v
	}
	v := build(s, x)
	m.p.Store(&memoEnt[T]{k, v})
	return v
}
