package workletjs

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/dop251/goja"
)

type noHooks struct{}

func (noHooks) Object(o *goja.Object, isFunc bool) (*Ref, error) {
	if isFunc {
		if d := EasingDesc(o); d != nil {
			return &Ref{Kind: Easing, Easing: d}, nil
		}
	}
	return nil, nil
}

func api(t *testing.T) (*goja.Runtime, *goja.Object) {
	vm := goja.New()
	w, err := NewAPI(vm, vm.NewObject())
	if err != nil {
		t.Fatal(err)
	}
	_ = vm.Set("w", w)
	return vm, w
}

// Values round-trip; easings carry their descriptor; the JS easings agree
// with their names; limits hold.
func TestWireFormat(t *testing.T) {
	vm, _ := api(t)
	v, err := vm.RunString(`({ n: 1.5, s: 'x', b: true, z: null, u: undefined, a: [1, [2]],
  e: w.Easing.inOut(w.Easing.bezier(0.25, 0.1, 0.25, 1).factory()),
  anim: w.sequence(w.delay(100, w.timing(5, { duration: 10 })), w.repeat(w.spring(1), 3, true)) })`)
	if err != nil {
		t.Fatal(err)
	}
	e := Exporter{Hooks: noHooks{}}
	x, err := e.Export(v)
	if err != nil {
		t.Fatal(err)
	}
	m := x.(map[string]any)
	if m["n"] != 1.5 || m["s"] != "x" || m["b"] != true || m["z"] != nil || m["u"].(*Ref).Kind != Undefined {
		t.Errorf("scalars = %#v", m)
	}
	if !reflect.DeepEqual(m["a"], []any{1.0, []any{2.0}}) {
		t.Errorf("arrays = %#v", m["a"])
	}
	if r := m["e"].(*Ref); !reflect.DeepEqual(r.Easing, []any{"inOut", []any{"bezier", 0.25, 0.1, 0.25, 1.0}}) {
		t.Errorf("easing = %#v", r.Easing)
	}
	anim := m["anim"].(map[string]any)
	if anim["__anim"] != "sequence" || len(anim["parts"].([]any)) != 2 {
		t.Errorf("animation = %#v", anim)
	}
	back := Import(vm, x, func(*Ref) goja.Value { return goja.Undefined() })
	if got := back.ToObject(vm).Get("a").ToObject(vm).Get("1").ToObject(vm).Get("0").ToFloat(); got != 2 {
		t.Errorf("imported a[1][0] = %v", got)
	}
	// JS easings: in / out / inOut, bezier ends.
	for _, c := range []struct {
		code string
		want float64
	}{
		{`w.Easing.quad(0.5)`, 0.25},
		{`w.Easing.out(w.Easing.quad)(0.5)`, 0.75},
		{`w.Easing.inOut(w.Easing.cubic)(0.25)`, 0.0625},
		{`w.Easing.bezier(0.25, 0.1, 0.25, 1).factory()(1)`, 1},
		{`w.Easing.steps(4)(0.3)`, 0.5},
		{`w.Easing.back()(1)`, 1},
	} {
		v, err := vm.RunString(c.code)
		if err != nil || math.Abs(v.ToFloat()-c.want) > 1e-9 {
			t.Errorf("%s = %v (%v), want %v", c.code, v, err, c.want)
		}
	}
	deep, _ := vm.RunString(`let d = {}; for (let i = 0; i < 100; i++) d = { d }; d`)
	if _, err := (&Exporter{Hooks: noHooks{}}).Export(deep); !errors.Is(err, ErrTooLarge) {
		t.Errorf("100 levels deep: %v", err)
	}
}
