// Package motion is time: the frame clock every moving thing steps by,
// timing functions (CSS easing and the worklet Easing set), CSS transitions
// and @keyframes animations over computed styles, and the worklet animation
// objects (timing, spring, decay and their combinators).
//
// It may import style (for computed values, timing functions and
// @keyframes rules); it must not import engine, layout or scroll.
package motion
