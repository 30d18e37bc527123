package widgets

// The label component: a tap on it (outside any control it holds) acts on
// its control — the one whose id its for attribute names, else the first
// switch, checkbox or radio inside it — as a tap on that control would:
// toggling a checkbox or switch, selecting a radio. A tap on a control
// inside the label acts on that control once. The host walks the tree;
// the label draws nothing.

// Label is the label component's unit.
var Label = Component{
	Spec:       Spec{Tag: "label", Support: Full, Kind: Container},
	Attributes: []Attribute{{Name: "for", Type: AttrString, Default: ""}},
	Control:    &Control{Kind: ControlLabel},
}

// LabelTarget reports whether a control of kind k is one a label acts on.
func LabelTarget(k ControlKind) bool {
	return k == ControlSwitch || k == ControlCheckbox || k == ControlRadio
}
