package core

import "testing"

func TestFitWindow(t *testing.T) {
	tests := []struct {
		name         string
		devW, devH   int
		scale        float64
		monW, monH   int
		wantW, wantH int
	}{
		{"fits 1:1", 750, 1334, 1, 2560, 1600, 750, 1334},
		{"hidpi monitor halves the window", 750, 1334, 2, 1440, 900, 375, 667},
		{"too tall shrinks uniformly", 1125, 2436, 1, 1280, 1400, 581, 1260},
		{"too wide shrinks uniformly", 2000, 500, 1, 1000, 1000, 900, 225},
		{"unknown monitor", 1125, 2436, 1, 0, 0, 1125, 2436},
		{"zero scale is 1", 100, 200, 0, 0, 0, 100, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, h := FitWindow(tc.devW, tc.devH, tc.scale, tc.monW, tc.monH)
			if w != tc.wantW || h != tc.wantH {
				t.Errorf("FitWindow = %d×%d, want %d×%d", w, h, tc.wantW, tc.wantH)
			}
		})
	}
}
