//go:build !cgo

package main

import (
	"fmt"
	"os"
)

// Without cgo there is no C ABI to build: the command only says so, and
// `go build ./...` still succeeds with CGO_ENABLED=0.
func main() {
	fmt.Fprintln(os.Stderr, "skylinecapi: build it with cgo: go build -buildmode=c-shared -o libskyline.so ./cmd/skylinecapi")
	os.Exit(2)
}
