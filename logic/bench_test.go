package logic

import (
	"testing"
	"time"
)

// BenchmarkEventToPatch measures one tap: Event in, handler runs setData on
// a list row, an observer fires, Patch and Done out (the full message round
// trip through the runtime goroutine).
func BenchmarkEventToPatch(b *testing.B) {
	f := files{
		"p.js": `Page({})`,
		"c.js": `Component({
  data: { list: Array.from({ length: 100 }, (_, i) => ({ id: i, on: false })), count: 0 },
  observers: { 'list.**': function () { this.setData({ count: this.data.count + 1 }) } },
  methods: { tap(e) { const i = e.detail.i; this.setData({ ['list[' + i + '].on']: !this.data.list[i].on }) } },
})`,
	}
	rt := New(Config{Read: f.read, Clock: &ManualClock{}, TimeLimit: time.Second})
	defer rt.Close()
	rt.Send(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	rt.Sync()
	rt.Drain()
	detail := map[string]any{"i": 7}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		seq := rt.Send(Event{ID: 2, Handler: "tap", Event: EventObject{Type: "tap", Detail: detail}})
		for done := false; !done; {
			<-rt.Ready()
			for _, o := range rt.Drain() {
				if d, ok := o.(Done); ok && d.Seq == seq {
					done = true
				}
			}
		}
	}
}

func BenchmarkCoerce(b *testing.B) {
	p := PropSpec{Name: "n", Type: PropNumber}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if v, _ := p.Coerce(Literal("12.5")); v != 12.5 {
			b.Fatal(v)
		}
	}
}
