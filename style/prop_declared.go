package style

import "sync/atomic"

import "github.com/skyline-go/skyline/diag"

// Declared is one longhand declaration ready to apply. It is produced once
// when a sheet or inline style is parsed; applying it never re-parses text.
// Values containing var() are kept raw (HasVar) and parsed at cascade time
// after substitution (spec §2.5).
type Declared struct {
	Prop      PropID
	Important bool
	HasVar    bool
	Raw       string // value text (needed when HasVar, and for custom properties)
	Name      string // the declared name (custom properties: "--x"; a shorthand when HasVar came from one)
	Pos       diag.Pos

	v sval // the parsed value; unused when HasVar
	// memo remembers the last var() substitution (see varValue); shared by
	// copies of the declaration, set only when HasVar.
	memo *atomic.Pointer[varMemo]
}

// varMemo is one var() result: the value parsed for a given set of custom
// properties. Elements that inherit the same Vars (all the rows of a list
// under one themed ancestor) reuse it instead of substituting and parsing
// again, which is what makes var() cheap on long lists.
type varMemo struct {
	vars *Vars
	v    sval
	ok   bool
}

// wideKw is a CSS-wide keyword (spec §2.1: inherit / initial / unset).
type wideKw uint8

const (
	wideNone wideKw = iota
	wideInherit
	wideInitial
	wideUnset
)

// sval is a specified value of one longhand. Which fields are used depends on
// the property; ref holds list- or struct-valued data (shadows, transforms,
// images...) that is built once at parse time and shared read-only.
type sval struct {
	wide wideKw
	kw   uint8
	num  float32
	len  slen
	len2 slen
	col  scolor
	ref  any
}
