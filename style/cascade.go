package style

import (
	"cmp"
	"slices"
)

// maxInsertionSort is the most matched rules cascade orders by insertion
// sort (quadratic); longer lists are sorted first by slices.SortFunc.
const maxInsertionSort = 32

// rankOf packs what orders two matching rules (spec §2.3 "Cascade"):
// specificity, then origin (app < page < component), then source order.
// Specificity comes before origin because spec §2.2 has the page's wxss
// override app.wxss only "of equal specificity, because it comes later": the
// sheets are author sheets in sequence, as if concatenated. Importance and
// inline style are handled when declarations are emitted (see cascade).
func rankOf(o Origin, s Specificity, order int) uint64 {
	return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(o)<<32 | uint64(uint32(order))
}

// cascade orders the matched rules and fills r.decls lowest precedence
// first, so that ComputeInto, applying them in order, lets the winner
// write last:
//
//  1. normal declarations of matched rules, by rank;
//  2. normal inline declarations (inline beats every selector, spec §2.2);
//  3. !important declarations of matched rules, by rank;
//  4. !important inline declarations.
//
// !important is UNVERIFIED in Skyline (spec §2.2); this is CSS's order for
// author sheets and style attributes, with the app/page/component sheets
// treated as author sheets in that order.
func (r *Resolver) cascade(inline []Declared) {
	m := r.matched
	if len(m) > maxInsertionSort {
		// Hostile pages can match thousands of rules on one element.
		slices.SortFunc(m, func(a, b int32) int { return cmp.Compare(r.rules[a].rank, r.rules[b].rank) })
	}
	// Insertion sort: a node matches a handful of rules, and this keeps the
	// hot path free of sort.Interface boxing.
	for i := 1; i < len(m); i++ {
		v := m[i]
		rank := r.rules[v].rank
		j := i
		for j > 0 && r.rules[m[j-1]].rank > rank {
			m[j] = m[j-1]
			j--
		}
		m[j] = v
	}
	d := r.decls[:0]
	anyImportant := false
	for _, idx := range m {
		decls := r.rules[idx].decls
		for k := range decls {
			if decls[k].Important {
				anyImportant = true
				continue
			}
			d = append(d, &decls[k])
		}
	}
	for k := range inline {
		if inline[k].Important {
			anyImportant = true
			continue
		}
		d = append(d, &inline[k])
	}
	if anyImportant {
		for _, idx := range m {
			decls := r.rules[idx].decls
			for k := range decls {
				if decls[k].Important {
					d = append(d, &decls[k])
				}
			}
		}
		for k := range inline {
			if inline[k].Important {
				d = append(d, &inline[k])
			}
		}
	}
	r.decls = d
}
