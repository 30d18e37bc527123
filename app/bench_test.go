package app

import (
	"path/filepath"
	"testing"
)

// BenchmarkTapRoundTrip is one tap on mp-cart's "+" (alternating with "−"
// so the page stays the same size) through the whole path: hit test,
// dispatch, the stepper's handler, two triggerEvent hops, the page's
// setData, the patches applied, and the next frame's layout.
func BenchmarkTapRoundTrip(b *testing.B) {
	a, err := Open(filepath.Join(pagesDir, "mp-cart"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	plus, minus := findBox(b, a, "plus", 1), findBox(b, a, "minus", 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		box := plus
		if i%2 == 1 {
			box = minus
		}
		a.Tap(float64(box[0]+box[2]/2), float64(box[1]+box[3]/2))
		a.Page().Update()
	}
}

// BenchmarkOpen is app.Open of mp-cart: app.js, the page and three
// component scripts, the first instantiation, LoadPage's lifetimes and
// their patches.
func BenchmarkOpen(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		a, err := Open(filepath.Join(pagesDir, "mp-cart"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		a.Close()
	}
}
