package core

import (
	"math"
	"strings"
	"testing"
)

func TestResolveDevice(t *testing.T) {
	tests := []struct {
		name                 string
		device               string
		width, height, dpr   float64
		wantName             string
		wantW, wantH, wantDR float32
		wantPxW, wantPxH     int
		wantErr              string
	}{
		{name: "iphone8", device: "iphone8", wantName: "iphone8", wantW: 375, wantH: 667, wantDR: 2, wantPxW: 750, wantPxH: 1334},
		{name: "iphonex", device: "iphonex", wantName: "iphonex", wantW: 375, wantH: 812, wantDR: 3, wantPxW: 1125, wantPxH: 2436},
		{name: "android", device: "android360", wantName: "android360", wantW: 360, wantH: 780, wantDR: 3, wantPxW: 1080, wantPxH: 2340},
		{name: "case-insensitive", device: "iPhoneX", wantName: "iphonex", wantW: 375, wantH: 812, wantDR: 3, wantPxW: 1125, wantPxH: 2436},
		{name: "override keeps preset when equal", device: "iphone8", width: 375, wantName: "iphone8", wantW: 375, wantH: 667, wantDR: 2, wantPxW: 750, wantPxH: 1334},
		{name: "override makes custom", device: "iphone8", width: 414, height: 896, dpr: 3, wantName: "custom", wantW: 414, wantH: 896, wantDR: 3, wantPxW: 1242, wantPxH: 2688},
		{name: "fractional dpr rounds", device: "android360", dpr: 2.75, wantName: "custom", wantW: 360, wantH: 780, wantDR: 2.75, wantPxW: 990, wantPxH: 2145},
		{name: "unknown", device: "pixel9", wantErr: `unknown device "pixel9"`},
		{name: "negative width", device: "iphone8", width: -1, wantErr: "-width -1 out of range"},
		{name: "nan dpr", device: "iphone8", dpr: math.NaN(), wantErr: "-dpr NaN out of range"},
		{name: "dpr too big", device: "iphone8", dpr: 5, wantErr: "-dpr 5 out of range"},
		{name: "too many device pixels", device: "iphone8", height: 4000, dpr: 4, wantErr: "16000 device pixels"},
		{name: "tiny window is one device pixel", device: "iphone8", width: 0.1, height: 0.1, dpr: 1, wantName: "custom", wantW: 0.1, wantH: 0.1, wantDR: 1, wantPxW: 1, wantPxH: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ResolveDevice(tc.device, tc.width, tc.height, tc.dpr)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Name != tc.wantName || d.Width != tc.wantW || d.Height != tc.wantH || d.DPR != tc.wantDR {
				t.Errorf("got %s %v×%v@%v, want %s %v×%v@%v", d.Name, d.Width, d.Height, d.DPR, tc.wantName, tc.wantW, tc.wantH, tc.wantDR)
			}
			if w, h := d.Pixels(); w != tc.wantPxW || h != tc.wantPxH {
				t.Errorf("Pixels = %d×%d, want %d×%d", w, h, tc.wantPxW, tc.wantPxH)
			}
			vp := d.Viewport(true)
			if vp.Width != d.Width || vp.Height != d.Height || vp.DPR != d.DPR || !vp.Dark || vp.SafeArea != d.SafeArea {
				t.Errorf("Viewport(true) = %+v", vp)
			}
		})
	}
}

func TestDeviceString(t *testing.T) {
	d, _ := LookupDevice("iphonex")
	if got, want := d.String(), "iPhone X 375×812 @3x"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got := DeviceNames(); got != "iphone8 | iphonex | android360" {
		t.Errorf("DeviceNames = %q", got)
	}
}

// The presets' safe-area insets reach the engine (env(safe-area-inset-*))
// and the scripts' safeArea: none on an iPhone 8 or the Android preset; 44 px
// on top and 34 px below on an iPhone X in portrait.
func TestDeviceSafeArea(t *testing.T) {
	for _, tc := range []struct {
		name             string
		top, bottom      float32
		safeTop, safeBot float64 // Info().SafeArea top and bottom edge
	}{
		{"iphone8", 0, 0, 20, 667},
		{"iphonex", 44, 34, 44, 778},
		{"android360", 0, 0, 24, 780},
	} {
		d, _ := LookupDevice(tc.name)
		vp := d.Viewport(false)
		if vp.SafeArea.Top != tc.top || vp.SafeArea.Bottom != tc.bottom || vp.SafeArea.Left != 0 || vp.SafeArea.Right != 0 {
			t.Errorf("%s: viewport insets %+v, want top %v bottom %v", tc.name, vp.SafeArea, tc.top, tc.bottom)
		}
		sa := d.Info().SafeArea
		if sa.Top != tc.safeTop || sa.Top+sa.Height != tc.safeBot || sa.Width != float64(d.Width) {
			t.Errorf("%s: Info().SafeArea %+v, want top %v bottom %v", tc.name, sa, tc.safeTop, tc.safeBot)
		}
	}
}
