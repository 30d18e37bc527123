package core

import (
	"errors"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantPage string
		wantDev  string
		wantW    float32
		wantDark bool
		wantShot string
		wantErr  string
	}{
		{name: "defaults", args: nil, wantPage: DefaultPage, wantDev: "iphone8", wantW: 375},
		{name: "device and page", args: []string{"-device", "android360", "-dark", "p/x"}, wantPage: "p/x", wantDev: "android360", wantW: 360, wantDark: true},
		{name: "override", args: []string{"-width", "414", "-shot", "a.png", "p"}, wantPage: "p", wantDev: "custom", wantW: 414, wantShot: "a.png"},
		{name: "two pages", args: []string{"a", "b"}, wantErr: "at most one PAGE"},
		{name: "bad device", args: []string{"-device", "nokia"}, wantErr: "unknown device"},
		{name: "bad flag", args: []string{"-nope"}, wantErr: "not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, err := ParseArgs(tc.args, io.Discard)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(o.Page, tc.wantPage) || o.Dev.Name != tc.wantDev || o.Dev.Width != tc.wantW || o.Dark != tc.wantDark || o.Shot != tc.wantShot {
				t.Errorf("got %+v", o)
			}
		})
	}
	if _, err := ParseArgs([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: err = %v, want flag.ErrHelp", err)
	}
}

func TestShotName(t *testing.T) {
	got := ShotName("testdata/pages/showcase/", Devices[1], true, "20250101-120000.000")
	if want := "preview-showcase-iphonex-dark-20250101-120000.000.png"; got != want {
		t.Errorf("ShotName = %q, want %q", got, want)
	}
	if got := ShotName("pages/feed/index.wxml", Devices[0], false, "t"); got != "preview-index-iphone8-light-t.png" {
		t.Errorf("ShotName = %q", got)
	}
}

func TestParseArgsFlagsAfterPage(t *testing.T) {
	var stderr strings.Builder
	o, err := ParseArgs([]string{"some/page", "-dark", "-device", "iphonex"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if o.Page != "some/page" || !o.Dark || o.Dev.Name != "iphonex" {
		t.Fatalf("options %+v", o)
	}
	if _, err := ParseArgs([]string{"a", "-dark", "b"}, &stderr); err == nil {
		t.Fatal("two pages accepted")
	}
}

func TestRotatedDevice(t *testing.T) {
	d := Devices[1].Rotated()
	if d.Width != 812 || d.Height != 375 || d.SafeArea.Left != 44 || d.SafeArea.Top != 0 {
		t.Fatalf("rotated %+v", d)
	}
	if back := d.Rotated(); back != Devices[1] {
		t.Fatalf("rotated back %+v", back)
	}
}

func TestShotDirOutsideRepo(t *testing.T) {
	if d := ShotDir(); !filepath.IsAbs(d) {
		t.Fatalf("ShotDir %q is not absolute", d)
	}
}

// The P key walks app.json's pages: from the entry page to the next one,
// relaunching the stack there, and round to the first again.
func TestNextAppPage(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	s := NewSession(filepath.Join("..", "..", "..", "..", "testdata", "apps", "shop"), dev, false)
	s.Reload()
	defer s.Close()
	if s.App == nil || s.App.Manifest() == nil {
		t.Fatal("the shop app did not open as a whole app")
	}
	var got []string
	for range 4 {
		page, ok := s.NextAppPage()
		if !ok {
			t.Fatal("NextAppPage failed")
		}
		got = append(got, page+"="+strings.Join(s.App.Stack(), ","))
	}
	want := "pages/cart/index=pages/cart/index pages/me/index=pages/me/index pages/detail/index=pages/detail/index pages/home/index=pages/home/index"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %s\nwant %s", strings.Join(got, " "), want)
	}
}
