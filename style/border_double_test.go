package style

import "testing"

// double is accepted (README decisions): the painter draws it as the web does.
func TestBorderDoubleAccepted(t *testing.T) {
	c, ds := ComputeInline("border: 6px double red", nil, &Env{WindowWidth: 375})
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics: %v", ds)
	}
	for i, b := range c.Border {
		if b.Style != BorderDouble || b.Width != 6 {
			t.Errorf("side %d = %+v, want double 6px", i, b)
		}
	}
}
