//go:build unix

package layout

import "syscall"

// processCPU is the process's user + system CPU time in ns. Benchmarks
// report it per op beside the wall time: on a machine shared with other
// jobs the wall time counts the time the benchmark waited for a core,
// the CPU time only the time it ran.
func processCPU() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
