package template

import (
	"maps"

	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/props"
)

// coerceAttr converts an attribute value given to property ps to its
// declared type (props.Spec.Coerce, glass-easel's rules): a literal
// attribute is its text, a bound one keeps its value.
func coerceAttr(ps *PropertySpec, a dom.Attribute) (any, string) {
	if !a.Bound {
		return ps.Coerce(props.Literal(attrString(a.Value)))
	}
	return ps.Coerce(a.Value)
}

// initialData is a new instance's data: the definition's data (copied),
// then every property's default.
func (d *compDef) initialData() map[string]any {
	data := map[string]any{}
	if d.def.Data != nil {
		if v, err := NormalizeValue(d.def.Data, 0); err == nil {
			maps.Copy(data, v.(map[string]any))
		}
	}
	for i := range d.def.Properties {
		ps := &d.def.Properties[i]
		data[ps.Name] = ps.DefaultValue()
	}
	return data
}
