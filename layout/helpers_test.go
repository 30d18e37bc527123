package layout

import (
	"testing"

	"github.com/skyline-go/skyline/style"
)

var testEnv = &style.Env{WindowWidth: 375, WindowHeight: 667}

// css computes an inline style on top of Skyline's initial values.
func css(t testing.TB, text string) style.Computed {
	t.Helper()
	c, diags := style.ComputeInline(text, nil, testEnv)
	for _, d := range diags {
		t.Fatalf("style %q: %v", text, d)
	}
	return c
}

type box struct {
	X, Y, W, H float32
}

func layoutBox(tr *MemTree, id NodeID) box {
	l := tr.Layout(id)
	return box{l.Location.X, l.Location.Y, l.Size.Width, l.Size.Height}
}

func near(a, b box) bool {
	return abs32(a.X-b.X) < 0.01 && abs32(a.Y-b.Y) < 0.01 && abs32(a.W-b.W) < 0.01 && abs32(a.H-b.H) < 0.01
}
