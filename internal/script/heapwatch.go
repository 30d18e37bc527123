package script

import (
	"runtime/metrics"
	"time"
)

// HeapWatch records the peak size of the Go heap's objects (live ones and
// those not yet collected) while it runs: the hostile-input tests hold each
// case to a memory ceiling with it. Unlike MemStats.HeapSys, which only
// grows over a process's life, the peak is the case's own.
type HeapWatch struct {
	stop chan struct{}
	done chan uint64
}

// WatchHeap starts sampling every millisecond.
func WatchHeap() *HeapWatch {
	w := &HeapWatch{stop: make(chan struct{}), done: make(chan uint64, 1)}
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if s[0].Value.Kind() == metrics.KindUint64 {
				peak = max(peak, s[0].Value.Uint64())
			}
			select {
			case <-w.stop:
				w.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return w
}

// Stop ends the watch and returns the peak in bytes.
func (w *HeapWatch) Stop() uint64 {
	close(w.stop)
	return <-w.done
}
