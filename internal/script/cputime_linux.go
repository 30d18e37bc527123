package script

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadClock reads the CPU time of one OS thread from any thread: Linux
// names a thread's CPU clock by its id (MAKE_THREAD_CPUCLOCK(tid,
// CPUCLOCK_SCHED) in the kernel's posix-cpu-timers).
type threadClock struct{ id int32 }

// currentThreadClock is the clock of the calling thread; the caller keeps
// its goroutine on that thread (runtime.LockOSThread) while it is read.
func currentThreadClock() threadClock {
	tid := int32(unix.Gettid())
	return threadClock{id: (^tid)<<3 | 6}
}

// now is the thread's CPU time; ok is false when it cannot be read (the
// guard then falls back on wall time).
func (c threadClock) now() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(c.id, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}

// ThreadCPUMeasured reports whether budgets count thread CPU time on this
// platform (otherwise they count wall time).
const ThreadCPUMeasured = true
