//go:build ignore

// gen draws the test pictures that testdata pages use, so they can be
// regenerated and nobody has to wonder where they came from:
//
//	go run testdata/images/gen.go
//
// It writes avatar.png (256×256), landscape.png and landscape.jpg (640×400),
// stripes.gif (120×80) and tile.png (32×32). webp copies are made from the PNGs
// with Debian's cwebp (package webp) when it is installed.
package main

import (
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	dir := filepath.Join("testdata", "images")
	save(filepath.Join(dir, "avatar.png"), avatar(256))
	land := landscape(640, 400)
	save(filepath.Join(dir, "landscape.png"), land)
	f, err := os.Create(filepath.Join(dir, "landscape.jpg"))
	check(err)
	check(jpeg.Encode(f, land, &jpeg.Options{Quality: 85}))
	check(f.Close())
	g := image.NewPaletted(image.Rect(0, 0, 120, 80), palette.Plan9)
	for y := 0; y < 80; y++ {
		for x := 0; x < 120; x++ {
			c := color.RGBA{250, 81, 81, 255}
			if (x/20)%2 == 1 {
				c = color.RGBA{255, 195, 0, 255}
			}
			g.Set(x, y, c)
		}
	}
	f, err = os.Create(filepath.Join(dir, "stripes.gif"))
	check(err)
	check(gif.Encode(f, g, nil))
	check(f.Close())
	save(filepath.Join(dir, "tile.png"), tile(32))
	if _, err := exec.LookPath("cwebp"); err == nil {
		for _, n := range []string{"landscape", "avatar"} {
			cmd := exec.Command("cwebp", "-quiet", "-q", "80", filepath.Join(dir, n+".png"), "-o", filepath.Join(dir, n+".webp"))
			cmd.Stderr = os.Stderr
			check(cmd.Run())
		}
	}
}

// avatar is a friendly face on a teal disc, with transparent corners.
func avatar(n int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, n, n))
	c := float64(n) / 2
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			dx, dy := float64(x)+0.5-c, float64(y)+0.5-c
			d := math.Hypot(dx, dy)
			if d > c {
				continue
			}
			col := color.NRGBA{16, 174, 255, 255}
			// face
			if math.Hypot(dx, dy+float64(n)*0.02) < float64(n)*0.3 {
				col = color.NRGBA{255, 224, 189, 255}
			}
			// eyes
			for _, ex := range []float64{-0.1, 0.1} {
				if math.Hypot(dx-ex*float64(n), dy+0.06*float64(n)) < float64(n)*0.03 {
					col = color.NRGBA{40, 40, 40, 255}
				}
			}
			// smile
			r := math.Hypot(dx, dy+0.02*float64(n))
			if dy > 0.02*float64(n) && r > 0.15*float64(n) && r < 0.18*float64(n) {
				col = color.NRGBA{200, 60, 60, 255}
			}
			m.SetNRGBA(x, y, col)
		}
	}
	return m
}

// landscape is a sunset over hills: a vertical sky gradient, a sun and two
// ridges, so crops and scales of it are easy to tell apart.
func landscape(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		t := float64(y) / float64(h)
		sky := color.RGBA{uint8(255 - 120*t), uint8(140 + 60*t), uint8(90 + 140*t), 255}
		for x := 0; x < w; x++ {
			col := sky
			fx, fy := float64(x), float64(y)
			if math.Hypot(fx-0.7*float64(w), fy-0.45*float64(h)) < 0.09*float64(h) {
				col = color.RGBA{255, 236, 140, 255}
			}
			ridge1 := 0.62*float64(h) + 0.08*float64(h)*math.Sin(fx/float64(w)*7)
			ridge2 := 0.75*float64(h) + 0.05*float64(h)*math.Sin(fx/float64(w)*11+1)
			if fy > ridge1 {
				col = color.RGBA{60, 110, 90, 255}
			}
			if fy > ridge2 {
				col = color.RGBA{30, 70, 55, 255}
			}
			m.SetRGBA(x, y, col)
		}
	}
	return m
}

// tile is a two-colour checker used for background-repeat.
func tile(n int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, n, n))
	draw.Draw(m, m.Bounds(), &image.Uniform{color.RGBA{230, 240, 255, 255}}, image.Point{}, draw.Src)
	draw.Draw(m, image.Rect(0, 0, n/2, n/2), &image.Uniform{color.RGBA{120, 160, 230, 255}}, image.Point{}, draw.Src)
	draw.Draw(m, image.Rect(n/2, n/2, n, n), &image.Uniform{color.RGBA{120, 160, 230, 255}}, image.Point{}, draw.Src)
	return m
}

func save(path string, m image.Image) {
	f, err := os.Create(path)
	check(err)
	check(png.Encode(f, m))
	check(f.Close())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
