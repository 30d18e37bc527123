package logic

import (
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
)

// files is an in-memory package.
type files map[string]string

func (f files) read(p string) ([]byte, error) {
	if s, ok := f[p]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

type harness struct {
	t     *testing.T
	rt    *Runtime
	clock *ManualClock
}

func newHarness(t *testing.T, f files, mod ...func(*Config)) *harness {
	t.Helper()
	clock := &ManualClock{}
	cfg := Config{Read: f.read, Clock: clock, TimeLimit: 100 * time.Millisecond,
		Device: Device{Model: "iPhone 13", Platform: "ios", PixelRatio: 3, WindowWidth: 390, WindowHeight: 844, ScreenWidth: 390, ScreenHeight: 844}}
	for _, m := range mod {
		m(&cfg)
	}
	rt := New(cfg)
	t.Cleanup(rt.Close)
	return &harness{t: t, rt: rt, clock: clock}
}

// run sends messages, waits for them, and returns what came out (Done
// markers dropped).
func (h *harness) run(msgs ...Inbound) []Outbound {
	for _, m := range msgs {
		h.rt.Send(m)
	}
	h.rt.Sync()
	var out []Outbound
	for _, o := range h.rt.Drain() {
		if _, done := o.(Done); !done {
			out = append(out, o)
		}
	}
	return out
}

func logsOf(out []Outbound) []string {
	var l []string
	for _, o := range out {
		if m, ok := o.(Log); ok {
			l = append(l, m.Msg)
		}
	}
	return l
}

func diagsOf(out []Outbound) []diag.Diagnostic {
	var l []diag.Diagnostic
	for _, o := range out {
		if m, ok := o.(Diagnostic); ok {
			l = append(l, m.Diagnostic)
		}
	}
	return l
}

func patchesOf(out []Outbound, id InstanceID) []map[string]any {
	var l []map[string]any
	for _, o := range out {
		if m, ok := o.(Patch); ok && m.ID == id {
			l = append(l, plain(m.Data).(map[string]any))
		}
	}
	return l
}

func noDiags(t *testing.T, out []Outbound) {
	t.Helper()
	for _, d := range diagsOf(out) {
		t.Errorf("unexpected diagnostic: %v", d)
	}
}

func joined(l []string) string { return strings.Join(l, " | ") }

// plain turns ordered objects into Go maps (deeply) for comparisons with
// map literals; key order is checked by the tests that care.
func plain(v any) any {
	switch x := v.(type) {
	case *expr.Object:
		m := map[string]any{}
		x.Range(func(k string, e any) bool {
			m[k] = plain(e)
			return true
		})
		return m
	case map[string]any:
		m := map[string]any{}
		for k, e := range x {
			m[k] = plain(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	}
	return v
}
