// Package skytest is the test kit for users' own mini-programs: open a page
// (its scripts run), script touches, taps, drags, wheel scrolls, setData and
// clock steps, then assert on the layout dump (a box by id, a class) or
// compare the frame with a golden PNG (an update flag, a tolerance, and on
// failure the frame and a diff image written where they outlive the test).
//
//	func TestCart(t *testing.T) {
//		p := skytest.Open(t, skytest.Options{Page: "miniprogram/pages/cart/index"})
//		p.TapID("checkout")
//		p.Wait(300)
//		p.MatchGolden("testdata/cart-after-checkout.png")
//	}
//
// Run `go test -skytest.update` to write the golden PNGs (look at each one
// before committing it). Pages run on a manual clock: time moves only with
// Wait, Drag and the time stamps of input, so frames are the same on every
// run.
//
// The golden comparison itself is package skytest/golden (standard library
// only, so any package's tests may use it; the project's own golden tests
// do).
//
// It imports host and skytest/golden.
package skytest
