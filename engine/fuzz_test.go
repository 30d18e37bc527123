package engine

import (
	"testing"

	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/engine/template"
)

// newPageFromSource instantiates src as package file index.wxml of pkg
// against data without reading the markup from disk.
func newPageFromSource(pkg *Package, src []byte, data map[string]any) *Page {
	p := &Page{Pkg: pkg, Path: "index"}
	p.Tree = template.New(pkg, "index.wxml", src, template.Options{Data: data}, &p.diags)
	return p
}

var fuzzData = `{"a":1,"s":"str","list":[{"id":1,"t":"x","c":[1,2]},{"id":2,"t":"y","c":[]}],"obj":{"k":"v","n":null},"n":3,"b":true}`

// FuzzInstantiate parses and instantiates arbitrary WXML against a fixed
// data object, then applies a few patches: nothing may panic or hang.
func FuzzInstantiate(f *testing.F) {
	for _, c := range wxmlCases {
		f.Add(c.src)
	}
	f.Add(`<view wx:for="{{list}}" wx:key="id"><text wx:for="{{item.c}}">{{item}}</text></view>`)
	f.Add(`<template name="t"><template is="t"/></template><template is="t" data="{{...obj}}"/>`)
	dir := writePackage(f, map[string]string{
		"inc.wxml": `<text>{{a}}</text><template name="t"><text>{{k}}</text></template>`,
		"lib.wxml": `<import src="inc.wxml"/><template name="u"><template is="t"/></template>`,
	})
	pkg, err := pkgfs.NewPackage(dir)
	if err != nil {
		f.Fatal(err)
	}
	patches := []map[string]any{
		{"a": 2.0, "list[1].t": "z"},
		{"list": []any{map[string]any{"id": 2.0}, map[string]any{"id": 1.0, "c": []any{3.0}}}},
		{"obj.k": "w", "n": 1.0, "b": false, "s": ""},
	}
	f.Fuzz(func(t *testing.T, src string) {
		data, _ := pkgfs.DecodeData("data", []byte(fuzzData))
		p := newPageFromSource(pkg, []byte(src), data)
		_ = p.Root().Dump()
		for _, patch := range patches {
			_ = p.SetData(patch)
		}
		_ = p.Root().Dump()
	})
}
