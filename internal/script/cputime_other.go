//go:build !linux

package script

import "time"

// threadClock falls back on wall time where a thread's CPU clock cannot be
// read from another thread.
type threadClock struct{}

func currentThreadClock() threadClock { return threadClock{} }

func (threadClock) now() (time.Duration, bool) { return 0, false }

// ThreadCPUMeasured reports whether budgets count thread CPU time on this
// platform (otherwise they count wall time).
const ThreadCPUMeasured = false
