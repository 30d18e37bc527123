package scroll

import "testing"

func TestThresholdEventsOncePerEntry(t *testing.T) {
	e := &Events{UpperThreshold: 50, LowerThreshold: 50}
	const content, view = 2000.0, 500.0 // max offset 1500
	count := map[EventKind]int{}
	offsets := []float64{0, 10, 30, 60, 40, 20, 200, 1400, 1460, 1500, 1470, 1420, 1480, 1500}
	want := []map[EventKind]int{
		{}, {}, {}, {}, {EventScrollToUpper: 1}, {}, {}, {}, {EventScrollToLower: 1}, {}, {}, {}, {EventScrollToLower: 1}, {},
	}
	phase := Dragging
	for i, off := range offsets {
		got := map[EventKind]int{}
		for _, ev := range e.Update(off, content, view, 400, phase, 0) {
			if ev.Kind == EventScrollToUpper || ev.Kind == EventScrollToLower {
				got[ev.Kind]++
				count[ev.Kind]++
			}
		}
		for k, n := range want[i] {
			if got[k] != n {
				t.Errorf("offset %v: %v ×%d, want %d", off, k, got[k], n)
			}
		}
		if len(got) != len(want[i]) {
			t.Errorf("offset %v: events %v, want %v", off, got, want[i])
		}
	}
	if count[EventScrollToUpper] != 1 || count[EventScrollToLower] != 2 {
		t.Errorf("totals %v", count)
	}
}

func TestScrollStartEndAndDetail(t *testing.T) {
	e := &Events{}
	e.Update(0, 1000, 100, 50, Idle, 0)
	evs := e.Update(10, 1000, 100, 50, Dragging, 0)
	if len(evs) != 2 || evs[0].Kind != EventScrollStart || !evs[0].IsDrag || evs[1].Kind != EventScroll {
		t.Fatalf("first move: %+v", evs)
	}
	d := evs[1].Detail
	if d.ScrollTop != 10 || d.DeltaY != 10 || d.ScrollHeight != 1000 || d.ScrollWidth != 50 || !d.IsDrag || d.BoundaryVelocity == d.BoundaryVelocity {
		t.Errorf("detail %+v", d)
	}
	if evs := e.Update(15, 1000, 100, 50, Flinging, 0); len(evs) != 1 || evs[0].Detail.IsDrag {
		t.Errorf("fling frame: %+v", evs)
	}
	evs = e.Update(15, 1000, 100, 50, Idle, 0)
	if len(evs) != 1 || evs[0].Kind != EventScrollEnd || !evs[0].IsDrag {
		t.Errorf("end: %+v", evs)
	}
	if evs := e.Update(15, 1000, 100, 50, Idle, 0); len(evs) != 0 {
		t.Errorf("idle frame: %+v", evs)
	}
	h := &Events{Axis: Horizontal}
	h.Update(0, 1000, 100, 50, Idle, 0)
	if d := h.Update(5, 1000, 100, 50, Flinging, 0)[1].Detail; d.ScrollLeft != 5 || d.DeltaX != 5 || d.ScrollWidth != 1000 {
		t.Errorf("horizontal detail %+v", d)
	}
}

func TestRefresher(t *testing.T) {
	r := &Refresher{}
	kinds := func(evs []RefresherEvent) (out []RefresherEventKind, st []RefresherStatus) {
		for _, e := range evs {
			out = append(out, e.Kind)
			if e.Kind == RefresherStatusChange {
				st = append(st, e.Status)
			}
		}
		return
	}
	if k, _ := kinds(r.Pull(20, true)); len(k) != 1 || k[0] != RefresherPulling {
		t.Errorf("pull 20: %v", k)
	}
	if k, st := kinds(r.Pull(50, true)); len(k) != 3 || k[1] != RefresherWillRefresh || st[0] != RefresherCanRefresh {
		t.Errorf("pull 50: %v %v", k, st)
	}
	if _, st := kinds(r.Release()); len(st) != 1 || st[0] != RefresherRefreshing || r.HoldExtent() != 45 {
		t.Errorf("release: %v hold %v", st, r.HoldExtent())
	}
	if _, st := kinds(r.SetTriggered(false, false)); len(st) != 1 || st[0] != RefresherCompleted {
		t.Errorf("done: %v", st)
	}
	if k, st := kinds(r.Pull(0, false)); len(st) != 1 || st[0] != RefresherIdle || k[1] != RefresherRestore {
		t.Errorf("restore: %v %v", k, st)
	}
	r.Pull(30, true)
	if k, _ := kinds(r.Release()); len(k) != 1 || k[0] != RefresherAbort {
		t.Errorf("short pull release: %v", k)
	}
	two := &Refresher{TwoLevel: true}
	two.Pull(160, true)
	if two.Status != RefresherCanTwoLevel {
		t.Errorf("two-level pull: %v", two.Status)
	}
	two.Release()
	two.Pull(150, false)
	if two.Status != RefresherTwoLevelOpen || two.HoldExtent() != 150 {
		t.Errorf("two-level open: %v", two.Status)
	}
	two.CloseTwoLevel()
	two.Pull(0, false)
	if two.Status != RefresherIdle {
		t.Errorf("two-level closed: %v", two.Status)
	}
}
