package skytest_test

import (
	"fmt"

	"github.com/skyline-go/skyline/skytest"
)

// Tap the demo page's button, see the handler call, answer it with
// setData, and look at the result: in a test, pass t instead of
// skytest.Must and finish with p.MatchGolden("testdata/demo.png").
func Example() {
	p := skytest.Open(skytest.Must, skytest.Options{Page: "../testdata/host-demo", DPR: 1})
	defer p.Close()
	px := p.Pixel(100, 150)
	fmt.Printf("swatch %x\n", px[:3])
	p.TapID("go")
	fmt.Println("handlers:", p.Handlers())
	p.SetData(`{"on": true, "title": "tapped"}`)
	px = p.Pixel(100, 150)
	fmt.Printf("swatch %x, class on: %v\n", px[:3], p.HasClass("swatch", "on"))
	// Output:
	// swatch 2050e0
	// handlers: [onGo]
	// swatch e02020, class on: true
}
