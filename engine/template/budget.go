package template

import (
	"fmt"

	"github.com/skyline-go/skyline/diag"
)

// Page budgets (hostile input). Depth limits alone do not bound a page: two
// templates that each use the other twice expand 2^64 times within a depth
// of 64, and two nested wx:for of 1000 make a million items although each
// loop is far below its own cap. So instantiation also counts, per page:
//
//   - live nodes (elements and text nodes in the tree);
//   - expansions — template calls, includes, component instances and slot
//     fills — made in one pass;
//   - wx:for items made in one pass.
//
// A pass is one Load, one SetData / SetComponentData, or the build of one
// list-builder item. The defaults (DefaultLimits) never stop a real page: a
// 100,000-row list with a few nodes per row stays well inside them.
//
// When a budget is reached, the construct being instantiated (the outermost
// template call, include, component or wx:for in progress) is cut short:
// what it made so far stays, nothing more is made inside it, and a warning
// positioned at it says which budget and where the limit was reached. The
// rest of the page then goes on with a reserve: a tenth of each budget at
// the first cut, half the previous reserve at each further one, so a page of
// many bombs still ends within 1.2 times its budgets. When a reserve would
// be empty, instantiation stops for the rest of the pass (one more warning).

// Limits are the page budgets. Zero fields take DefaultLimits' values.
type Limits struct {
	// Nodes bounds the live nodes of the page (builder items are bounded by
	// the viewport and counted per item).
	Nodes int
	// Expansions bounds the template calls, includes, component instances
	// and slot fills made in one pass.
	Expansions int
	// LoopItems bounds the wx:for items made in one pass (each loop over a
	// number is also capped at 100,000 items on its own).
	LoopItems int
	// ImagePixels bounds the decoded images of the page together (each
	// image is also capped at raster.DefaultMaxPixels): a package of small
	// files that each decode to 40 megapixels would otherwise take
	// gigabytes. An image past it is not drawn (a positioned warning).
	ImagePixels int
}

// DefaultLimits are the budgets of a page loaded without Limits.
var DefaultLimits = Limits{Nodes: 1_000_000, Expansions: 1_000_000, LoopItems: 1_000_000, ImagePixels: 200_000_000}

func (l Limits) WithDefaults() Limits {
	if l.Nodes <= 0 {
		l.Nodes = DefaultLimits.Nodes
	}
	if l.Expansions <= 0 {
		l.Expansions = DefaultLimits.Expansions
	}
	if l.LoopItems <= 0 {
		l.LoopItems = DefaultLimits.LoopItems
	}
	if l.ImagePixels <= 0 {
		l.ImagePixels = DefaultLimits.ImagePixels
	}
	return l
}

type budgetKind uint8

const (
	bNodes budgetKind = iota
	bExpansions
	bLoopItems
)

func (k budgetKind) String() string {
	switch k {
	case bNodes:
		return "nodes"
	case bExpansions:
		return "template/include/component expansions"
	}
	return "wx:for items"
}

// budget is a page's instantiation accounting.
type budget struct {
	lim   Limits
	nodes int // live
	exp   int // this pass
	loops int // this pass

	caps  [3]int // this pass's caps by budgetKind: the limits plus reserves
	trips int    // cuts this pass
	stop  bool   // unwinding to the outermost construct: make nothing
	dead  bool   // the reserves are spent: make nothing more this pass

	depth int // constructs being instantiated
	outer struct {
		pos  diag.Pos
		what string
	}
	trip struct {
		kind budgetKind
		pos  diag.Pos
	}
	// Work is every unit counted since the page was made (nodes,
	// expansions, loop items), for tests that bound work.
	work int64
	// deepWarned marks the call sites whose depth-limit warning was given.
	deepWarned map[*instr]bool
}

// beginPass starts a pass: per-pass counters and the reserve reset.
func (tr *Tree) beginPass() {
	b := &tr.bud
	if b.lim.Nodes == 0 {
		b.lim = b.lim.WithDefaults()
	}
	b.exp, b.loops = 0, 0
	b.caps = [3]int{b.lim.Nodes, b.lim.Expansions, b.lim.LoopItems}
	b.trips = 0
	b.stop, b.dead = false, false
	b.depth = 0
}

// grant adds the next reserve to every cap after a cut; false when the
// reserve of kind k would be empty (the pass must stop).
func (b *budget) grant(k budgetKind) bool {
	b.trips++
	shift := min(b.trips-1, 62)
	base := [3]int{b.lim.Nodes, b.lim.Expansions, b.lim.LoopItems}
	for i := range b.caps {
		b.caps[i] += base[i] / 10 >> shift
	}
	return base[k]/10>>shift > 0
}

// halted reports that instantiation must make nothing now.
func (tr *Tree) halted() bool { return tr.bud.stop || tr.bud.dead }

func (b *budget) limit(k budgetKind) int {
	if b.caps[k] == 0 {
		b.caps = [3]int{b.lim.Nodes, b.lim.Expansions, b.lim.LoopItems}
	}
	return b.caps[k]
}

func (b *budget) count(k budgetKind) *int {
	switch k {
	case bNodes:
		return &b.nodes
	case bExpansions:
		return &b.exp
	}
	return &b.loops
}

// charge charges up to n units of kind k and returns how many may be made:
// n, or fewer when the budget is reached. The caller makes them, then trips
// the budget (tripBudget) when it got fewer.
func (tr *Tree) charge(k budgetKind, n int) int {
	b := &tr.bud
	if b.lim.Nodes == 0 {
		b.lim = b.lim.WithDefaults()
	}
	if tr.halted() {
		return 0
	}
	c := b.count(k)
	allowed := n
	if room := b.limit(k) - *c; room < n {
		allowed = max(room, 0)
	}
	*c += allowed
	b.work += int64(allowed)
	return allowed
}

// take charges one unit of kind k made at pos; false (the budget tripped,
// or instantiation is halted) means it must not be made.
func (tr *Tree) take(k budgetKind, pos diag.Pos) bool {
	if tr.halted() {
		return false
	}
	if tr.charge(k, 1) == 1 {
		return true
	}
	tr.tripBudget(k, pos)
	return false
}

// giveNodes returns n node units (nodes destroyed).
func (tr *Tree) giveNodes(n int) { tr.bud.nodes -= n }

// tripBudget records that budget k was reached at pos.
func (tr *Tree) tripBudget(k budgetKind, pos diag.Pos) {
	b := &tr.bud
	b.trip.kind, b.trip.pos = k, pos
	if b.depth == 0 {
		// Not inside a construct: this element is not made; the rest goes
		// on with the next reserve.
		l := b.limit(k)
		if !b.grant(k) {
			tr.spent(k, pos)
			return
		}
		tr.diags.Warnf(pos, "page budget reached: more than %d %s; this element and its content are not made", l, k)
		return
	}
	b.stop = true
}

// spent stops the pass: the reserves are used up.
func (tr *Tree) spent(k budgetKind, pos diag.Pos) {
	b := &tr.bud
	b.dead = true
	tr.diags.Warnf(pos, "page budget spent: more than %d %s with every reserve; nothing more is made in this update", b.limit(k), k)
}

// enter marks the start of a construct (template call, include, component,
// slot fill, wx:for); exit its end. The outermost construct is what a
// budget cuts.
func (tr *Tree) enter(pos diag.Pos, what string) {
	b := &tr.bud
	if b.depth == 0 {
		b.outer.pos, b.outer.what = pos, what
	}
	b.depth++
}

func (tr *Tree) exit() {
	b := &tr.bud
	b.depth--
	if b.depth > 0 || !b.stop {
		return
	}
	b.stop = false
	l := b.limit(b.trip.kind)
	if !b.grant(b.trip.kind) {
		tr.spent(b.trip.kind, b.trip.pos)
		return
	}
	at := ""
	if b.trip.pos != b.outer.pos {
		at = fmt.Sprintf(" (reached at %s)", b.trip.pos)
	}
	tr.diags.Warnf(b.outer.pos, "page budget reached: more than %d %s; %s is cut short%s, the rest of the page goes on", l, b.trip.kind, b.outer.what, at)
}

// BudgetWork is the number of units (nodes, expansions, loop items)
// instantiation has counted for the page so far: a measure of the work done,
// for tests.
func (tr *Tree) BudgetWork() int64 { return tr.bud.work }
