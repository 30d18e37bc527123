package engine

import (
	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/engine/template"
)

// The embedding API names the types of the stages it hands out under the
// engine's own names, so a host imports one package.
type (
	// Node is a node of the page tree (package engine/dom).
	Node = dom.Node
	// NodeKind tells element nodes from text nodes.
	NodeKind = dom.NodeKind
	// Attribute is an instantiated attribute.
	Attribute = dom.Attribute
	// Event is one event-binding attribute.
	Event = dom.Event
	// Dirty records what changed on a node since the last ClearDirty.
	Dirty = dom.Dirty

	// Package reads the files of one mini-program package (engine/pkgfs).
	Package = pkgfs.Package
	// Config is app.json merged with the page's json.
	Config = pkgfs.Config
	// Source is one stylesheet read for the page.
	Source = pkgfs.Source

	// Instance is a custom component instance (engine/template).
	Instance = template.Instance
	// InstanceID identifies a component instance within a page (0: the page).
	InstanceID = template.InstanceID
	// InstanceEvent is one component lifecycle event for the logic layer.
	InstanceEvent = template.InstanceEvent
	// ComponentDef is a component's declaration from its script.
	ComponentDef = template.ComponentDef
	// InstanceEventKind says what happened to an instance.
	InstanceEventKind = template.InstanceEventKind
	// ComponentOptions are Component({options}) as far as rendering goes.
	ComponentOptions = template.ComponentOptions
	// StyleIsolation is a component's styleIsolation option (spec §2.3).
	StyleIsolation = template.StyleIsolation
	// PropType and PropertySpec declare component properties.
	PropType     = template.PropType
	PropertySpec = template.PropertySpec
	// Limits are the page budgets.
	Limits = template.Limits
)

// DefaultLimits are the budgets of a page that sets none.
var DefaultLimits = template.DefaultLimits

// NewPackage opens the package rooted at dir (engine/pkgfs).
func NewPackage(dir string) (*Package, error) { return pkgfs.NewPackage(dir) }

// Errors a package read wraps (engine/pkgfs).
var (
	ErrTooLarge   = pkgfs.ErrTooLarge
	ErrNotRegular = pkgfs.ErrNotRegular
)

// Node kinds and dirty bits, under the engine's names.
const (
	ElementNode    = dom.ElementNode
	TextNode       = dom.TextNode
	DirtyText      = dom.DirtyText
	DirtyClass     = dom.DirtyClass
	DirtyStyle     = dom.DirtyStyle
	DirtyAttr      = dom.DirtyAttr
	DirtyStructure = dom.DirtyStructure
	DirtyInserted  = dom.DirtyInserted

	InstanceAttached     = template.InstanceAttached
	InstanceDetached     = template.InstanceDetached
	InstanceMoved        = template.InstanceMoved
	InstancePropsChanged = template.InstancePropsChanged

	IsolationDefault = template.IsolationDefault
	Isolated         = template.Isolated
	ApplyShared      = template.ApplyShared
	Shared           = template.Shared

	PropAny     = template.PropAny
	PropString  = template.PropString
	PropNumber  = template.PropNumber
	PropBoolean = template.PropBoolean
	PropObject  = template.PropObject
	PropArray   = template.PropArray
)
