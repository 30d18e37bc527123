package widgets

import (
	"slices"
	"testing"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// attrs is a literal attribute map as Attrs: every literal is true as a
// boolean (spec §8.9), a bool value is itself.
type attrs map[string]any

func (a attrs) Attr(name string) (any, bool) { v, ok := a[name]; return v, ok }
func (a attrs) Bool(name string) bool {
	v, ok := a[name]
	if b, isBool := v.(bool); isBool {
		return b
	}
	return ok
}

func TestParseColor(t *testing.T) {
	cases := []struct {
		in   string
		want style.Color
		ok   bool
	}{
		{"#07c160", style.Color{R: 7, G: 0xc1, B: 0x60, A: 255}, true},
		{"#FFF", style.White, true},
		{"#ff000080", style.Color{R: 255, A: 128}, true},
		{"rgb(16, 174, 255)", style.Color{R: 16, G: 174, B: 255, A: 255}, true},
		{"rgba(0,0,0,0.5)", style.Color{A: 128}, true},
		{"orange", style.Color{}, false},
		{"#12345", style.Color{}, false},
		{"", style.Color{}, false},
	}
	for _, c := range cases {
		got, ok := ParseColor(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("ParseColor(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestSliderValues(t *testing.T) {
	a := attrs{"min": "10", "max": "50", "step": "10"}
	for _, c := range []struct{ in, want float64 }{{0, 10}, {14, 10}, {15, 20}, {49, 50}, {99, 50}} {
		if got := sliderValue(a, c.in); got != c.want {
			t.Errorf("sliderValue(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := sliderValue(attrs{"step": "0.1", "max": "1"}, 0.3); got != 0.3 {
		t.Errorf("decimal step: %v, want 0.3", got)
	}
	// A 228 px slider with a 28 px block: the track runs from 14 to 214.
	b := Box{X: 0, W: 228, H: 28}
	for _, c := range []struct {
		x    float32
		want float64
	}{{0, 0}, {14, 0}, {114, 50}, {164, 75}, {214, 100}, {300, 100}} {
		if got := SliderValueAt(b, attrs{}, c.x); got != c.want {
			t.Errorf("SliderValueAt(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	// With a shown value, the track ends 14 px before it.
	b.Trail = &Box{X: 186, W: 42, H: 20}
	if got := SliderValueAt(b, attrs{"show-value": true}, 158); got != 100 {
		t.Errorf("SliderValueAt with show-value = %v, want 100", got)
	}
}

func TestButtonClassesAndHover(t *testing.T) {
	got := buttonClasses(nil, attrs{"type": "warn", "size": "mini", "plain": "", "loading": true}, &State{})
	if want := []string{"wx-button-warn", "wx-button-mini", "wx-button-plain", "wx-button-loading"}; !slices.Equal(got, want) {
		t.Errorf("classes = %q, want %q", got, want)
	}
	if got := buttonClasses(nil, attrs{"loading": false, "disabled": false}, &State{}); len(got) != 0 {
		t.Errorf("bound false attributes gave classes %q", got)
	}
	for _, c := range []struct {
		tag  string
		a    attrs
		want string
	}{
		{"button", attrs{}, "button-hover"},
		{"button", attrs{"disabled": true}, ""},
		{"button", attrs{"hover-class": "none"}, ""},
		{"view", attrs{}, ""},
		{"view", attrs{"hover-class": "pressed"}, "pressed"},
	} {
		if got := HoverClassOf(c.tag, c.a); got != c.want {
			t.Errorf("HoverClassOf(%s, %v) = %q, want %q", c.tag, c.a, got, c.want)
		}
	}
	if s, st := HoverTimes("button", attrs{}); s != 20 || st != 70 {
		t.Errorf("button hover times %v %v", s, st)
	}
	if s, st := HoverTimes("view", attrs{"hover-start-time": "0", "hover-stay-time": 100.0}); s != 0 || st != 100 {
		t.Errorf("view hover times %v %v", s, st)
	}
}

func TestFollowsAttributeOnlyWhenItChanges(t *testing.T) {
	c := Switch.Control
	a := attrs{"checked": false}
	var s State
	c.Sync(a, &s)
	s.Checked = true // the user toggles
	c.Sync(a, &s)
	if !s.Checked {
		t.Error("an unchanged attribute undid the toggle")
	}
	a["checked"] = true
	c.Sync(a, &s)
	a["checked"] = false
	c.Sync(a, &s)
	if s.Checked {
		t.Error("a changed attribute did not win")
	}
}

func TestFormValue(t *testing.T) {
	cases := []struct {
		tag     string
		s       State
		checked []string
		want    any
	}{
		{"switch", State{Checked: true}, nil, true},
		{"slider", State{Value: 42}, nil, 42.0},
		{"checkbox-group", State{}, nil, []string{}},
		{"radio-group", State{}, []string{"M"}, "M"},
		{"radio-group", State{}, nil, ""},
		{"input", State{}, nil, "typed"},
	}
	for _, c := range cases {
		got, ok := FormValue(c.tag, attrs{"value": "typed"}, &c.s, c.checked)
		if !ok || !equalAny(got, c.want) {
			t.Errorf("FormValue(%s) = %#v, %v; want %#v", c.tag, got, ok, c.want)
		}
	}
	if _, ok := FormValue("view", attrs{}, &State{}, nil); ok {
		t.Error("a view contributes to a form")
	}
}

func equalAny(a, b any) bool {
	if x, ok := a.([]string); ok {
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	}
	return a == b
}

// recorder is a Canvas that counts what a control draws.
type recorder struct {
	fills, paths int
	colors       []style.Color
	path         raster.Path
}

func (r *recorder) Fill(_ raster.RRect, c style.Color) { r.fills++; r.colors = append(r.colors, c) }
func (r *recorder) FillPath(p *raster.Path, c style.Color) {
	if len(p.Segs) > 0 {
		r.paths++
		r.colors = append(r.colors, c)
	}
}
func (r *recorder) Path() *raster.Path { r.path.Reset(); return &r.path }

func TestIconsDrawEveryType(t *testing.T) {
	for typ := range iconColors {
		var r recorder
		paintIcon(&r, Box{W: 23, H: 23}, nil, attrs{"type": typ}, &State{})
		if r.paths == 0 {
			t.Errorf("icon %s draws nothing", typ)
		}
	}
	var r recorder
	paintIcon(&r, Box{W: 23, H: 23}, nil, attrs{"type": "unknown"}, &State{})
	if r.paths != 0 {
		t.Error("an unknown icon type draws")
	}
	r = recorder{}
	paintIcon(&r, Box{W: 23, H: 23}, nil, attrs{"type": "success", "color": "#ff0000"}, &State{})
	if r.colors[0] != (style.Color{R: 255, A: 255}) {
		t.Errorf("icon color attribute: disc drawn in %v", r.colors[0])
	}
}
