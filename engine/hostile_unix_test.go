//go:build unix

package engine

import "syscall"

func mkfifoAt(path string) error { return syscall.Mkfifo(path, 0o644) }
