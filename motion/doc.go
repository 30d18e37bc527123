// Package motion is time: the frame clock every moving thing steps by,
// timing functions (CSS easing and the worklet Easing set), CSS transitions
// and @keyframes animations over computed styles, and the worklet animation
// objects (timing, spring, decay and their combinators). The rules it
// implements are the README's "Motion rules".
//
// # Model (Flutter's scheduler and animation library, Reanimated's worklets)
//
// One Clock latches one timestamp per frame; everything that moves steps
// to that timestamp, never by reading the wall clock itself, so a manual
// clock makes every test frame-exact. Things that move are Tickers in the
// clock's registry and leave it when they stop, so a page where nothing
// moves asks for no frames (Clock.NeedsFrame).
//
// CSS motion works on computed values: a Value is one animatable
// property's computed value (spec §2.7), read from and written to a
// style.Computed with Get and Set and interpolated by Interpolate the way
// browsers do (lengths as calc(px + %), colours premultiplied, transform
// lists function by function or as decomposed matrices). Transitions
// starts, reverses and cancels transitions at each style change (CSS
// Transitions 1 §3); Animations times @keyframes animations as Web
// Animations does, with keyframes resolved per element by
// ResolveKeyframes. Both write the moving properties into a copy of the
// node's computed style in Sample and collect DOM-style Events.
//
// Worklet animations (wx.worklet.timing, spring, decay, sequence, repeat,
// delay) are Animation objects with Start and Step(now); an AnimatedValue
// is the UI side of a shared value driven by them.
//
// Nothing on the frame path allocates once each animation has sampled
// once: Sample and Step are checked with testing.AllocsPerRun.
//
// # The host's part (engine/motion.go)
//
// Per page: one Clock (the engine's is manual: Page.Advance moves it by
// the host's frame times, real ones in the preview). Per node with
// motion: one Node. At a style change (class, setData, inline style):
//
//	node.Restyle(&oldComputed, &newComputed, keyframesFor(node), clock.Now())
//
// where keyframesFor resolves a name through style.Resolver.Keyframes (which
// applies keyframeStyleIsolation, spec §2.9) and ResolveKeyframes. Per
// frame:
//
//	now := clock.Frame()               // ticks AnimatedValues and other Tickers
//	frame := node's computed style     // a copy
//	node.Sample(now, &frame)           // lay out / paint from frame
//	relayout only if node.AffectsLayout(); else repaint the node's layer
//	deliver node.AppendEvents(nil) as bind:transitionend etc.
//	if node.Running() { clock.RequestFrame() }
//
// It may import style (for computed values, timing functions and
// @keyframes rules); it must not import engine, layout or scroll.
package motion
