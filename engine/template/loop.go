package template

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
)

// maxLoopItems bounds a wx:for over a number, so {{1e9}} cannot exhaust memory.
const maxLoopItems = 100000

type iterItem struct {
	index, item any
}

// iterate evaluates a loop's source into (index, item) pairs (spec §1.3):
// arrays by position; objects by key (index = key); strings by character;
// numbers n as 0..n-1 (decision for the UNVERIFIED case, as WebView does:
// item and index are both the counter); anything else gives no items.
//
// Object key order is JavaScript's: integer-like keys ascending, then the
// others in insertion order — the order the script, the object literal or
// the JSON data file wrote them (expr.Object). A host's Go map has no
// insertion order: its other keys are visited in byte order.
func (tr *Tree) iterate(c *ctl) []iterItem {
	tr.evals++
	src := c.in.loop.src.Eval(c.frame)
	items := c.iterBuf[:0]
	switch s := src.(type) {
	case []any:
		for i, e := range s {
			items = append(items, iterItem{float64(i), e})
		}
	case map[string]any, *expr.Object:
		keys, _ := expr.ObjectKeys(s)
		for _, k := range keys {
			v, _ := expr.Field(s, k)
			items = append(items, iterItem{k, v})
		}
	case string:
		i := 0
		for len(s) > 0 {
			r, size := utf8.DecodeRuneInString(s)
			items = append(items, iterItem{float64(i), string(r)})
			s = s[size:]
			i++
		}
	case float64:
		n := math.Floor(s)
		if n > maxLoopItems {
			if !c.warned {
				c.warned = true
				tr.diags.Warnf(c.in.pos, "wx:for over %g: limited to %d items", s, maxLoopItems)
			}
			n = maxLoopItems
		}
		for i := 0; float64(i) < n; i++ {
			items = append(items, iterItem{float64(i), float64(i)})
		}
	}
	c.iterBuf = items
	return items
}

// budgetItems charges a loop's items to the page budget (budget.go) and
// returns how many may be made.
func (tr *Tree) budgetItems(c *ctl, n int) int {
	return tr.charge(bLoopItems, n)
}

// loopWhat names a loop for budget messages.
func loopWhat(c *ctl) string { return "wx:for at " + c.in.pos.String() }

// arrayIndex parses a canonical non-negative integer key ("0", "12", not "01").
func arrayIndex(s string) (int, bool) {
	if s == "" || len(s) > 9 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// keys computes wx:key values (spec §1.3): a property of each item, or the
// item itself for *this; both must be unique strings or numbers. A missing,
// non-scalar or duplicate key is a warning (once per loop) and the list is
// then reconciled by index.
func (tr *Tree) keys(c *ctl, items []iterItem) []any {
	l := c.in.loop
	if l.key == "" {
		return nil
	}
	keys := c.keyVals[:0]
	seen := c.keySet()
	for i, it := range items {
		k, ok := itemKey(l.key, it.item)
		if !ok {
			tr.warnKey(c, "wx:key %q: item %d has no string or number key", l.key, i)
			return nil
		}
		if _, dup := seen[k]; dup {
			tr.warnKey(c, "wx:key %q: duplicate key %v", l.key, expr.ToString(k))
			return nil
		}
		seen[k] = nil
		keys = append(keys, k)
	}
	c.keyVals = keys
	return keys
}

func (c *ctl) keySet() map[any]*region {
	if c.keyBuf == nil {
		c.keyBuf = map[any]*region{}
	}
	clear(c.keyBuf)
	return c.keyBuf
}

func (tr *Tree) warnKey(c *ctl, format string, args ...any) {
	if c.warned {
		return
	}
	c.warned = true
	tr.diags.Warnf(c.in.loop.keyPos, format, args...)
}

func itemKey(key string, item any) (any, bool) {
	v := item
	if key != "*this" {
		if !expr.IsObjectValue(item) {
			return nil, false
		}
		v, _ = expr.Field(item, key)
	}
	switch v.(type) {
	case string, float64:
		return v, true
	}
	return nil, false
}

// instLoop instantiates every item of a loop the first time.
func (tr *Tree) instLoop(c *ctl, after *dom.Node) *dom.Node {
	tr.enter(c.in.pos, loopWhat(c))
	defer tr.exit()
	items := tr.iterate(c)
	n := tr.budgetItems(c, len(items))
	cut := n < len(items)
	items = items[:n]
	keys := tr.keys(c, items)
	c.subs = make([]*region, 0, len(items))
	for i, it := range items {
		if tr.halted() {
			break
		}
		var k any
		if keys != nil {
			k = keys[i]
		}
		s := tr.newItem(c, i, it, k)
		c.subs = append(c.subs, s)
		after = tr.inst(s, c.in.children, s.frame, after, c.depth)
	}
	if cut && !tr.halted() { // (a trip inside already stopped the pass)
		tr.tripBudget(bLoopItems, c.in.pos)
	}
	return after
}

func (tr *Tree) newItem(c *ctl, i int, it iterItem, key any) *region {
	l := c.in.loop
	fr := &frame{parent: c.frame, kind: fLoop, itemName: l.itemName, indexName: l.indexName, item: it.item, index: it.index}
	return &region{parent: c, pos: i, host: c.region.host, frame: fr, key: key, owner: c.region.owner}
}

// fireLoop reacts to a change. A loop over a plain path is registered at
// that path and told the changed sub-path: list.5.title goes straight into
// item 5's own trie (no other item is looked at); only a change of the list
// itself, of its length, or of an item's key reconciles.
func (tr *Tree) fireLoop(c *ctl, rest []string) {
	if !c.in.loop.plain || len(rest) == 0 {
		tr.reconcile(c, true, -1)
		return
	}
	tr.evals++
	switch s := c.in.loop.src.Eval(c.frame).(type) {
	case []any:
		i, ok := arrayIndex(rest[0])
		if !ok {
			return // a named property of an array is not an item
		}
		if len(s) != len(c.subs) || i >= len(s) {
			tr.reconcile(c, false, i)
			return
		}
		sub := c.subs[i]
		if key := c.in.loop.key; key != "" && (len(rest) == 1 || rest[1] == key) {
			if k, ok := itemKey(key, s[i]); !ok || sub.key == nil || k != sub.key {
				tr.reconcile(c, false, i)
				return
			}
		}
		tr.forwardItem(sub, s[i], rest[1:])
	case map[string]any, *expr.Object:
		var sub *region
		for _, r := range c.subs {
			if r.frame.index == rest[0] {
				sub = r
				break
			}
		}
		v, exists := expr.Field(s, rest[0])
		if sub == nil || !exists || expr.ObjectLen(s) != len(c.subs) {
			tr.reconcile(c, false, -1)
			return
		}
		tr.forwardItem(sub, v, rest[1:])
	default:
		tr.reconcile(c, true, -1)
	}
}

func (tr *Tree) forwardItem(sub *region, item any, rest []string) {
	sub.frame.item = item
	if len(rest) == 0 {
		tr.collectAll(&sub.frame.watch)
		return
	}
	tr.collect(&sub.frame.watch, rest)
}

// reconcile re-evaluates the loop source and matches items to the existing
// ones: by key when wx:key is given and valid (moves keep node identity),
// else by index. Unmatched old items are destroyed, new ones instantiated,
// and kept items moved into order. fireAll re-runs every kept item's
// bindings (its value may have changed in place); otherwise only items
// whose value changed identity, or touched, are re-run, and items whose
// index changed re-run their index bindings.
func (tr *Tree) reconcile(c *ctl, fireAll bool, touched int) {
	tr.enter(c.in.pos, loopWhat(c))
	defer tr.exit()
	items := tr.iterate(c)
	n := tr.budgetItems(c, len(items))
	cut := n < len(items)
	items = items[:n]
	keys := tr.keys(c, items)
	old := c.subs
	subs := make([]*region, len(items))
	if keys != nil {
		byKey := c.keySet()
		for _, s := range old {
			if s.key != nil {
				byKey[s.key] = s
			}
		}
		for i, k := range keys {
			if s, ok := byKey[k]; ok {
				subs[i] = s
				s.pos = -1
				delete(byKey, k)
			}
		}
	} else {
		for i := 0; i < len(old) && i < len(items); i++ {
			subs[i] = old[i]
			old[i].pos = -1
		}
	}
	for _, s := range old {
		if s.pos >= 0 {
			tr.destroy(s, true)
		}
	}
	host := c.region.host
	cursor := c.prevNode()
	for i, it := range items {
		var key any
		if keys != nil {
			key = keys[i]
		}
		s := subs[i]
		if s == nil {
			if tr.halted() {
				continue // the budget stopped instantiation: the item is not made
			}
			s = tr.newItem(c, i, it, key)
			subs[i] = s
			cursor = tr.inst(s, c.in.children, s.frame, cursor, c.depth)
			continue
		}
		s.pos, s.key = i, key
		fr := s.frame
		indexChanged := !expr.Same(fr.index, it.index)
		valueChanged := fireAll || i == touched || !expr.Same(fr.item, it.item)
		fr.index, fr.item = it.index, it.item
		tr.nodeBuf = s.topNodes(tr.nodeBuf[:0])
		for _, n := range tr.nodeBuf {
			next := host.FirstChild()
			if cursor != nil {
				next = cursor.NextSibling()
			}
			if next != n {
				dom.Unlink(n)
				dom.InsertAfter(host, cursor, n)
				tr.markDirty(host, dom.DirtyStructure)
				tr.moved(n)
			}
			cursor = n
		}
		switch {
		case valueChanged:
			tr.collectAll(&fr.watch)
		case indexChanged:
			tr.collect(&fr.watch, indexPath)
		}
	}
	clear(tr.nodeBuf)
	if tr.halted() {
		subs = slices.DeleteFunc(subs, func(s *region) bool { return s == nil })
		for i, s := range subs {
			s.pos = i
		}
	}
	c.subs = subs
	if cut && !tr.halted() { // (a trip inside already stopped the pass)
		tr.tripBudget(bLoopItems, c.in.pos)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
