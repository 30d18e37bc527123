package logic

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/internal/workletjs"
)

func workletOps(out []Outbound) []WorkletOp {
	var l []WorkletOp
	for _, o := range out {
		if m, ok := o.(WorkletOp); ok {
			l = append(l, m)
		}
	}
	return l
}

// A worklet's source and closure are captured at load, its closure read
// when it is handed to the UI runtime, and positions in the rewritten file
// stay the author's (on the worklet's own line too).
func TestWorkletCapture(t *testing.T) {
	page := `const { shared, timing, runOnUI, Easing } = wx.worklet
const k = 3, unused = 9
function helper(x) { 'worklet'; return x * k }
const h = (y) => { 'worklet'; return helper(y) + Math.abs(y) }; const boom = () => null.boom
Page({
  onLoad() {
    const offset = shared(1)
    const local = { a: 1 }
    runOnUI(function (z) { 'worklet'; offset.value = timing(h(z) + local.a, { easing: Easing.inOut(Easing.quad) }) })(2)
    this.id = this.applyAnimatedStyle('.ball', () => {
      'worklet'
      return { transform: 'translateX(' + offset.value + 'px)' }
    })
  },
  tap() { 'worklet'; console.log('tapped', k) },
  boomer() { boom() },
  bad() { const f = () => { 'worklet'; return k }; f(); undefined.x },
})`
	for _, mode := range []string{"plain", "module"} {
		t.Run(mode, func(t *testing.T) {
			src := page
			if mode == "module" {
				src += "\nexport const marker = 1"
			}
			h := newHarness(t, files{"pages/p/p.js": src})
			out := h.run(LoadPage{ID: 1, Path: "pages/p/p"})
			noDiags(t, out)
			ops := workletOps(out)
			if len(ops) != 3 {
				t.Fatalf("ops = %+v", ops)
			}
			if ops[0].Kind != WorkletCreate || ops[0].Value != 1.0 {
				t.Errorf("create = %+v", ops[0])
			}
			run := ops[1]
			if run.Kind != WorkletRun || !reflect.DeepEqual(run.Args, []any{2.0}) {
				t.Fatalf("run = %+v", run)
			}
			ref := run.Value.(*workletjs.Ref)
			if ref.Kind != workletjs.Worklet || !strings.Contains(ref.Src, "offset.value = timing(h(z) + local.a") || ref.File != "pages/p/p.js" || ref.Line != 9 || ref.Col != 13 {
				t.Errorf("worklet = %+v", ref)
			}
			var names []string
			for k := range ref.Closure {
				names = append(names, k)
			}
			sortStrings(names)
			if got, want := strings.Join(names, ","), "Easing,h,local,offset,timing"; got != want {
				t.Errorf("free variables = %s, want %s", got, want)
			}
			if sh := ref.Closure["offset"].(*workletjs.Ref); sh.Kind != workletjs.Shared || sh.ID != 1 {
				t.Errorf("offset = %+v", sh)
			}
			if api := ref.Closure["timing"].(*workletjs.Ref); api.Kind != workletjs.API || api.Name != "timing" {
				t.Errorf("timing = %+v", api)
			}
			if !reflect.DeepEqual(ref.Closure["local"], map[string]any{"a": 1.0}) {
				t.Errorf("local = %#v", ref.Closure["local"])
			}
			inner := ref.Closure["h"].(*workletjs.Ref)
			if inner.Kind != workletjs.Worklet || inner.Line != 4 || inner.Col != 11 {
				t.Errorf("h = %+v", inner)
			}
			hl := inner.Closure["helper"].(*workletjs.Ref)
			if hl.Kind != workletjs.Worklet || hl.Closure["k"] != 3.0 || !strings.HasPrefix(hl.Src, "function helper(x)") {
				t.Errorf("helper = %+v", hl)
			}
			st := ops[2]
			if st.Kind != WorkletApplyStyle || st.Selector != ".ball" || st.Instance != 1 || !st.Immediate || st.ID != 1 {
				t.Errorf("applyAnimatedStyle = %+v", st)
			}

			out = h.run(Event{ID: 1, Handler: "boomer", Event: EventObject{Type: "tap"}})
			if got, want := joined(diagPos(out)), `pages/p/p.js:4:89 handler "boomer": TypeError: Cannot read property 'boom' of undefined`; !strings.HasPrefix(got, want) {
				t.Errorf("a throw on a worklet's line: %q, want %q", got, want)
			}
			out = h.run(Event{ID: 1, Handler: "bad", Event: EventObject{Type: "tap"}})
			if got, want := joined(diagPos(out)), `pages/p/p.js:17:67 handler "bad": TypeError: Cannot read property 'x' of undefined`; !strings.HasPrefix(got, want) {
				t.Errorf("throw after a worklet on its line: %q, want %q", got, want)
			}
			out = h.run(Event{ID: 1, Handler: "tap", Event: EventObject{Type: "tap"}})
			if got, want := joined(logPos(out)), "pages/p/p.js:15:33 tapped 3"; got != want {
				t.Errorf("a worklet method on the JS thread: %q, want %q", got, want)
			}
		})
	}
}

// Functions with the directive where they cannot be wrapped (class
// methods, getters, setters, async methods) are left as they are, and the
// worklets inside them are captured.
func TestWorkletCaptureLeavesWhatItCannotWrap(t *testing.T) {
	h := newHarness(t, files{"p.js": `class A {
  m() { 'worklet'; return 1 }
  get g() { 'worklet'; return 2 }
  static s() { 'worklet'; const inner = () => { 'worklet'; return 3 }; return inner.__worklet ? 'captured' : 'not' }
}
const o = {
  get g() { 'worklet'; return 4 },
  set v(x) { 'worklet' },
  async am() { 'worklet'; return 5 },
  *gen() { 'worklet'; yield 6 },
}
console.log(new A().m(), new A().g, A.s(), o.g)
Page({})`})
	out := h.run(LoadPage{ID: 1, Path: "p"})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != "1 2 captured 4" {
		t.Errorf("logs = %q", got)
	}
}

// A worklet its closure reaches again is refused with a clear error.
func TestWorkletSelfReference(t *testing.T) {
	h := newHarness(t, files{"p.js": `const fib = (n) => { 'worklet'; return n < 2 ? n : fib(n - 1) + fib(n - 2) }
console.log(fib(10))
wx.worklet.runOnUI(fib)(3)
Page({})`})
	out := h.run(LoadPage{ID: 1, Path: "p"})
	if got := joined(logsOf(out)); got != "55" {
		t.Errorf("logs = %q", got)
	}
	if got := joined(diagPos(out)); !strings.Contains(got, "p.js:3:") || !strings.Contains(got, "reaches itself") {
		t.Errorf("diagnostics = %q", got)
	}
	if ops := workletOps(out); len(ops) != 0 {
		t.Errorf("ops = %+v", ops)
	}
}

func TestWorkletSharedBudget(t *testing.T) {
	h := newHarness(t, files{"p.js": `let n = 0
for (let i = 0; i < 70000; i++) if (wx.worklet.shared(i)) n++
console.log(n)
Page({})`}, func(c *Config) { c.TimeLimit = 20 * time.Second })
	out := h.run(LoadPage{ID: 1, Path: "p"})
	if got := joined(logsOf(out)); got != "65536" {
		t.Errorf("made %s shared values", got)
	}
	if ds := diagsOf(out); len(ds) == 0 || !strings.Contains(ds[0].Msg, "more than 65536 shared values") {
		t.Errorf("diagnostics = %v", ds)
	}
}
