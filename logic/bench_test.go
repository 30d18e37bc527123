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

// benchModule is a page module the way authors write one: imports, a class
// with private fields, async methods (about 40 lines).
const benchModule = `import { format } from '../../utils/format'
import Store from '../../utils/store'

const store = new Store()

class Pager {
  #page = 1
  #size
  constructor(size = 20) { this.#size = size }
  next() { return { page: this.#page++, size: this.#size } }
}

export default Page({
  data: { list: [], loading: false, title: format('list') },
  pager: new Pager(),
  async onLoad(query) {
    this.setData({ loading: true })
    const items = await this.fetch(this.pager.next())
    this.setData({ list: items, loading: false })
  },
  async fetch({ page, size }) {
    return Array.from({ length: size }, (_, i) => ({ id: page * size + i, name: format('item ' + i) }))
  },
  onReachBottom() { return this.fetch(this.pager.next()).then(more => this.setData({ list: this.data.list.concat(more) })) },
  tap(e) { store.set('last', e.currentTarget.dataset.id ?? null) },
})
`

// BenchmarkModuleLoad measures loading a page written as ES modules: three
// files through esbuild, their source maps and goja's compile, and the
// page's lifetimes (a fresh runtime each time, as opening a page is).
func BenchmarkModuleLoad(b *testing.B) {
	f := files{
		"pages/list/list.js": benchModule,
		"utils/format.js":    "export const format = s => String(s).trim()\n",
		"utils/store.js":     "export default class Store { #m = new Map(); set(k, v) { this.#m.set(k, v) } get(k) { return this.#m.get(k) } }\n",
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rt := New(Config{Read: f.read, Clock: &ManualClock{}, TimeLimit: time.Second})
		rt.Send(LoadPage{ID: 1, Path: "pages/list/list"})
		rt.Sync()
		for _, o := range rt.Drain() {
			if d, ok := o.(Diagnostic); ok {
				b.Fatal(d)
			}
		}
		rt.Close()
	}
}
