package engine

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// deepWXML turns fuzz bytes into nested markup: each byte is an operation
// (low nibble) with an argument (high nibble), so the fuzzer reaches deep
// trees, loops inside loops, recursive templates, includes and components
// in a few bytes, where FuzzInstantiate's free text rarely does.
func deepWXML(prog []byte) string {
	const maxDepth = 3000
	var b strings.Builder
	var stack []string
	open := func(tag, attrs string) {
		if len(stack) >= maxDepth {
			return
		}
		b.WriteString("<" + tag + attrs + ">")
		stack = append(stack, tag)
	}
	closeOne := func() {
		if n := len(stack); n > 0 {
			b.WriteString("</" + stack[n-1] + ">")
			stack = stack[:n-1]
		}
	}
	for _, c := range prog {
		op, arg := c&15, int(c>>4)
		switch op {
		case 0:
			open("view", "")
		case 1:
			open("text", "")
		case 2:
			open("block", fmt.Sprintf(` wx:for="{{%d}}" wx:for-item="i%d"`, arg+1, len(stack)))
		case 3:
			open("view", ` wx:if="{{flag}}"`)
		case 4:
			closeOne()
		case 5:
			b.WriteString("x{{index}}{{i0}}")
		case 6:
			fmt.Fprintf(&b, `<template is="t%d" data="{{flag, list}}"/>`, arg%4)
		case 7:
			b.WriteString(`<include src="inc.wxml"/>`)
		case 8:
			open("scroll-view", ` scroll-y style="height:{{arg}}0px"`)
		case 9:
			for i := 0; i <= arg*8; i++ {
				open("view", "")
			}
		case 10:
			// A definition: its body is what follows until it closes, and it
			// may call itself or the others.
			open("template", fmt.Sprintf(` name="t%d"`, arg%4))
		case 11:
			open("view", fmt.Sprintf(` style="width:{{%d}}px;flex-direction:row;height:{{flag ? 10 : 0}}px"`, arg*10))
		case 12:
			open("comp", ` prop="{{list}}"`)
		case 13:
			open("block", ` wx:for="{{list}}" wx:key="*this"`)
		case 14:
			b.WriteString(`{{s+s+s+index+flag}}`)
		case 15:
			for len(stack) > 0 {
				closeOne()
			}
		}
	}
	for len(stack) > 0 {
		closeOne()
	}
	return b.String()
}

// fuzzLimits keep each input small enough that 2 s means something is
// superlinear, even on a loaded machine.
var fuzzLimits = Limits{Nodes: 5000, Expansions: 5000, LoopItems: 5000, ImagePixels: 1 << 20}

// FuzzInstantiateDeep instantiates, lays out, dumps and paints generated
// deep markup, then flips data twice; each input must finish within 2 s.
// Run it with go test ./engine -run XXX -fuzz FuzzInstantiateDeep.
func FuzzInstantiateDeep(f *testing.F) {
	f.Add([]byte{0xF9, 0xF9, 0xF9, 0x05})                               // 363 nested views
	f.Add([]byte{0x0A, 0x06, 0x06, 0x04, 0x06})                         // a template calling itself twice
	f.Add([]byte{0x72, 0x72, 0x72, 0x05, 0x0F, 0x07, 0x07})             // loops 8 × 8 × 8, includes
	f.Add([]byte{0x0C, 0x0C, 0x0D, 0x0E, 0x0F, 0x0B, 0x03, 0x05, 0x08}) // components, keyed loops, bindings
	f.Add([]byte{0x0A, 0x1A, 0x16, 0x16, 0x04, 0x06, 0x04, 0x06})       // two templates each using the other
	dir := writePackage(f, map[string]string{
		"app.json":        `{"usingComponents":{"comp":"/c/comp"}}`,
		"inc.wxml":        `<view wx:for="{{3}}"><include src="inc2.wxml"/></view>`,
		"inc2.wxml":       `<text>{{index}}</text><template is="t0" data="{{flag}}"/>`,
		"c/comp.wxml":     `<view><slot/><comp wx:if="{{prop.length > 1}}" prop="{{[1]}}"/></view>`,
		"index.data.json": `{"flag":true,"s":"ab","list":[1,2,3]}`,
	})
	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 512 {
			return
		}
		src := deepWXML(prog)
		write(t, dir, "index.wxml", src)
		start := time.Now()
		// A watchdog too: an input that never ends must still be caught
		// (and kept by the fuzzer as a crasher).
		watchdog := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("FuzzInstantiateDeep: one input ran over 10 s (%d bytes of program): %q", len(prog), prog))
		})
		defer watchdog.Stop()
		p, err := Load(filepath.Join(dir, "index"), LoadOptions{Limits: fuzzLimits})
		if err == nil {
			p.SetViewport(Viewport{Width: 64, Height: 64, DPR: 1})
			p.Update()
			_ = p.SetData(map[string]any{"flag": false, "list": []any{4.0}})
			_ = p.SetData(map[string]any{"flag": true, "list": []any{1.0, 2.0, 3.0, 4.0, 5.0}})
			if _, err := p.LayoutDump().MarshalIndent(); err != nil {
				t.Fatalf("dump: %v", err)
			}
			p.Render(image.NewRGBA(image.Rect(0, 0, 64, 64)))
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%v for %d bytes of program (%d bytes of markup)", d, len(prog), len(src))
		}
	})
}
