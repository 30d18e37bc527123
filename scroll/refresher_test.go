package scroll

import "testing"

// refresherpulling reports changes of the pull only: an input or frame at
// the same pull distance (a finger resting, a lift reported late) adds
// none, so the event count does not depend on how often the host polls.
func TestRefresherPullingOnChange(t *testing.T) {
	var r Refresher
	var n int
	for _, dy := range []float64{10, 10, 20, 20, 20, 30, 0, 0, 5} {
		for _, e := range r.Pull(dy, true) {
			if e.Kind == RefresherPulling {
				n++
			}
		}
	}
	if n != 4 { // 10, 20, 30, 5
		t.Errorf("%d pulling events, want 4", n)
	}
}
