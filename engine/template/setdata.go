package template

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
)

// maxSetDataIndex bounds an index in a setData path (list[1e9] would
// otherwise allocate the whole array).
const maxSetDataIndex = 1 << 20

// pathSeg is one segment of a setData path.
type pathSeg struct {
	key   string
	index bool // written as [n]
}

// parseDataPath parses a setData key: name segments separated by dots and
// [n] array indexes ("a.b[2].c", "list[5]", "obj.k"). Errors are positioned
// inside the key (setData keys have no file; the diagnostic names the key).
func parseDataPath(s string, segs []pathSeg) ([]pathSeg, error) {
	errAt := func(i int, msg string) error {
		return diag.Diagnostic{Pos: diag.Pos{File: fmt.Sprintf("setData key %q", s), Line: 1, Col: i + 1}, Severity: diag.Error, Msg: msg}
	}
	if s == "" {
		return nil, errAt(0, "empty path")
	}
	i := 0
	for i < len(s) {
		switch s[i] {
		case '[':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j == i+1 {
				if j >= len(s) {
					return nil, errAt(i, "unclosed [")
				}
				return nil, errAt(j, "array index must be digits")
			}
			if j >= len(s) || s[j] != ']' {
				return nil, errAt(j, "expected ]")
			}
			n, ok := arrayIndexLoose(s[i+1 : j])
			if !ok {
				return nil, errAt(i+1, "array index too large")
			}
			segs = append(segs, pathSeg{key: itoa(n), index: true})
			i = j + 1
			if i < len(s) && s[i] != '.' && s[i] != '[' {
				return nil, errAt(i, "expected . or [ after ]")
			}
		case '.':
			if i == 0 {
				return nil, errAt(i, "path starts with .")
			}
			i++
			if i >= len(s) {
				return nil, errAt(i-1, "path ends with .")
			}
			if s[i] == '.' || s[i] == '[' {
				return nil, errAt(i, "empty path segment")
			}
		case ']':
			return nil, errAt(i, "unexpected ]")
		default:
			if i > 0 && s[i-1] == ']' {
				return nil, errAt(i, "expected . or [ after ]")
			}
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' && s[j] != ']' {
				j++
			}
			segs = append(segs, pathSeg{key: s[i:j]})
			i = j
		}
	}
	if segs[0].index {
		return nil, errAt(0, "path must start with a name")
	}
	return segs, nil
}

// arrayIndexLoose parses digits (leading zeros allowed, as JS does for a[01]).
func arrayIndexLoose(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
		if n > maxSetDataIndex {
			return 0, false
		}
	}
	return n, true
}

type patchEntry struct {
	key   string
	segs  []pathSeg
	path  []string
	value any
}

// SetData applies a patch keyed by data paths, as a host's setData does, and
// updates the tree: only bindings that read a changed path re-evaluate, and
// each changed node records dom.Dirty flags (see DirtyNodes).
//
// The whole patch is validated first — path syntax, values of types JSON
// cannot hold, names used as keys of existing arrays — and on any error
// neither the data nor the tree changes. Missing intermediate keys are
// created as JS setData does: an object for a name, an array for an [n];
// writing past an array's end pads it with null.
//
// order, when given, lists the patch's keys in the order the script wrote
// them (a setData call's object): entries apply in that order, as they do
// in JavaScript, so objects the patch creates get their keys in that order
// (what a WXS function enumerating them sees). Keys it does not list apply
// after, like a patch given without order: in key order, so a path applies
// before its extensions ("list" before "list[0].x").
func (tr *Tree) SetData(patch map[string]any, order ...string) error {
	return tr.applyPatch(tr.data, &tr.rootFrame.watch, patch, order)
}

// applyPatch applies a setData patch to data, whose bindings are registered
// in watch: the page's or a component instance's (SetComponentData).
func (tr *Tree) applyPatch(data map[string]any, watch *trie, patch map[string]any, order []string) error {
	if len(patch) == 0 {
		return nil
	}
	entries := tr.patchBuf[:0]
	var errs diag.ErrorList
	var done map[string]bool // keys applied in order (long orders)
	has := func(list []string, k string) bool {
		if done != nil {
			return done[k]
		}
		return slices.Contains(list, k)
	}
	if len(order) > 16 {
		done = make(map[string]bool, len(order))
	}
	for i, k := range order {
		v, ok := patch[k]
		if !ok || has(order[:i], k) {
			continue
		}
		if done != nil {
			done[k] = true
		}
		entries = tr.appendPatchEntry(entries, &errs, k, v)
	}
	rest := len(entries)
	if rest < len(patch) {
		for k, v := range patch {
			if !has(order, k) {
				entries = tr.appendPatchEntry(entries, &errs, k, v)
			}
		}
	}
	slices.SortFunc(entries[rest:], func(a, b patchEntry) int { return strings.Compare(a.key, b.key) })
	for i := range entries {
		if err := checkPatch(data, entries, i); err != nil {
			errs = append(errs, *err)
		}
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b diag.Diagnostic) int { return strings.Compare(a.Pos.File, b.Pos.File) })
		clear(entries)
		tr.patchBuf = entries[:0]
		return errs
	}
	for i := range entries {
		e := &entries[i]
		setPath(data, e.segs, e.value)
		e.path = make([]string, len(e.segs))
		for j, s := range e.segs {
			e.path[j] = s.key
		}
	}
	tr.epoch++
	tr.beginPass()
	for _, e := range entries {
		tr.patchEntry = true
		tr.collect(watch, e.path)
		tr.patchEntry = false
		tr.flush()
	}
	clear(entries)
	tr.patchBuf = entries[:0]
	return nil
}

// appendPatchEntry parses and normalizes one patch entry, appending it or its
// error.
func (tr *Tree) appendPatchEntry(entries []patchEntry, errs *diag.ErrorList, k string, v any) []patchEntry {
	segs, err := parseDataPath(k, nil)
	if err != nil {
		*errs = append(*errs, err.(diag.Diagnostic))
		return entries
	}
	nv, err := NormalizeValue(v, 0)
	if err != nil {
		*errs = append(*errs, diag.Diagnostic{Pos: diag.Pos{File: fmt.Sprintf("setData key %q", k)}, Severity: diag.Error, Msg: err.Error()})
		return entries
	}
	return append(entries, patchEntry{key: k, segs: segs, value: nv})
}

// checkPatch rejects entry i when it would use a name as the key of an
// array, looking at the data as the earlier entries leave it: the walk starts
// from the nearest earlier entry that is a prefix of this one (the last
// write of that part of the data).
func checkPatch(data map[string]any, entries []patchEntry, i int) *diag.Diagnostic {
	e := entries[i]
	var cur any = data
	start := 0
	for j := i - 1; j >= 0; j-- {
		if n := len(entries[j].segs); n < len(e.segs) && segsPrefix(entries[j].segs, e.segs) {
			cur, start = entries[j].value, n
			break
		}
	}
	for k := start; k < len(e.segs); k++ {
		seg := e.segs[k]
		switch c := cur.(type) {
		case map[string]any:
			cur = c[seg.key]
		case *expr.Object:
			cur, _ = c.Get(seg.key)
		case []any:
			n, ok := arrayIndex(seg.key)
			if !ok {
				return &diag.Diagnostic{Pos: diag.Pos{File: fmt.Sprintf("setData key %q", e.key)}, Severity: diag.Error,
					Msg: fmt.Sprintf("%q is an array; %q is not an index", joinSegs(e.segs[:k]), seg.key)}
			}
			if n >= len(c) {
				return nil
			}
			cur = c[n]
		default:
			return nil // replaced by a new container
		}
	}
	return nil
}

func segsPrefix(a, b []pathSeg) bool {
	for i := range a {
		if a[i].key != b[i].key {
			return false
		}
	}
	return true
}

func joinSegs(segs []pathSeg) string {
	var b strings.Builder
	for i, s := range segs {
		if s.index {
			b.WriteString("[" + s.key + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// setPath writes v at segs under data, creating containers on the way.
func setPath(data map[string]any, segs []pathSeg, v any) {
	var parent any = data
	for k, seg := range segs {
		last := k == len(segs)-1
		var next any
		if !last {
			switch c := parent.(type) {
			case map[string]any:
				next = c[seg.key]
			case *expr.Object:
				next, _ = c.Get(seg.key)
			case []any:
				if n, _ := arrayIndex(seg.key); n < len(c) {
					next = c[n]
				}
			}
			if !isContainer(next) {
				if segs[k+1].index {
					next = []any{}
				} else {
					next = expr.NewObject(1)
				}
			}
		} else {
			next = v
		}
		// Write next into parent (arrays may grow: write back through the
		// grandparent, hence the re-set below).
		switch c := parent.(type) {
		case map[string]any:
			c[seg.key] = next
		case *expr.Object:
			c.Set(seg.key, next)
		case []any:
			n, _ := arrayIndex(seg.key)
			if n >= len(c) {
				grown := make([]any, n+1)
				copy(grown, c)
				c = grown
				setPath(data, segs[:k], c)
			}
			c[n] = next
		}
		parent = next
	}
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, *expr.Object, []any:
		return true
	}
	return false
}

// NormalizeValue converts host values into expression values (float64
// numbers, []any, *expr.Object keeping its key order, map[string]any),
// copying containers so the host cannot change page data behind setData's
// back.
func NormalizeValue(v any, depth int) (any, error) {
	if depth > 200 {
		return nil, fmt.Errorf("value nested too deeply")
	}
	switch x := v.(type) {
	case nil, string, bool:
		return x, nil
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case int32:
		return float64(x), nil
	case float32:
		return float64(x), nil
	case uint:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	case json.Number:
		f, err := x.Float64()
		return f, err
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			ne, err := NormalizeValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = ne
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			ne, err := NormalizeValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = ne
		}
		return out, nil
	case *expr.Object:
		out := expr.NewObject(x.Len())
		var err error
		x.Range(func(k string, e any) bool {
			var ne any
			if ne, err = NormalizeValue(e, depth+1); err == nil {
				out.Set(k, ne)
			}
			return err == nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	case expr.Func:
		return x, nil
	}
	if v == expr.Undefined {
		return v, nil
	}
	// Other Go values (typed slices, structs, small ints) go through JSON,
	// the format a host would send anyway.
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Func || rv.Kind() == reflect.Chan || rv.Kind() == reflect.Complex64 || rv.Kind() == reflect.Complex128 {
		return nil, fmt.Errorf("value of type %T cannot be page data", v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("value of type %T cannot be page data: %v", v, err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	if f, ok := out.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
		return nil, fmt.Errorf("value %v cannot be page data", v)
	}
	return out, nil
}
