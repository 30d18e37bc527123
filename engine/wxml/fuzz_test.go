package wxml

import (
	"bytes"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

var seeds = []string{
	`<view class="a"><text>hi</text></view>`,
	`<view wx:for="{{list}}" wx:key="id" bind:tap="h" data-fooBar="{{item.x}}">{{item.name}}</view>`,
	`<switch checked/><input value='{{v}}' />`,
	`<view>{{a < b ? 'x' : "}}"}}</view>`,
	`<view class="{{a ? "on" : 'off'}} x"/>`,
	`<text>&lt;&#65;&#x42;&nbsp;&bogus;</text>`,
	"<view>\n<!-- c --><block wx:if=\"{{x}}\">a</block><block wx:else>b</block></view>",
	`<wxs module="m">module.exports = { f: function(a) { return a < 1 } }</wxs>`,
	`<template name="t"><view>{{a}}</view></template><template is="t" data="{{...o, a: 1}}"/>`,
	`<view id=main>`,
	`<view><text>a</view>`,
	`</text>`,
	`<view class="a>`,
	`{{ unterminated <view/>`,
	`<!-- open`,
	`<![CDATA[x]]><?xml version="1.0"?><!DOCTYPE x>`,
	"<scroll-view scroll-y style:height=\"{{h}}px\" class:active=\"{{on}}\">\r\n</scroll-view>",
}

// FuzzParse: Parse never panics, and every position it reports (nodes,
// attributes, values, diagnostics) lies inside the input.
func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ds := Parse("f.wxml", src)
		lines := bytes.Split(src, []byte("\n"))
		check := func(what string, p diag.Pos) {
			if p.File != "f.wxml" || p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Fatalf("%s position %v outside the input", what, p)
			}
		}
		for _, d := range ds {
			check("diagnostic", d.Pos)
		}
		var walk func([]*Node)
		walk = func(ns []*Node) {
			for _, n := range ns {
				check("node", n.Pos)
				for _, a := range n.Attrs {
					check("attribute", a.Pos)
					if a.HasValue {
						check("value", a.ValuePos)
					}
				}
				walk(n.Children)
			}
		}
		walk(doc.Nodes)
	})
}
