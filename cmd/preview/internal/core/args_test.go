package core

import (
	"errors"
	"flag"
	"io"
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
