package app

import (
	"image"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// Pickers as a user works them: a tap opens the bottom sheet over the
// page, a tap on a row selects it, 确定 sends change {value} with WeChat's
// shape to the page's script (an index, "HH:MM", "YYYY-MM-DD"), 取消 or the
// mask sends cancel, and the page takes no touch while the sheet is up.
func TestPickerSheet(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<picker id="p1" mode="selector" range="{{fruits}}" value="{{fi}}" bindchange="onFruit" bindcancel="onCancel"><view class="cell">水果 {{fruits[fi]}}</view></picker>
<picker id="p2" mode="time" value="{{time}}" bindchange="onTime"><view class="cell">时间 {{time}}</view></picker>
<picker id="p3" mode="date" value="{{date}}" start="2020-01-01" end="2030-12-31" bindchange="onDate"><view class="cell">日期 {{date}}</view></picker>
<text>{{log}}</text>`,
		"index.wxss": `.cell { height: 50px; }`,
		"index.js": `Page({
  data: { fruits: ['苹果', '香蕉', '橙子', '葡萄'], fi: 0, time: '09:30', date: '2024-02-15', log: '' },
  onFruit(e) { this.setData({ fi: e.detail.value, log: this.data.log + 'fruit ' + e.detail.value + ';' }) },
  onCancel() { this.setData({ log: this.data.log + 'cancel;' }) },
  onTime(e) { this.setData({ time: e.detail.value, log: this.data.log + 'time ' + e.detail.value + ';' }) },
  onDate(e) { this.setData({ date: e.detail.value, log: this.data.log + 'date ' + e.detail.value + ';' }) },
})`,
	})
	a, err := Open(filepath.Join(dir, "index"), Options{Viewport: engine.Viewport{Width: 375, Height: 667, DPR: 1}, Clock: &logic.ManualClock{}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	tapID := func(id string) {
		t.Helper()
		ps := a.Picker()
		p := ps.page
		if p == nil {
			a.Render(image.NewRGBA(image.Rect(0, 0, 375, 667)))
			p = ps.page
		}
		p.Update()
		var n *engine.Node
		p.Root().Walk(func(m *engine.Node) bool {
			if m.ID() == id {
				n = m
			}
			return n == nil
		})
		if n == nil {
			t.Fatalf("no #%s in the sheet", id)
		}
		x, y, w, h, _ := p.BorderBox(n)
		a.Tap(float64(x+w/2), float64(y+h/2))
	}
	log := func() string {
		d := a.Page().Root().Dump()
		i := strings.LastIndex(d, "text(")
		return d[i:]
	}

	a.Tap(100, 25) // the fruit picker
	ps := a.Picker()
	if ps == nil || ps.Req.Mode != "selector" || strings.Join(ps.Req.Columns[0], ",") != "苹果,香蕉,橙子,葡萄" || ps.Rows[0] != 0 {
		t.Fatalf("sheet %+v", ps)
	}
	a.Render(image.NewRGBA(image.Rect(0, 0, 375, 667)))
	tapID("r0-2")
	tapID("confirm")
	if a.Picker() != nil || !strings.Contains(log(), "fruit 2;") || !strings.Contains(a.Page().Root().Dump(), "水果 橙子") {
		t.Fatalf("after confirm: %s", a.Page().Root().Dump())
	}
	// Cancel through the mask: nothing changes but cancel fires.
	a.Tap(100, 25)
	a.Render(image.NewRGBA(image.Rect(0, 0, 375, 667)))
	a.Tap(187, 20) // the mask above the sheet
	if a.Picker() != nil || !strings.Contains(log(), `"fruit 2;cancel;"`) {
		t.Fatalf("after cancel: %s", log())
	}
	// Time: the hour column starts at 09; pick 11.
	a.Tap(100, 75)
	if ps := a.Picker(); ps == nil || ps.Req.Mode != "time" || ps.Rows[0] != 9 || ps.Rows[1] != 30 {
		t.Fatalf("time sheet %+v", ps)
	}
	tapID("r0-11")
	tapID("confirm")
	if !strings.Contains(log(), "time 11:30;") {
		t.Fatalf("time: %s", log())
	}
	// Date: 2024-02-15 within 2020–2030; pick 2026 and day 20.
	a.Tap(100, 125)
	if ps := a.Picker(); ps == nil || ps.Rows[0] != 4 || ps.Rows[1] != 1 || ps.Rows[2] != 14 {
		t.Fatalf("date sheet %+v", a.Picker())
	}
	tapID("r0-6")
	tapID("r2-16")
	tapID("confirm")
	if !strings.Contains(log(), "date 2026-02-17;") {
		t.Fatalf("date: %s", log())
	}
}
