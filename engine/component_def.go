package engine

// PropType is a component property's declared type (Component({properties}),
// spec §1.8). PropAny is `type: null`: any value is kept as given.
type PropType uint8

const (
	PropAny PropType = iota
	PropString
	PropNumber
	PropBoolean
	PropObject
	PropArray
)

// String returns the type's JavaScript name.
func (t PropType) String() string {
	if int(t) >= len(propTypeNames) {
		return "?"
	}
	return propTypeNames[t]
}

var propTypeNames = [...]string{"null", "String", "Number", "Boolean", "Object", "Array"}

// PropertySpec is one declared property of a component.
type PropertySpec struct {
	// Name is the property name in camelCase; markup sets it through the
	// attribute of the same name or its hyphenated form (myProp / my-prop).
	Name          string
	Type          PropType
	OptionalTypes []PropType
	// Default is the initial value (JSON-like Go value); HasDefault tells a
	// given `value: null` from none. Without one the type's default is used:
	// "" for String, 0 for Number, false for Boolean, [] for Array, null
	// otherwise.
	Default    any
	HasDefault bool
}

// StyleIsolation is a component's styleIsolation option (spec §2.3).
type StyleIsolation uint8

const (
	// IsolationDefault is "not set": the component's .json styleIsolation
	// applies when it has one, else Isolated.
	IsolationDefault StyleIsolation = iota
	Isolated
	ApplyShared
	Shared
)

// ComponentOptions are Component({options}) as far as rendering goes.
type ComponentOptions struct {
	// MultipleSlots enables named slots; without it every <slot> is the
	// default slot and content's slot="…" is ignored.
	MultipleSlots bool
	// VirtualHost: the host node makes no box; the component's nodes are
	// laid out as children of the host's parent (spec §1.8).
	VirtualHost    bool
	StyleIsolation StyleIsolation
	// AddGlobalClass lets page and app class rules style the component's
	// nodes (≈ apply-shared for class selectors).
	AddGlobalClass bool
	// PureDataPattern is a regular expression (Go syntax, which accepts the
	// usual JavaScript patterns such as ^_): matching top-level data fields
	// are not rendered.
	PureDataPattern string
}

// ComponentDef is what the engine must know about a component definition
// before its script runs: its properties (to coerce attribute values), its
// options, external classes and initial data. The host supplies it through
// LoadOptions.Components (a logic layer parses Component({...}); a shell host
// may hard-code it).
type ComponentDef struct {
	Properties      []PropertySpec
	Options         ComponentOptions
	ExternalClasses []string
	// Data is the initial data (properties excluded); copied per instance.
	Data map[string]any
}
