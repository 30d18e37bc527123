package motion_test

import (
	"fmt"
	"time"

	"github.com/skyline-go/skyline/motion"
	"github.com/skyline-go/skyline/style"
)

// A node's width transitions after a class change; the host samples it on
// the frame clock until nothing moves.
func ExampleNode() {
	before, _ := style.ComputeInline("width: 100px; transition: width 300ms linear", nil, nil)
	after, _ := style.ComputeInline("width: 400px; transition: width 300ms linear", nil, nil)
	var clock motion.Clock
	var node motion.Node
	node.Restyle(&before, &after, nil, clock.Now())
	for node.Running() {
		clock.Advance(100 * time.Millisecond)
		now := clock.BeginFrame()
		frame := after
		node.Sample(now, &frame)
		for _, e := range node.AppendEvents(nil) {
			fmt.Printf("%s %s %.1fs\n", e.Kind.Type(), e.PropertyName(), e.ElapsedTime)
		}
		fmt.Println(now, frame.Width.Px)
	}
	// Output:
	// transitionstart width 0.0s
	// 100ms 200
	// 200ms 300
	// transitionend width 0.3s
	// 300ms 400
}

// A shared value driven by worklet animations on the clock.
func ExampleAnimatedValue() {
	var clock motion.Clock
	var x motion.AnimatedValue
	x.Animate(motion.Sequence(
		motion.Timing(100, motion.TimingConfig{Duration: 200, Easing: motion.EasingLinear}, nil),
		motion.Delay(100, motion.Timing(0, motion.TimingConfig{Duration: 100, Easing: motion.EasingLinear}, nil)),
	), clock.Now())
	clock.Start(&x)
	for clock.NeedsFrame() {
		clock.Advance(50 * time.Millisecond)
		clock.Frame()
		fmt.Print(x.Value, " ")
	}
	fmt.Println()
	// Output: 25 50 75 100 100 100 50 0
}
