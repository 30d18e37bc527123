package widgets

// The form component. A tap on a button with form-type="submit" inside it
// fires the form's submit event with detail {value: {name: value}} over
// every control inside it that has a name attribute: a switch's checked
// (bool), a checkbox-group's checked values ([]string, document order), a
// radio-group's checked value (string, "" when none), a slider's value
// (number), an input or textarea's value (string, its value attribute) and
// a picker's value (its value attribute). form-type="reset" puts every
// control back to its attributes and fires reset with detail {}. The host
// walks the tree; FormValue says what one control contributes.

// Form is the form component's unit.
var Form = Component{
	Spec: Spec{Tag: "form", Support: Full, Kind: Container},
	Attributes: []Attribute{
		{Name: "report-submit", Type: AttrBool, Default: "false"},
		{Name: "report-submit-timeout", Type: AttrNumber, Default: "0"},
	},
	Control: &Control{Kind: ControlForm},
}

// FormValue is what a named control of tag contributes to a submit, given
// its state and, for groups, the values of their checked members in
// document order; ok is false for an element that contributes nothing.
func FormValue(tag string, a Attrs, s *State, checked []string) (v any, ok bool) {
	switch tag {
	case "switch":
		return s.Checked, true
	case "slider":
		return s.Value, true
	case "checkbox-group":
		if checked == nil {
			checked = []string{}
		}
		return checked, true
	case "radio-group":
		if len(checked) > 0 {
			return checked[0], true
		}
		return "", true
	case "input", "textarea", "picker", "picker-view":
		v, _ := a.Attr("value")
		if v == nil {
			v = ""
		}
		return v, true
	}
	return nil, false
}
