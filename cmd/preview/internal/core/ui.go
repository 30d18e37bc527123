package core

import (
	"fmt"
	"image"
	"os"
	"path/filepath"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/engine"
)

// The page's wx.showToast / showModal are system UI over the page. The
// preview draws them with the engine itself — a small page of its own,
// laid out at the device's size — so Chinese titles render with the same
// fonts as the page (the overlay's debug font is Latin-1 only). The panel
// is cut out of that render with its rounded corners and composed over the
// frame; a modal also dims the page, as WeChat's mask does.

const uiWXML = `<view wx:if="{{toast}}" id="panel" class="toast {{icon === 'none' ? 'plain' : ''}}">
  <view wx:if="{{icon === 'success'}}" class="check"/>
  <view wx:if="{{icon === 'error'}}" class="bang"><text class="bang-text">!</text></view>
  <view wx:if="{{icon === 'loading'}}" class="spinner"/>
  <text class="toast-title">{{title}}</text>
</view>
<view wx:if="{{modal}}" id="panel" class="modal">
  <text wx:if="{{title}}" class="modal-title">{{title}}</text>
  <text wx:if="{{content}}" class="modal-content">{{content}}</text>
  <view class="buttons">
    <view wx:if="{{showCancel}}" id="cancel" class="btn cancel">{{cancelText}}</view>
    <view id="confirm" class="btn confirm">{{confirmText}}</view>
  </view>
</view>
`

const uiWXSS = `page { align-items: center; justify-content: center; background: #fff; }
.toast { width: 136px; min-height: 136px; padding: 16px 12px; border-radius: 12px;
  background: #4c4c4c; align-items: center; justify-content: center; }
.toast.plain { width: auto; min-height: 0; max-width: 240px; padding: 10px 16px; border-radius: 8px; }
.toast-title { color: #fff; font-size: 16px; text-align: center; line-height: 1.4; }
.check { width: 18px; height: 34px; margin-bottom: 16px; border-right: 4px solid #fff;
  border-bottom: 4px solid #fff; transform: rotate(45deg); }
.bang { width: 40px; height: 40px; margin-bottom: 12px; border: 3px solid #fff; border-radius: 20px;
  align-items: center; justify-content: center; }
.bang-text { color: #fff; font-size: 24px; font-weight: 700; }
.spinner { width: 36px; height: 36px; margin-bottom: 12px; border-radius: 18px;
  border: 4px solid rgba(255, 255, 255, 0.3); border-top-color: #fff; }
.modal { width: 300px; border-radius: 12px; background: #fff; align-items: stretch; padding-top: 28px; }
.modal-title { padding: 0 24px; font-size: 17px; font-weight: 700; text-align: center; color: #000; }
.modal-content { padding: 8px 24px 0; font-size: 16px; line-height: 1.5; text-align: center; color: #808080; }
.buttons { margin-top: 28px; height: 56px; flex-direction: row; border-top: 1px solid #e5e5e5; }
.btn { flex: 1; align-items: center; justify-content: center; font-size: 17px; font-weight: 600; }
.cancel { color: #000; border-right: 1px solid #e5e5e5; }
.confirm { color: #576b95; }
`

// uiRadius is the panels' corner radius in CSS px (both 12; a plain toast
// is 8, close enough to cut at 8).
const uiRadius = 12

// uiOverlay is the session's toast/modal renderer, made on first use.
type uiOverlay struct {
	dir     string
	page    *engine.Page
	key     string
	scratch *image.RGBA
	shown   bool // the last compose drew a panel
}

// compose draws the toast or modal (the modal wins) over the frame in dst.
func (u *uiOverlay) compose(dst *image.RGBA, dev Device, t *app.Toast, m *app.Modal) {
	u.shown = false
	if t == nil && m == nil {
		return
	}
	data := map[string]any{"toast": false, "modal": false}
	radius := float32(uiRadius)
	switch {
	case m != nil:
		data["modal"] = true
		data["title"], data["content"], data["showCancel"] = m.Title, m.Content, m.ShowCancel
		data["confirmText"], data["cancelText"] = m.ConfirmText, m.CancelText
	default:
		data["toast"] = true
		data["title"], data["icon"] = t.Title, t.Icon
		if t.Icon == "none" {
			radius = 8
		}
	}
	if err := u.ensure(); err != nil {
		fmt.Fprintln(os.Stderr, "preview: toast/modal:", err)
		return
	}
	if key := fmt.Sprint(data); key != u.key {
		u.key = key
		if err := u.page.SetData(data); err != nil {
			fmt.Fprintln(os.Stderr, "preview: toast/modal:", err)
			return
		}
	}
	u.page.SetViewport(dev.Viewport(false))
	if u.scratch == nil || u.scratch.Rect != dst.Rect {
		u.scratch = image.NewRGBA(dst.Rect)
	}
	u.page.Render(u.scratch)
	panel := u.find("panel")
	if panel == nil {
		return
	}
	x, y, w, h, ok := u.page.BorderBox(panel)
	if !ok {
		return
	}
	if m != nil {
		dim(dst)
	}
	s := dev.DPR
	cut(dst, u.scratch, x*s, y*s, w*s, h*s, radius*s)
	u.shown = true
}

// ensure writes the UI page to a private directory and loads it.
func (u *uiOverlay) ensure() error {
	if u.page != nil {
		return nil
	}
	dir, err := os.MkdirTemp("", "skyline-preview-ui-")
	if err != nil {
		return err
	}
	for name, src := range map[string]string{"index.wxml": uiWXML, "index.wxss": uiWXSS} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			os.RemoveAll(dir)
			return err
		}
	}
	p, err := engine.Load(dir, engine.LoadOptions{Data: map[string]any{"toast": false, "modal": false}})
	if err != nil {
		os.RemoveAll(dir)
		return err
	}
	u.dir, u.page = dir, p
	return nil
}

func (u *uiOverlay) close() {
	if u.dir != "" {
		os.RemoveAll(u.dir)
	}
	*u = uiOverlay{}
}

func (u *uiOverlay) find(id string) *engine.Node {
	var out *engine.Node
	u.page.Root().Walk(func(n *engine.Node) bool {
		if out == nil && n.Kind == engine.ElementNode && n.ID() == id {
			out = n
		}
		return out == nil
	})
	return out
}

// modalButton reports which modal button is at (x, y) CSS px, as last
// drawn.
func (u *uiOverlay) modalButton(x, y float32) (confirm, ok bool) {
	if u.page == nil || !u.shown {
		return false, false
	}
	for n := u.page.HitTest(x, y); n != nil; n = n.Parent() {
		switch n.ID() {
		case "confirm":
			return true, true
		case "cancel":
			return false, true
		}
	}
	return false, false
}

// dim darkens the frame as the modal's mask (black at 60 % opacity).
func dim(dst *image.RGBA) {
	for i := 0; i+4 <= len(dst.Pix); i += 4 {
		for c := range 3 {
			dst.Pix[i+c] = uint8(uint16(dst.Pix[i+c]) * 2 / 5)
		}
	}
}

// cut copies the rounded rectangle (x, y, w, h, radius r; device px) of src
// into dst. Corner pixels whose centres fall outside the arc keep dst.
func cut(dst, src *image.RGBA, x, y, w, h, r float32) {
	b := dst.Rect
	x0, y0 := max(int(x), b.Min.X), max(int(y), b.Min.Y)
	x1, y1 := min(int(x+w+0.999), b.Max.X), min(int(y+h+0.999), b.Max.Y)
	for py := y0; py < y1; py++ {
		for px := x0; px < x1; px++ {
			cx, cy := float32(px)+0.5, float32(py)+0.5
			dx := max(x+r-cx, cx-(x+w-r), 0)
			dy := max(y+r-cy, cy-(y+h-r), 0)
			if dx*dx+dy*dy > r*r {
				continue
			}
			i := dst.PixOffset(px, py)
			copy(dst.Pix[i:i+4], src.Pix[i:i+4])
		}
	}
}
