package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/expr"
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
	var value any
	switch req.Mode {
	case "multiSelector":
		v := make([]any, len(rows))
		for i, r := range rows {
			v[i] = float64(r)
		}
		value = v
	case "time", "date":
		parts := make([]string, len(rows))
		for i, r := range rows {
			if r >= 0 && r < len(req.Columns[i]) {
				parts[i] = req.Columns[i][r]
			}
		}
		sep := ":"
		if req.Mode == "date" {
			sep = "-"
		}
		value = strings.Join(parts, sep)
	default:
		value = float64(rows[0])
	}
	p.fireControl(n, "change", map[string]any{"value": value}, t)
}

// PickerCancel closes n's picker without a choice: cancel fires.
func (p *Page) PickerCancel(n *Node, t float64) {
	if n != nil && !n.Dead {
		p.fireControl(n, "cancel", map[string]any{}, t)
	}
}

// pickerRequest reads n's mode, range and value into columns.
func pickerRequest(n *Node) (PickerRequest, error) {
	a := nodeAttrs{n}
	req := PickerRequest{Node: n, Mode: widgets.String(a, "mode", "selector")}
	val, _ := n.Attr("value")
	switch req.Mode {
	case "selector":
		col := rangeColumn(attrValue(n, "range"), widgets.String(a, "range-key", ""))
		req.Columns = [][]string{col}
		req.Value = []int{clampRow(int(expr.ToNumber(val.Value)), len(col))}
	case "multiSelector":
		cols, _ := attrValue(n, "range").([]any)
		vals, _ := val.Value.([]any)
		for i, c := range cols {
			col := rangeColumn(c, widgets.String(a, "range-key", ""))
			req.Columns = append(req.Columns, col)
			v := 0
			if i < len(vals) {
				v = int(expr.ToNumber(vals[i]))
			}
			req.Value = append(req.Value, clampRow(v, len(col)))
		}
	case "time":
		req.Columns = [][]string{numbers(0, 23, 2), numbers(0, 59, 2)}
		h, m := 0, 0
		fmt.Sscanf(expr.ToString(val.Value), "%d:%d", &h, &m)
		req.Value = []int{clampRow(h, 24), clampRow(m, 60)}
	case "date":
		y0, y1 := 1970, 2099
		if s := widgets.String(a, "start", ""); len(s) >= 4 {
			y0, _ = strconv.Atoi(s[:4])
		}
		if s := widgets.String(a, "end", ""); len(s) >= 4 {
			y1, _ = strconv.Atoi(s[:4])
		}
		if y1 < y0 {
			y1 = y0
		}
		req.Columns = [][]string{numbers(y0, y1, 4), numbers(1, 12, 2), numbers(1, 31, 2)}
		y, mo, d := y0, 1, 1
		fmt.Sscanf(expr.ToString(val.Value), "%d-%d-%d", &y, &mo, &d)
		req.Value = []int{clampRow(y-y0, y1-y0+1), clampRow(mo-1, 12), clampRow(d-1, 31)}
		switch widgets.String(a, "fields", "day") {
		case "year":
			req.Columns, req.Value = req.Columns[:1], req.Value[:1]
		case "month":
			req.Columns, req.Value = req.Columns[:2], req.Value[:2]
		}
	default:
		return req, fmt.Errorf("mode %q is not supported (selector, multiSelector, time, date)", req.Mode)
	}
	return req, nil
}

func attrValue(n *Node, name string) any {
	a, _ := n.Attr(name)
	return a.Value
}

// rangeColumn is a range as row labels: strings and numbers as they are,
// objects by range-key.
func rangeColumn(v any, key string) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if key != "" {
			switch o := x.(type) {
			case *expr.Object:
				if y, ok := o.Get(key); ok {
					x = y
				}
			case map[string]any:
				x = o[key]
			}
		}
		out = append(out, expr.ToString(x))
	}
	return out
}

func numbers(from, to, width int) []string {
	out := make([]string, 0, to-from+1)
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("%0*d", width, i))
	}
	return out
}

func clampRow(v, n int) int { return min(max(v, 0), max(n-1, 0)) }
