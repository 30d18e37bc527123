package golden

import (
	"testing"

	sky "github.com/skyline-go/skyline/skytest/golden"
)

// The forwarding constants must stay skytest's.
func TestSameTolerance(t *testing.T) {
	if (sky.Tolerance{Channel: ChannelTol, Fraction: BadFraction}) != sky.Default {
		t.Errorf("internal/golden's tolerance %d/%v differs from skytest/golden's %+v", ChannelTol, BadFraction, sky.Default)
	}
}
