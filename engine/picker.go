package engine

import (
	"github.com/skyline-go/skyline/widgets"
)

// picker (WeChat's picker component). A tap on a picker asks the host to
// open its bottom sheet (DrainPickers): the columns to choose from and
// the selected row of each. The host draws the sheet over the page and
// answers with the rows chosen (PickerConfirm) or a cancel
// (PickerCancel); the engine then fires change {value} or cancel on the
// picker, with WeChat's value shapes: selector an index, multiSelector an
// array of indexes, time "HH:MM", date "YYYY-MM-DD" (or "YYYY-MM" /
// "YYYY" for fields month / year).

// PickerRequest is one picker to open.
type PickerRequest struct {
	Node    *Node
	Mode    string     // selector, multiSelector, time, date
	Columns [][]string // the rows of each column
	Value   []int      // the selected row of each column
}

// pickerTap queues the picker of the nearest picker element from target up;
// it reports whether there was one.
func (p *Page) pickerTap(target *Node) bool {
	for n := target; n != nil; n = n.Parent() {
		if n.Kind != ElementNode || n.Tag != "picker" {
			continue
		}
		if n.BoolAttr("disabled") {
			return true
		}
		req, err := pickerRequest(n)
		if err != nil {
			p.diags.Warnf(n.Pos, "picker: %v", err)
			return true
		}
		p.ev.pickers = append(p.ev.pickers, req)
		return true
	}
	return false
}

// DrainPickers returns the pickers to open since the last call.
func (p *Page) DrainPickers() []PickerRequest {
	out := p.ev.pickers
	p.ev.pickers = nil
	return out
}

// PickerConfirm closes n's picker with rows chosen (one per column) at
// time t: change {value} fires.
func (p *Page) PickerConfirm(n *Node, rows []int, t float64) {
	if n == nil || n.Dead {
		return
	}
	req, err := pickerRequest(n)
	if err != nil || len(rows) != len(req.Columns) {
		return
	}
	value := widgets.PickerValue(req.Mode, req.Columns, rows)
	p.fireControl(n, "change", map[string]any{"value": value}, t)
}

// PickerCancel closes n's picker without a choice: cancel fires.
func (p *Page) PickerCancel(n *Node, t float64) {
	if n != nil && !n.Dead {
		p.fireControl(n, "cancel", map[string]any{}, t)
	}
}

// pickerRequest reads n's picker (widgets.PickerOf).
func pickerRequest(n *Node) (PickerRequest, error) {
	mode, cols, rows, err := widgets.PickerOf(nodeAttrs{n})
	return PickerRequest{Node: n, Mode: mode, Columns: cols, Value: rows}, err
}
