package gesture

// Path is what propagation sees of an event's path: Len nodes, node 0 the
// target and node Len-1 the root; each node has Count bindings, read with At.
type Path interface {
	Len() int
	Count(node int) int
	At(node, k int) Binding
}

// Step is one binding that fires: Node indexes the path (0 is the target),
// Binding the node's bindings.
type Step struct {
	Node, Binding int
	Phase         Phase
}

// Propagate appends to out, in firing order, the bindings of path that an
// event of type event reaches (spec §1.6):
//
//   - when capture is set, the capture phase runs from the root to the
//     target over capture-bind / capture-catch / capture-mut-bind bindings;
//     a capture-catch stops everything after it, the bubble phase included;
//   - then the bubble phase runs from the target to the root over bind /
//     catch / mut-bind bindings — only at the target when bubbles is false;
//     a catch stops the nodes after it (the rest of its own node's bindings
//     still run, as all handlers of one node do);
//   - mut bindings are mutually exclusive along the path: only the first one
//     reached fires, in either phase; other bindings are unaffected.
//
// A binding with an empty handler still catches (catchtap="" is the usual
// way to stop taps); the caller skips calling it.
func Propagate(path Path, event string, bubbles, capture bool, out []Step) []Step {
	n := path.Len()
	mutDone := false
	// visit runs node i's bindings of phase ph and reports whether a catch
	// stopped propagation.
	visit := func(i int, ph Phase) bool {
		stop := false
		for k, c := 0, path.Count(i); k < c; k++ {
			b := path.At(i, k)
			if b.Phase != ph || b.Event != event {
				continue
			}
			if b.Mut {
				if mutDone {
					continue
				}
				mutDone = true
			}
			out = append(out, Step{Node: i, Binding: k, Phase: ph})
			if b.Catch {
				stop = true
			}
		}
		return stop
	}
	if capture {
		for i := n - 1; i >= 0; i-- {
			if visit(i, Capture) {
				return out
			}
		}
	}
	last := n - 1
	if !bubbles {
		last = min(0, n-1)
	}
	for i := 0; i <= last; i++ {
		if visit(i, Bubble) {
			break
		}
	}
	return out
}
