package core

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestPreviewWindow runs the window tests of cmd/preview (preview_test.go,
// build tag display) where a display exists. They cannot run in an ordinary
// test binary of that package: ebiten's init opens the display and panics
// without one, before any test could skip.
func TestPreviewWindow(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no display: set DISPLAY to run the preview tests")
	}
	if testing.Short() {
		t.Skip("-short: the window tests build and run the preview")
	}
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		goBin = "go"
	}
	cmd := exec.Command(goBin, "test", "-tags", "display", "-count=1", "-v", ".")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.CombinedOutput()
	t.Logf("go test -tags display (cmd/preview):\n%s", out)
	if err != nil {
		t.Fatalf("window tests failed: %v", err)
	}
}
