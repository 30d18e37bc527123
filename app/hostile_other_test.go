//go:build !unix

package app

import "errors"

func syscallMkfifo(string) error { return errors.New("no FIFOs on this system") }
