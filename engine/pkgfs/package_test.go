package pkgfs

import "testing"

func TestResolve(t *testing.T) {
	pkg := &Package{Root: "/r", real: "/r"}
	cases := []struct {
		from, ref, want string
		bad             bool
	}{
		{"pages/a/index.wxml", "item.wxml", "pages/a/item.wxml", false},
		{"pages/a/index.wxml", "./t/x.wxml", "pages/a/t/x.wxml", false},
		{"pages/a/index.wxml", "../common/x.wxml", "pages/common/x.wxml", false},
		{"pages/a/index.wxml", "/common/x.wxml", "common/x.wxml", false},
		{"index.wxml", "/etc/passwd", "etc/passwd", false}, // "/" is the package root
		{"pages/a/index.wxml", "../../../x.wxml", "", true},
		{"index.wxml", "../x", "", true},
		{"index.wxml", "/../x", "", true},
		{"index.wxml", `..\x`, "", true},
		{"index.wxml", `C:/x`, "", true},
		{"index.wxml", "a\x00b", "", true},
		{"index.wxml", "", "", true},
	}
	for _, tc := range cases {
		got, err := pkg.Resolve(tc.from, tc.ref)
		if tc.bad {
			if err == nil {
				t.Errorf("Resolve(%q, %q) = %q, want error", tc.from, tc.ref, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", tc.from, tc.ref, got, err, tc.want)
		}
	}
}
