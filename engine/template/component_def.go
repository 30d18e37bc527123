package template

import "github.com/skyline-go/skyline/props"

// PropType and PropertySpec are the props package's: one implementation of
// property types, defaults and coercion serves the renderer's first frame
// and the logic layer (props/doc.go).
type (
	PropType     = props.Type
	PropertySpec = props.Spec
)

// The property types (Component({properties}) type: ...).
const (
	PropAny     = props.Any
	PropString  = props.String
	PropNumber  = props.Number
	PropBoolean = props.Boolean
	PropObject  = props.Object
	PropArray   = props.Array
)

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
