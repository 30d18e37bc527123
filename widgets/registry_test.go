package widgets

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/style"
)

func TestLookup(t *testing.T) {
	cases := []struct {
		tag     string
		ok      bool
		support Support
		kind    Kind
	}{
		{"view", true, Full, Container},
		{"text", true, Full, TextRoot},
		{"span", true, Full, TextRoot},
		{"image", true, Basic, Replaced},
		{"scroll-view", true, Full, Scroller},
		{"list-builder", true, Full, Sliver},
		{"pan-gesture-handler", true, Full, Virtual},
		{"video", true, Native, Replaced},
		{"progress", true, Basic, Container},
		{"editor", true, Unsupported, Container},
		{"my-card", false, 0, 0},
		{"block", false, 0, 0},
		{"View", false, 0, 0},
	}
	for _, c := range cases {
		s, ok := Lookup(c.tag)
		if ok != c.ok || (ok && (s.Support != c.support || s.Kind != c.kind || s.Tag != c.tag)) {
			t.Errorf("Lookup(%q) = %+v, %v; want support %v kind %v ok %v", c.tag, s, ok, c.support, c.kind, c.ok)
		}
	}
}

func TestComponentUnits(t *testing.T) {
	for _, c := range components {
		got, ok := ComponentOf(c.Tag)
		if !ok || got != c {
			t.Errorf("ComponentOf(%q) = %p, %v; want its unit %p", c.Tag, got, ok, c)
		}
	}
	img, _ := ComponentOf("image")
	var mode *Attribute
	for i := range img.Attributes {
		if img.Attributes[i].Name == "mode" {
			mode = &img.Attributes[i]
		}
	}
	if mode == nil || mode.Default != "scaleToFill" {
		t.Errorf("image's mode attribute = %+v; want default scaleToFill", mode)
	}
	if f, err := ParseImageMode(mode.Default); err != nil || f.Mode != ScaleToFill {
		t.Errorf("image's default mode parses as %+v, %v", f, err)
	}
	if v, _ := ComponentOf("view"); v.Attributes != nil || v.DefaultStyle != "" {
		t.Errorf("view declares %+v", v)
	}
	const want = "\nimage { width: 320px; height: 240px; }\ncover-image { width: 320px; height: 240px; }\nbutton { "
	if !strings.HasPrefix(DefaultStyles, want) {
		t.Errorf("DefaultStyles = %q; want it to start %q", DefaultStyles, want)
	}
	for _, c := range components {
		if c.Sheet != "" && !strings.Contains(DefaultStyles, c.Sheet) {
			t.Errorf("%s's sheet is missing from DefaultStyles", c.Tag)
		}
	}
}

// The built-in sheet parses without a warning: every page loads it, so a
// property Skyline does not support there would warn on every page.
func TestDefaultStylesClean(t *testing.T) {
	env := style.Env{WindowWidth: 375, WindowHeight: 667}
	if _, ds := style.ParseSheet(DefaultStylesFile, []byte(DefaultStyles), &env, nil); len(ds) > 0 {
		t.Fatalf("the built-in sheet warns: %v", ds)
	}
}

type pickerAttrs map[string]any

func (a pickerAttrs) Attr(n string) (any, bool) { v, ok := a[n]; return v, ok }
func (a pickerAttrs) Bool(n string) bool        { _, ok := a[n]; return ok }

// A date picker's columns run from start's year to end's, and its value
// reads back in WeChat's shape.
func TestPickerColumnsAndValue(t *testing.T) {
	mode, cols, rows, err := PickerOf(pickerAttrs{"mode": "date", "value": "2024-02-15", "start": "2020-01-01", "end": "2030-12-31", "fields": "month"})
	if err != nil || mode != "date" || len(cols) != 2 || cols[0][0] != "2020" || cols[0][10] != "2030" || rows[0] != 4 || rows[1] != 1 {
		t.Fatalf("%v %v %v %v", mode, cols, rows, err)
	}
	if v := PickerValue(mode, cols, []int{6, 11}); v != "2026-12" {
		t.Errorf("value %v", v)
	}
	if _, _, _, err := PickerOf(pickerAttrs{"mode": "region"}); err == nil {
		t.Error("region accepted")
	}
}
