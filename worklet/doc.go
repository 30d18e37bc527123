// Package worklet is the UI runtime of wx.worklet (README "Worklets"):
// the JavaScript context worklets run in, stepped by the frame clock.
//
// After React Native Reanimated: the runtime has its own goja VM, used only
// from the goroutine that runs frames (the host's, never the logic layer's),
// and a registry of shared values by id that either side writes. A worklet
// arrives as its source text and a closure captured when it was handed
// over (runOnUI, applyAnimatedStyle, derived); the closure's shared values
// stay shared (they arrive as ids and read the registry), everything else
// is a copy. A mapper is an updater (derived, applyAnimatedStyle) re-run
// when a shared value it read during its last run changes. Assigning an
// animation (timing, spring, decay, sequence, repeat, delay) to sv.value
// starts a motion animation on that value, stepped by Frame(now); its
// completion callback runs after the frame's steps with finished.
// runOnJS(fn)(args) queues a call for the logic layer (Calls).
//
// Every worklet call runs under internal/script's CPU-time budget. A
// frame in which only animations step (no mapper to re-run) allocates
// nothing.
//
// It imports motion, diag, internal/script and internal/workletjs; never
// logic or the engine (app connects them).
package worklet
