package expr

import (
	"slices"
	"strings"
)

// collectDeps appends the data paths n reads. A path stops at the first
// dynamic index (a[i].c reads a, and i on its own), since which key is read
// depends on data; loop variables are reported like any root and left to the
// engine to filter.
func collectDeps(n node, out []Path) []Path {
	switch x := n.(type) {
	case *pathNode:
		p := make(Path, 0, 1+len(x.keys))
		p = append(p, x.root)
		for _, k := range x.keys {
			p = append(p, k.name)
		}
		return append(out, p)
	case *memberNode:
		return collectDeps(x.obj, out)
	case *indexNode:
		return collectDeps(x.index, collectDeps(x.obj, out))
	case *callNode:
		out = collectDeps(x.fn, out)
		for _, a := range x.args {
			out = collectDeps(a.x, out)
		}
	case *concatNode:
		for _, p := range x.parts {
			out = collectDeps(p, out)
		}
	case *addChain:
		for _, p := range x.parts {
			out = collectDeps(p, out)
		}
	case *arrayNode:
		for _, e := range x.elems {
			out = collectDeps(e.x, out)
		}
	case *objectNode:
		for _, p := range x.props {
			out = collectDeps(p.x, out)
		}
	case *computedEntry:
		return collectDeps(x.v, collectDeps(x.k, out))
	case *unaryNode:
		return collectDeps(x.x, out)
	case *binaryNode:
		return collectDeps(x.r, collectDeps(x.l, out))
	case *logicalNode:
		return collectDeps(x.r, collectDeps(x.l, out))
	case *condNode:
		return collectDeps(x.no, collectDeps(x.yes, collectDeps(x.cond, out)))
	}
	return out
}

// uniquePaths removes repeated paths, keeping the first of each in order.
// Short lists compare directly; long ones (a binding naming thousands of
// paths) go through a set, so the cost stays linear.
func uniquePaths(ps []Path) []Path {
	if len(ps) <= 16 {
		out := ps[:0]
		for _, p := range ps {
			if !slices.ContainsFunc(out, func(q Path) bool { return slices.Equal(q, p) }) {
				out = append(out, p)
			}
		}
		return out
	}
	seen := make(map[string]struct{}, len(ps))
	out := ps[:0]
	for _, p := range ps {
		k := strings.Join(p, "\x00")
		if _, dup := seen[k]; dup {
			continue
		}
		seen[k] = struct{}{}
		out = append(out, p)
	}
	return out
}
