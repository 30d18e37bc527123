package widgets

import (
	"testing"

	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

func TestParseImageModeFourteen(t *testing.T) {
	if len(imageModes) != 14 {
		t.Fatalf("%d modes; spec §4.4 lists 14", len(imageModes))
	}
	cases := []struct {
		in   string
		want ImageFit
		err  bool
	}{
		{"", ImageFit{Mode: ScaleToFill}, false},
		{"scaleToFill", ImageFit{Mode: ScaleToFill}, false},
		{"aspectFit", ImageFit{Mode: AspectFit}, false},
		{" aspectFill ", ImageFit{Mode: AspectFill}, false},
		{"widthFix", ImageFit{Mode: WidthFix}, false},
		{"heightFix\n", ImageFit{Mode: HeightFix}, false},
		{"top", ImageFit{Crop, 0.5, 0}, false},
		{"bottom  right", ImageFit{Crop, 1, 1}, false},
		{"top left", ImageFit{Crop, 0, 0}, false},
		{"center", ImageFit{Crop, 0.5, 0.5}, false},
		{"top\tleft", ImageFit{Mode: ScaleToFill}, true}, // a single tab is not normalised
		{"AspectFit", ImageFit{Mode: ScaleToFill}, true},
		{"cover", ImageFit{Mode: ScaleToFill}, true},
	}
	for _, c := range cases {
		got, err := ParseImageMode(c.in)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("ParseImageMode(%q) = %+v, %v; want %+v, error %v", c.in, got, err, c.want, c.err)
		}
	}
	if _, err := ParseImageMode("cover"); err == nil || err.Error() != `image mode "cover" is not supported: drawn as scaleToFill` {
		t.Errorf("unknown mode error = %v", err)
	}
}

func TestImageFixOf(t *testing.T) {
	if _, ok := ImageFixOf(AspectFit, 100, 50); ok {
		t.Error("aspectFit fixes a size")
	}
	if _, ok := ImageFixOf(WidthFix, 0, 0); ok {
		t.Error("widthFix without a picture fixes a size")
	}
	f, ok := ImageFixOf(HeightFix, 200, 100)
	if !ok || f.Mode != HeightFix || f.Ratio != 0.5 {
		t.Errorf("ImageFixOf(heightFix, 200×100) = %+v, %v", f, ok)
	}
}

func TestImageFixMeasure(t *testing.T) {
	def := layout.DefiniteSpace
	wf := ImageFix{Mode: WidthFix, Ratio: 0.5}
	if s, _ := wf.Measure()(layout.MaybeSize{}, layout.AvailableSize{Width: def(300), Height: def(10)}); s.Width != 300 || s.Height != 150 {
		t.Errorf("widthFix in 300 px = %+v; want 300×150", s)
	}
	hf := ImageFix{Mode: HeightFix, Ratio: 0.5}
	if s, _ := hf.Measure()(layout.MaybeSize{Height: layout.Some(40)}, layout.AvailableSize{}); s.Width != 80 || s.Height != 40 {
		t.Errorf("heightFix at 40 px = %+v; want 80×40", s)
	}
}

func TestImageFixedStyle(t *testing.T) {
	src := style.Computed{Width: style.Px(200), Height: style.Px(10), BoxSizing: style.BorderBox}
	src.Padding.Left, src.Padding.Right = style.Px(10), style.Px(10)
	var dst style.Computed
	ImageFix{Mode: WidthFix, Ratio: 0.5}.FixedStyle(&dst, &src)
	if h, ok := dst.Height.Resolve(0, false); !ok || h != 90 {
		t.Errorf("widthFix 200 px border-box with 20 px padding: height %v, %v; want 90 (180 × 0.5)", h, ok)
	}
	if w, ok := dst.Width.Resolve(0, false); !ok || w != 200 {
		t.Errorf("widthFix keeps width: %v, %v", w, ok)
	}
}

func TestImageSrc(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
		ok   bool
	}{{nil, "", false}, {"  ", "", false}, {" a.png ", "a.png", true}, {42, "42", true}} {
		if s, ok := ImageSrcText(c.v); s != c.want || ok != c.ok {
			t.Errorf("ImageSrcText(%#v) = %q, %v", c.v, s, ok)
		}
	}
	for src, remote := range map[string]bool{"https://x/a.png": true, "data:image/png;base64,AA": true, "/img/a.png": false, "a.png": false} {
		if IsRemoteImage(src) != remote {
			t.Errorf("IsRemoteImage(%q) = %v", src, !remote)
		}
	}
}
