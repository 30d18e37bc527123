package widgets

// AttrType is the type of a built-in component's attribute, as WeChat's
// documentation gives it.
type AttrType uint8

const (
	AttrString AttrType = iota
	AttrBool
	AttrNumber
)

// Attribute is one attribute of a built-in component with WeChat's default,
// written as the attribute text that means it ("false", "0", "scaleToFill").
type Attribute struct {
	Name    string
	Type    AttrType
	Default string
}
