package core

import (
	"fmt"
	"math"
	"strings"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/style"
)

// Device is a window preset: a phone's CSS-pixel window, its device pixel
// ratio (render-cli.md's -width/-height/-dpr) and its safe-area insets (what
// env(safe-area-inset-*) reads; portrait).
type Device struct {
	Name          string // flag value
	Label         string // window title
	Width, Height float32
	DPR           float32
	SafeArea      style.SafeArea
}

// Devices are the presets of the 1/2/3 keys, in key order.
var Devices = []Device{
	{Name: "iphone8", Label: "iPhone 6/7/8", Width: 375, Height: 667, DPR: 2},
	{Name: "iphonex", Label: "iPhone X", Width: 375, Height: 812, DPR: 3, SafeArea: style.SafeArea{Top: 44, Bottom: 34}},
	{Name: "android360", Label: "Android 360", Width: 360, Height: 780, DPR: 3},
}

// Limits keep a mistyped flag from asking for a frame buffer of gigabytes.
const (
	maxCSS    = 4096
	maxDPR    = 4
	maxDevice = 8192 // device pixels on either side
)

// DeviceNames lists the preset names for usage and error messages.
func DeviceNames() string {
	names := make([]string, len(Devices))
	for i, d := range Devices {
		names[i] = d.Name
	}
	return strings.Join(names, " | ")
}

// LookupDevice finds a preset by flag name, ignoring case.
func LookupDevice(name string) (Device, bool) {
	for _, d := range Devices {
		if strings.EqualFold(d.Name, name) {
			return d, true
		}
	}
	return Device{}, false
}

// ResolveDevice applies -width/-height/-dpr overrides (0 = keep the preset's)
// to the preset named by -device. An overridden preset is labelled "custom"
// so the title never claims a phone whose window it does not show.
func ResolveDevice(name string, width, height, dpr float64) (Device, error) {
	d, ok := LookupDevice(name)
	if !ok {
		return Device{}, fmt.Errorf("unknown device %q (want %s)", name, DeviceNames())
	}
	custom := false
	set := func(dst *float32, v float64, flag string, max float64) error {
		if v == 0 {
			return nil
		}
		if math.IsNaN(v) || v < 0 || v > max {
			return fmt.Errorf("-%s %v out of range (0, %v]", flag, v, max)
		}
		if float32(v) != *dst {
			custom = true
		}
		*dst = float32(v)
		return nil
	}
	if err := set(&d.Width, width, "width", maxCSS); err != nil {
		return Device{}, err
	}
	if err := set(&d.Height, height, "height", maxCSS); err != nil {
		return Device{}, err
	}
	if err := set(&d.DPR, dpr, "dpr", maxDPR); err != nil {
		return Device{}, err
	}
	if w, h := d.Pixels(); w > maxDevice || h > maxDevice {
		return Device{}, fmt.Errorf("window %v×%v @%vx is %d×%d device pixels, more than %d", d.Width, d.Height, d.DPR, w, h, maxDevice)
	}
	if custom {
		d.Name, d.Label = "custom", "custom"
	}
	return d, nil
}

// Pixels is the frame size in device pixels, Width*DPR × Height*DPR rounded
// up as the engine rounds its render size (a partly covered pixel counts).
func (d Device) Pixels() (w, h int) {
	return int(math.Ceil(float64(d.Width * d.DPR))), int(math.Ceil(float64(d.Height * d.DPR)))
}

// Viewport is the engine window for this device.
func (d Device) Viewport(dark bool) engine.Viewport {
	return engine.Viewport{Width: d.Width, Height: d.Height, DPR: d.DPR, Dark: dark, SafeArea: d.SafeArea}
}

// String is the title's description: "iPhone X 375×812 @3x".
func (d Device) String() string {
	return fmt.Sprintf("%s %g×%g @%gx", d.Label, d.Width, d.Height, d.DPR)
}

// Rotated is d turned a quarter: width and height (and the safe area's
// insets, which follow the notch to the left edge) swapped.
func (d Device) Rotated() Device {
	d.Width, d.Height = d.Height, d.Width
	if strings.HasSuffix(d.Label, " (landscape)") {
		d.Label = strings.TrimSuffix(d.Label, " (landscape)")
		d.SafeArea = style.SafeArea{Top: d.SafeArea.Left, Bottom: d.SafeArea.Right}
	} else {
		d.Label += " (landscape)"
		d.SafeArea = style.SafeArea{Left: d.SafeArea.Top, Right: d.SafeArea.Bottom}
	}
	return d
}
