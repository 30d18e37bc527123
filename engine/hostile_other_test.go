//go:build !unix

package engine

import "errors"

func mkfifoAt(string) error { return errors.New("no FIFOs on this system") }
