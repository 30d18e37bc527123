package logic

import (
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/props"
)

// Property types, specs and their coercion are the props package's: the
// renderer coerces attribute values for a component's first frame with the
// same code the runtime uses afterwards (props/doc.go).
type (
	PropType = props.Type
	PropSpec = props.Spec
	// Literal is attribute text written in markup without a binding; see
	// props.Literal.
	Literal = props.Literal
)

// The property types of Component({properties}); PropAny is `type: null`.
const (
	PropAny     = props.Any
	PropString  = props.String
	PropNumber  = props.Number
	PropBoolean = props.Boolean
	PropObject  = props.Object
	PropArray   = props.Array
)

// cloneValue deep-copies a JSON-like value (props.Clone).
func cloneValue(v any) any { return props.Clone(v) }

// normalizeGo turns host Go values into JSON-like forms (props.Normalize).
func normalizeGo(v any) any { return props.Normalize(v) }

// jsString is String(v) for JSON-like values.
func jsString(v any) string { return expr.JSString(v) }
