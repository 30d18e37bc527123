package app

import (
	"image"
	"image/draw"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine"
)

// The picker's bottom sheet (engine/picker.go asks for it): drawn by the
// engine from markup of our own over the window, as the bars are — a
// dimming mask, a header with 取消 (cancel) and 确定 (confirm), and one
// column per picker column showing the rows around the selected one, which
// a tap on a row selects. While it is up the page takes no touches; a tap
// on the mask cancels.

const pickerRows = 5 // rows shown per column: the selected one in the middle

const pickerStyle = `
.mask { position: absolute; left: 0; top: 0; right: 0; bottom: 0; background-color: rgba(0, 0, 0, 0.6); }
.sheet { position: absolute; left: 0; right: 0; bottom: 0; background-color: #ffffff; }
.head { height: 56px; display: flex; flex-direction: row; align-items: center; justify-content: space-between; padding: 0 16px; border-bottom: 0.5px solid #e5e5e5; }
.cancel { font-size: 17px; color: #000000; padding: 8px; }
.confirm { font-size: 17px; color: #ffffff; background-color: #07c160; border-radius: 4px; padding: 6px 16px; }
.cols { display: flex; flex-direction: row; padding: 8px 0 24px; }
.col { flex: 1; display: flex; flex-direction: column; align-items: center; }
.row { height: 44px; line-height: 44px; font-size: 17px; color: #b2b2b2; }
.row.sel { color: #000000; font-weight: 600; }
`

const pickerMarkup = `<view id="mask" class="mask"/>
<view class="sheet">
  <view class="head"><text id="cancel" class="cancel">取消</text><text id="confirm" class="confirm">确定</text></view>
  <view class="cols">
    <view wx:for="{{cols}}" wx:for-item="col" wx:for-index="c" wx:key="c" class="col">
      <text wx:for="{{col}}" wx:key="r" id="r{{c}}-{{item.r}}" class="row {{item.sel ? 'sel' : ''}}">{{item.label}}</text>
    </view>
  </view>
</view>`

// PickerSheet is the picker sheet on screen.
type PickerSheet struct {
	Req  engine.PickerRequest
	Rows []int // the selected row of each column
	page *engine.Page
	img  *image.RGBA // the sheet's frame, kept from frame to frame
}

// Picker returns the picker sheet on screen, nil when none.
func (a *App) Picker() *PickerSheet { return a.picker }

// openPicker puts up the sheet for req.
func (a *App) openPicker(req engine.PickerRequest) {
	a.picker = &PickerSheet{Req: req, Rows: append([]int(nil), req.Value...)}
	a.changed = true
}

// sheetData is the sheet page's data: the rows around each selection.
func (ps *PickerSheet) sheetData() map[string]any {
	cols := make([]any, len(ps.Req.Columns))
	for c, col := range ps.Req.Columns {
		sel := ps.Rows[c]
		from := max(0, min(sel-pickerRows/2, len(col)-pickerRows))
		var rows []any
		for r := from; r < min(len(col), from+pickerRows); r++ {
			rows = append(rows, map[string]any{"r": float64(r), "label": col[r], "sel": r == sel})
		}
		cols[c] = rows
	}
	return map[string]any{"cols": cols}
}

// sheetPage is the sheet drawn for the current selection.
func (a *App) sheetPage() *engine.Page {
	ps := a.picker
	if ps.page == nil {
		p, err := engine.LoadSource(a.pkg, "__chrome__/picker", []byte(pickerMarkup), []byte(pickerStyle), engine.LoadOptions{Data: ps.sheetData()})
		if err != nil {
			return nil
		}
		p.SetTransparent(true)
		ps.page = p
	}
	ps.page.SetViewport(a.opts.Viewport)
	return ps.page
}

// renderPicker draws the sheet over dst.
func (a *App) renderPicker(dst *image.RGBA) {
	p := a.sheetPage()
	if p == nil {
		return
	}
	img := reuse(&a.picker.img, dst.Bounds())
	p.Render(img)
	draw.Draw(dst, dst.Bounds(), img, image.Point{}, draw.Over)
}

// pickerTap handles a tap at window point (x, y) while the sheet is up.
func (a *App) pickerTap(x, y float64) {
	ps := a.picker
	p := a.sheetPage()
	if p == nil {
		return
	}
	p.Update()
	for n := p.HitTest(float32(x), float32(y)); n != nil; n = n.Parent() {
		id := n.ID()
		switch {
		case id == "mask", id == "cancel":
			a.picker = nil
			a.page.PickerCancel(ps.Req.Node, a.now())
			a.changed = true
			a.exchange()
			return
		case id == "confirm":
			a.picker = nil
			a.page.PickerConfirm(ps.Req.Node, ps.Rows, a.now())
			a.changed = true
			a.exchange()
			return
		case strings.HasPrefix(id, "r"):
			c, r, ok := strings.Cut(id[1:], "-")
			ci, err1 := strconv.Atoi(c)
			ri, err2 := strconv.Atoi(r)
			if ok && err1 == nil && err2 == nil && ci < len(ps.Rows) {
				ps.Rows[ci] = ri
				_ = p.SetData(ps.sheetData())
				a.changed = true
			}
			return
		}
	}
}
