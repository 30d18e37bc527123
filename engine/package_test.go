package engine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/style"
)

func TestPackageRefusesSymlinkEscape(t *testing.T) {
	outside := writePackage(t, map[string]string{"secret.wxml": `<text>secret</text>`})
	dir := writePackage(t, map[string]string{
		"index.wxml":  `<include src="link.wxml"/>`,
		"inside.wxml": `<text>in</text>`,
	})
	if err := os.Symlink(filepath.Join(outside, "secret.wxml"), filepath.Join(dir, "link.wxml")); err != nil {
		t.Skip("symlinks unavailable:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "inside.wxml"), filepath.Join(dir, "ok.wxml")); err != nil {
		t.Fatal(err)
	}
	pkg, err := pkgfs.NewPackage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pkg.Read("link.wxml"); !errors.Is(err, pkgfs.ErrOutsidePackage) {
		t.Errorf("Read through escaping symlink: %v", err)
	}
	if b, err := pkg.Read("ok.wxml"); err != nil || string(b) != `<text>in</text>` {
		t.Errorf("Read through inner symlink: %q %v", b, err)
	}
	_, err = Load(filepath.Join(dir, "index"), LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "index.wxml:1:15: cannot read link.wxml") || !strings.Contains(err.Error(), "escapes the package root") {
		t.Errorf("Load: %v", err)
	}
}

func TestLoadFindsPackageRootAndConfig(t *testing.T) {
	dir := writePackage(t, map[string]string{
		"app.json": `{"rendererOptions":{"skyline":{"defaultDisplayBlock":true,"defaultContentBox":true,"tagNameStyleIsolation":"legacy"}},
			"usingComponents":{"app-comp":"/components/a"},"navigationStyle":"custom"}`,
		"app.wxss":                   `page{color:red}`,
		"pages/feed/index.wxml":      `<import src="/common/t.wxml"/><template is="t" data="{{n}}"/><app-comp/><page-comp/>`,
		"pages/feed/index.wxss":      `.a{}`,
		"pages/feed/index.json":      `{"rendererOptions":{"skyline":{"defaultContentBox":false}},"usingComponents":{"page-comp":"./c/p"}}`,
		"pages/feed/index.data.json": `{"n": 3}`,
		"common/t.wxml":              `<template name="t"><text>{{n}}</text></template>`,
		"components/a.wxml":          ``,
		"pages/feed/c/p.wxml":        ``,
	})
	p, err := Load(filepath.Join(dir, "pages/feed"), LoadOptions{}) // a directory means dir/index
	if err != nil {
		t.Fatal(err)
	}
	if p.Path != "pages/feed/index" {
		t.Errorf("Path %q", p.Path)
	}
	want := style.RendererOptions{DefaultDisplayBlock: true, TagNameStyleIsolationLegacy: true}
	if p.Config.Renderer != want {
		t.Errorf("renderer options %+v want %+v", p.Config.Renderer, want)
	}
	if p.Config.NavigationStyle != "custom" {
		t.Errorf("navigationStyle %q", p.Config.NavigationStyle)
	}
	if got := p.Config.UsingComponents; got["app-comp"] != "components/a" || got["page-comp"] != "pages/feed/c/p" {
		t.Errorf("usingComponents %v", got)
	}
	if string(p.AppStyle.Src) != `page{color:red}` || p.PageStyle.Path != "pages/feed/index.wxss" {
		t.Errorf("styles %+v %+v", p.AppStyle, p.PageStyle)
	}
	if got := body(p); got != `text("3") app-comp page-comp` {
		t.Errorf("tree %s", got)
	}
	if in := Hosted(p.Root().LastChild()); in == nil || in.Path() != "pages/feed/c/p" {
		t.Errorf("component instance %+v", in)
	}

	// Data given by the host replaces data.json; a .wxml name works too.
	p, err = Load(filepath.Join(dir, "pages/feed/index.wxml"), LoadOptions{Data: map[string]any{"n": 7}})
	if err != nil {
		t.Fatal(err)
	}
	if got := body(p); !strings.HasPrefix(got, `text("7")`) {
		t.Errorf("tree %s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		page  string
		err   string
	}{
		{"missing page", map[string]string{"other.wxml": ``}, "index", `index.wxml: cannot read page markup`},
		{"bad data json", map[string]string{"index.wxml": `<view/>`, "index.data.json": "{\n \"a\": 1,\n \"b\": }"}, "index", `index.data.json:3:7: invalid JSON`},
		{"data not an object", map[string]string{"index.wxml": `<view/>`, "index.data.json": `[1]`}, "index", `index.data.json:1:1: page data must be a JSON object`},
		{"bad app json", map[string]string{"app.json": `{"rendererOptions": 3}`, "p/index.wxml": `<view/>`}, "p/index", `app.json:1:`},
		{"component escaping", map[string]string{"index.wxml": `<view/>`, "index.json": `{"usingComponents":{"x":"../../x"}}`}, "index", `index.json: usingComponents "x"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePackage(t, tc.files)
			p, err := Load(filepath.Join(dir, tc.page), LoadOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error %v, want %q", err, tc.err)
			}
			if p != nil {
				t.Errorf("page returned with an error")
			}
		})
	}
}

func TestBoolAttr(t *testing.T) {
	p := mustLoad(t, `<switch a b="" c="false" d="{{false}}" e="{{''}}" f="{{0}}" g="{{'false'}}" h="{{[]}}"/>`, `{}`)
	n := p.Root().FirstChild()
	want := map[string]bool{"a": true, "b": true, "c": true, "d": false, "e": false, "f": false, "g": true, "h": true, "absent": false}
	for name, w := range want {
		if got := n.BoolAttr(name); got != w {
			t.Errorf("BoolAttr(%s) = %v, want %v (spec §8.9)", name, got, w)
		}
	}
}

func TestElementInterface(t *testing.T) {
	p := mustLoad(t, `<view id="a" class="x y"><text>t</text>hello<view/></view><view wx:if="{{0}}"/><view>{{e}}</view>`, `{}`)
	a := p.Root().FirstChild()
	if a.TagName() != "view" || a.ElementID() != "a" || !a.HasClass("y") || a.HasClass("z") {
		t.Errorf("basic element accessors")
	}
	if a.ParentElement() != p.Root() || p.Root().ParentElement() != nil {
		t.Errorf("ParentElement")
	}
	txt := a.FirstChild()
	inner := txt.NextSibling().NextSibling()
	if inner.PrevElementSibling() != txt || txt.PrevElementSibling() != nil || txt.NextElementSibling() != inner || inner.NextElementSibling() != nil {
		t.Errorf("element siblings must skip text nodes and be nil interfaces at the ends")
	}
	if !a.HasChildren() || inner.HasChildren() {
		t.Errorf("HasChildren")
	}
	if empty := a.NextSibling(); empty.HasChildren() {
		t.Errorf("a view holding only empty bound text is :empty")
	}
	if a.StyleScope() != 0 {
		t.Errorf("page scope is 0")
	}
}
