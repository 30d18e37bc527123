package core

// FitWindow is the window size, in ebiten's device-independent pixels, for a
// frame of devW×devH device pixels: one device pixel per physical pixel
// (scale is the monitor's device scale factor), shrunk uniformly when that
// is larger than 90% of the monitor (monW×monH, device-independent; 0 when
// unknown) so the whole phone stays visible.
func FitWindow(devW, devH int, scale float64, monW, monH int) (w, h int) {
	if scale <= 0 {
		scale = 1
	}
	fw, fh := float64(devW)/scale, float64(devH)/scale
	if monW > 0 && monH > 0 {
		f := min(1, 0.9*float64(monW)/fw, 0.9*float64(monH)/fh)
		fw, fh = fw*f, fh*f
	}
	return max(1, int(fw)), max(1, int(fh))
}
