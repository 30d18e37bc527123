package widgets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/expr"
)

// The picker component's columns and values (spec §4; WeChat's picker):
// the host opens the sheet and fires the events (engine/picker.go, the
// sheet in package app).

// PickerOf reads a picker's mode, its columns (range, range-key; the
// hours and minutes of time; the years from start to end, months and days
// of date, cut by fields) and the selected row of each column (value).
func PickerOf(a Attrs) (mode string, cols [][]string, rows []int, err error) {
	req := struct {
		Mode    string
		Columns [][]string
		Value   []int
	}{Mode: String(a, "mode", "selector")}
	val, _ := a.Attr("value")
	switch req.Mode {
	case "selector":
		col := rangeColumn(attrOf(a, "range"), String(a, "range-key", ""))
		req.Columns = [][]string{col}
		req.Value = []int{clampRow(int(expr.ToNumber(val)), len(col))}
	case "multiSelector":
		cols, _ := attrOf(a, "range").([]any)
		vals, _ := val.([]any)
		for i, c := range cols {
			col := rangeColumn(c, String(a, "range-key", ""))
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
		fmt.Sscanf(expr.ToString(val), "%d:%d", &h, &m)
		req.Value = []int{clampRow(h, 24), clampRow(m, 60)}
	case "date":
		y0, y1 := 1970, 2099
		if s := String(a, "start", ""); len(s) >= 4 {
			y0, _ = strconv.Atoi(s[:4])
		}
		if s := String(a, "end", ""); len(s) >= 4 {
			y1, _ = strconv.Atoi(s[:4])
		}
		if y1 < y0 {
			y1 = y0
		}
		req.Columns = [][]string{numbers(y0, y1, 4), numbers(1, 12, 2), numbers(1, 31, 2)}
		y, mo, d := y0, 1, 1
		fmt.Sscanf(expr.ToString(val), "%d-%d-%d", &y, &mo, &d)
		req.Value = []int{clampRow(y-y0, y1-y0+1), clampRow(mo-1, 12), clampRow(d-1, 31)}
		switch String(a, "fields", "day") {
		case "year":
			req.Columns, req.Value = req.Columns[:1], req.Value[:1]
		case "month":
			req.Columns, req.Value = req.Columns[:2], req.Value[:2]
		}
	default:
		return req.Mode, nil, nil, fmt.Errorf("mode %q is not supported (selector, multiSelector, time, date)", req.Mode)
	}
	return req.Mode, req.Columns, req.Value, nil
}

func attrOf(a Attrs, name string) any {
	v, _ := a.Attr(name)
	return v
}

// PickerValue is change's value for rows chosen in cols, in WeChat's
// shape for mode: selector an index, multiSelector an array of indexes,
// time "HH:MM", date "YYYY-MM-DD" (or "YYYY-MM" / "YYYY").
func PickerValue(mode string, cols [][]string, rows []int) any {
	switch mode {
	case "multiSelector":
		v := make([]any, len(rows))
		for i, r := range rows {
			v[i] = float64(r)
		}
		return v
	case "time", "date":
		parts := make([]string, len(rows))
		for i, r := range rows {
			if r >= 0 && r < len(cols[i]) {
				parts[i] = cols[i][r]
			}
		}
		sep := ":"
		if mode == "date" {
			sep = "-"
		}
		return strings.Join(parts, sep)
	}
	if len(rows) == 0 {
		return 0.0
	}
	return float64(rows[0])
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
