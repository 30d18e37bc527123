package widgets

// Support is how far Skyline supports a built-in component (spec §4.0).
type Support uint8

const (
	// Full and Basic components render with their own behaviour.
	Full Support = iota
	Basic
	// Native components are platform surfaces (map, video, camera, …) that a
	// software renderer draws as an empty placeholder box.
	Native
	// Unsupported components exist in WeChat but not in Skyline; they render
	// as a plain view with a warning, like unknown tags (spec §8.10).
	Unsupported
)

// Kind groups components by the layout role they play.
type Kind uint8

const (
	Container Kind = iota // lays out children as a flex (or block) box
	TextRoot              // text / span: an inline formatting root (spec §8.3)
	Replaced              // image: intrinsic size from its content
	Scroller              // scroll-view, swiper: clip and scroll children
	Sliver                // list-view, grid-view, sticky-*, builders: speak the sliver contract
	Virtual               // gesture handlers: no box, wrap exactly one child (spec §5.1)
)

// Spec describes one built-in component: what every node of it carries.
type Spec struct {
	Tag     string
	Support Support
	Kind    Kind
}

// Component is one built-in component as a unit: its Spec, its own
// attributes with WeChat's defaults, and its rule in the built-in sheet. A
// component that decides more for itself (image: modes, intrinsic sizing)
// has its own file beside its Component; adding one touches only that file
// and the components list below.
type Component struct {
	Spec
	// Attributes are the component's own attributes with WeChat's
	// defaults (nil: not listed yet; every component also takes the common
	// attributes of spec §1.7).
	Attributes []Attribute
	// DefaultStyle is the declarations of its rule in DefaultStyles ("":
	// Skyline's initial values only).
	DefaultStyle string
	// Sheet holds further rules of the built-in sheet: those for the state
	// classes a Control adds (they follow the component's tag rule).
	Sheet string
	// Control is its behaviour as a form control (control.go): state
	// classes, drawing, taps and drags; nil for other components.
	Control *Control
}

// components are the built-in components that declare their own unit, in
// the order their rules appear in DefaultStyles.
var components = []*Component{&Image, &CoverImage, &Button, &Switch, &Checkbox, &CheckboxGroup,
	&Radio, &RadioGroup, &Slider, &Progress, &Icon, &Label, &Form, &Swiper, &SwiperItem, &Input, &Textarea}

// builtins lists every component of spec §4.0 and §5.1. Structural WXML tags
// (block, template, import, include, wxs, slot) are not components and are
// handled by the engine before it asks here.
var builtins = registry()

func registry() map[string]*Component {
	m := map[string]*Component{}
	add := func(s Support, k Kind, tags ...string) {
		for _, t := range tags {
			m[t] = &Component{Spec: Spec{Tag: t, Support: s, Kind: k}}
		}
	}
	add(Full, Container, "page", "view", "cover-view", "navigator",
		"picker", "rich-text", "root-portal", "share-element",
		"open-container", "nested-scroll-header", "nested-scroll-body",
		"draggable-sheet", "snapshot", "ad", "official-account", "open-data")
	add(Basic, Container, "picker-view", "picker-view-column", "page-container", "page-meta")
	add(Full, TextRoot, "text", "span")
	add(Full, Scroller, "scroll-view")
	add(Full, Sliver, "list-view", "grid-view", "sticky-section", "sticky-header",
		"list-builder", "grid-builder")
	add(Full, Virtual, "tap-gesture-handler", "double-tap-gesture-handler",
		"long-press-gesture-handler", "pan-gesture-handler",
		"horizontal-drag-gesture-handler", "vertical-drag-gesture-handler",
		"scale-gesture-handler", "force-press-gesture-handler")
	add(Native, Replaced, "map", "canvas", "camera", "video", "live-player", "live-pusher", "voip-room")
	add(Unsupported, Container, "editor", "web-view", "movable-area", "movable-view",
		"navigation-bar", "match-media", "keyboard-accessory", "xr-frame")
	for _, c := range components {
		if _, dup := m[c.Tag]; dup {
			panic("widgets: " + c.Tag + " is registered twice")
		}
		m[c.Tag] = c
	}
	return m
}

// Lookup returns the built-in component named tag. ok is false for tags that
// are neither built in nor listed as unsupported: the engine then looks for a
// custom component and otherwise warns (spec §8.10).
func Lookup(tag string) (Spec, bool) {
	if c, ok := builtins[tag]; ok {
		return c.Spec, true
	}
	return Spec{}, false
}

// ComponentOf returns the unit of the built-in component named tag, for
// its attributes and default style (shared: not to be modified); ok as
// for Lookup.
func ComponentOf(tag string) (*Component, bool) {
	c, ok := builtins[tag]
	return c, ok
}
