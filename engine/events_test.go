package engine

import (
	"fmt"
	"strings"
	"testing"
)

// calls describes handler calls as "instance:handler".
func calls(cs []HandlerCall) string {
	var s []string
	for _, c := range cs {
		s = append(s, fmt.Sprintf("%d:%s", c.Instance, c.Handler))
	}
	return strings.Join(s, " ")
}

func loadEvents(t *testing.T, src string, files map[string]string) *Page {
	t.Helper()
	p := loadComp(t, src, "", files, nil)
	p.Update()
	return p
}

func TestEventPropagation(t *testing.T) {
	const box = `style="height: 50px"`
	cases := []struct {
		name  string
		outer string
		inner string
		want  string
	}{
		{"capture then bubble", `capture-bind:tap="oc" bindtap="ob"`, `bindtap="ib" capture-bind:tap="ic"`, "0:oc 0:ic 0:ib 0:ob"},
		{"catch stops bubbling", `bindtap="ob"`, `catchtap="ic"`, "0:ic"},
		{"capture-catch stops everything", `capture-catch:tap="oc" bindtap="ob"`, `bindtap="ib" capture-bind:tap="ic"`, "0:oc"},
		{"mut-bind", `mut-bind:tap="om" bindtap="ob"`, `mut-bind:tap="im"`, "0:im 0:ob"},
		{"empty catch still catches", `bindtap="ob"`, `catchtap=""`, ""},
		{"bound handler name", `bindtap="{{'o' + 'b'}}"`, ``, "0:ob"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := loadEvents(t, `<view id="outer" `+c.outer+`><view id="inner" `+c.inner+` `+box+`/></view>`, nil)
			p.Tap(10, 10, 5)
			if got := calls(p.DrainHandlerCalls()); got != c.want {
				t.Errorf("calls %q, want %q", got, c.want)
			}
		})
	}
}

func TestEventObject(t *testing.T) {
	p := loadEvents(t, `<view id="o" mark:a="1" mark:b="outer" data-foo-bar="x" bindtap="h">`+
		`<view id="i" mark:b="inner" data-k="{{3}}" style="height: 50px"/></view>`, nil)
	p.Tap(12, 20, 40)
	cs := p.DrainHandlerCalls()
	if len(cs) != 1 {
		t.Fatalf("calls %v", cs)
	}
	e := cs[0].Event
	got := fmt.Sprintf("%s %g %v %v %v %v %d/%d", e.Type, e.TimeStamp, e.Target, e.CurrentTarget, e.Mark, e.Detail, len(e.Touches), len(e.ChangedTouches))
	want := "tap 40 {i map[k:3]} {o map[fooBar:x]} map[a:1 b:inner] map[x:12 y:20] 0/1"
	if got != want {
		t.Errorf("event\n got %s\nwant %s", got, want)
	}
}

func TestEventsAcrossComponents(t *testing.T) {
	files := map[string]string{"index.json": cardJSON,
		"comp/card.wxml": `<view id="inner" bindtap="compTap" mark:c="2" style="height: 50px"/><slot/>`}
	p := loadEvents(t, `<c-card id="host" bindtap="pageTap" mark:p="1"><text id="slotted" bindtap="slotTap">s</text></c-card>`, files)
	p.Tap(10, 10, 1)
	cs := p.DrainHandlerCalls()
	if got := calls(cs); got != "1:compTap 0:pageTap" {
		t.Fatalf("calls %q", got)
	}
	desc := func(e EventObject) string { return fmt.Sprintf("%s>%s %v", e.Target.ID, e.CurrentTarget.ID, e.Mark) }
	if got := desc(cs[0].Event); got != "inner>inner map[c:2]" {
		t.Errorf("component handler sees %s", got)
	}
	if got := desc(cs[1].Event); got != "host>host map[c:2 p:1]" {
		t.Errorf("page handler sees %s", got)
	}
	p.Tap(5, 60, 2) // the slotted text, below the 50px inner view
	cs = p.DrainHandlerCalls()
	if got := calls(cs); got != "0:slotTap 0:pageTap" {
		t.Fatalf("slotted calls %q", got)
	}
	if got := desc(cs[1].Event); got != "slotted>host map[p:1]" {
		t.Errorf("page handler of slotted tap sees %s", got)
	}
}

func TestTriggerEvent(t *testing.T) {
	files := map[string]string{"index.json": `{"usingComponents":{"c-outer":"/comp/outer"}}`,
		"comp/outer.json": `{"usingComponents":{"c-inner":"/comp/inner"}}`,
		"comp/outer.wxml": `<view bind:change="outerWrap"><c-inner id="in" bind:change="outerOnInner" capture-bind:change="outerCapture"/></view>`,
		"comp/inner.wxml": `<text>i</text>`}
	p := loadEvents(t, `<view bind:change="pageWrap"><c-outer id="out" bind:change="pageOnOuter"/></view>`, files)
	var inner InstanceID
	for _, in := range p.Instances() {
		if in.Path() == "comp/inner" {
			inner = in.ID()
		}
	}
	cases := []struct {
		bubbles, composed, capture bool
		want                       string
	}{
		{false, false, false, "1:outerOnInner"},
		{false, false, true, "1:outerCapture 1:outerOnInner"},
		{true, false, false, "1:outerOnInner 1:outerWrap"},
		{true, true, false, "1:outerOnInner 1:outerWrap 0:pageOnOuter 0:pageWrap"},
		{false, true, false, "1:outerOnInner"},
	}
	for _, c := range cases {
		if !p.TriggerEvent(inner, "change", map[string]any{"v": 1}, c.bubbles, c.composed, c.capture, 7) {
			t.Fatal("TriggerEvent refused")
		}
		cs := p.DrainHandlerCalls()
		if got := calls(cs); got != c.want {
			t.Errorf("bubbles=%v composed=%v capture=%v: %q, want %q", c.bubbles, c.composed, c.capture, got, c.want)
		}
		for _, hc := range cs {
			if hc.Instance == 0 && hc.Event.Target.ID != "out" {
				t.Errorf("page sees target %q, want the outer host", hc.Event.Target.ID)
			}
		}
	}
	if p.TriggerEvent(99, "change", nil, true, true, false, 0) {
		t.Error("unknown instance accepted")
	}
}

func TestHitTest(t *testing.T) {
	cases := []struct {
		name string
		src  string
		x, y float32
		want string
	}{
		{"later sibling on top", `<view id="a" style="position: absolute; width: 50px; height: 50px"/><view id="b" style="position: absolute; width: 50px; height: 50px"/>`, 10, 10, "b"},
		{"z-index wins", `<view id="a" style="position: absolute; z-index: 2; width: 50px; height: 50px"/><view id="b" style="position: absolute; width: 50px; height: 50px"/>`, 10, 10, "a"},
		{"overflow hidden clips", `<view id="clip" style="overflow: hidden; width: 20px; height: 20px"><view id="big" style="width: 100px; height: 100px"/></view>`, 50, 10, "page"},
		{"inside the clip", `<view id="clip" style="overflow: hidden; width: 20px; height: 20px"><view id="big" style="width: 100px; height: 100px"/></view>`, 10, 10, "big"},
		{"overflow visible", `<view id="box" style="width: 20px; height: 20px"><view id="big" style="width: 100px; height: 100px"/></view>`, 50, 10, "big"},
		{"pointer-events none", `<view id="under" style="height: 50px"><view id="over" style="pointer-events: none; height: 50px"/></view>`, 10, 10, "under"},
		{"pointer-events none, child auto", `<view id="p" style="pointer-events: none; height: 50px"><view id="c" style="pointer-events: auto; height: 20px"/></view>`, 10, 10, "c"},
		{"visibility hidden", `<view id="under" style="height: 50px"><view id="over" style="visibility: hidden; height: 50px"/></view>`, 10, 10, "under"},
		{"display none", `<view id="under" style="height: 50px"><view id="over" style="display: none; height: 50px"/></view>`, 10, 10, "under"},
		{"translate", `<view id="t" style="width: 20px; height: 20px; transform: translate(100px, 0)"/>`, 110, 10, "t"},
		{"translated away", `<view id="t" style="width: 20px; height: 20px; transform: translate(100px, 0)"/>`, 10, 10, "page"},
		{"scale", `<view id="s" style="width: 20px; height: 20px; transform: scale(3)"/>`, 28, 28, "s"},
		{"anonymous text hits its element", `<view id="v">hello</view>`, 5, 5, "v"},
		{"empty area hits the page", `<view id="v" style="height: 10px"/>`, 100, 50, "page"},
		{"outside the window", `<view id="v" style="height: 10px"/>`, 500, 5, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := loadEvents(t, c.src, nil)
			n := p.HitTest(c.x, c.y)
			got := ""
			if n != nil {
				got = n.ID()
				if n == p.Root() {
					got = "page"
				}
			}
			if got != c.want {
				t.Errorf("hit %q, want %q", got, c.want)
			}
		})
	}
}

func TestTapAndLongPress(t *testing.T) {
	const withLong = `<view id="v" bindtouchstart="ts" bindtouchmove="tm" bindtouchend="te" bindtap="tap" bindlongpress="lp" style="height: 100px"/>`
	const noLong = `<view id="v" bindtap="tap" bindtouchcancel="tc" style="height: 100px"/>`
	type step struct {
		op   string // down, move, up, cancel, time
		x, t float64
	}
	cases := []struct {
		name  string
		src   string
		steps []step
		want  string
	}{
		{"quick tap", withLong, []step{{"down", 10, 0}, {"up", 10, 100}}, "ts te tap"},
		{"small move still taps", withLong, []step{{"down", 10, 0}, {"move", 17, 50}, {"up", 17, 100}}, "ts tm te tap"},
		{"stray cancels tap", withLong, []step{{"down", 10, 0}, {"move", 30, 50}, {"up", 30, 100}}, "ts tm te"},
		{"held: longpress, no tap", withLong, []step{{"down", 10, 0}, {"up", 10, 400}}, "ts lp te"},
		{"longpress at 350 ms", withLong, []step{{"down", 10, 0}, {"time", 0, 349}, {"time", 0, 350}}, "ts lp"},
		{"held without longpress handler taps", noLong, []step{{"down", 10, 0}, {"up", 10, 900}}, "tap"},
		{"cancel", noLong, []step{{"down", 10, 0}, {"cancel", 0, 10}}, "tc"},
		{"release outside the target still targets it", noLong, []step{{"down", 10, 0}, {"up", 15, 10}}, "tap"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := loadEvents(t, c.src, nil)
			for _, s := range c.steps {
				switch s.op {
				case "down":
					p.TouchStart(1, s.x, 10, s.t)
				case "move":
					p.TouchMove(1, s.x, 10, s.t)
				case "up":
					p.TouchEnd(1, s.x, 10, s.t)
				case "cancel":
					p.TouchCancel(1, s.t)
				case "time":
					p.AdvanceTime(s.t)
				}
			}
			var got []string
			for _, hc := range p.DrainHandlerCalls() {
				got = append(got, hc.Handler)
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("handlers %q, want %q", g, c.want)
			}
		})
	}
}
