package core

import (
	"fmt"
	"image"
	"strconv"
)

// The console panel is drawn by the engine itself, as the toasts are
// (ui.go): a small page of its own laid out at the window's width, so
// messages in Chinese render with the bundled fonts. The window draws the
// image this returns over the bottom of the frame, never into it.

const consoleWXML = `<view id="panel">
  <view class="head">
    <text class="sum">{{summary}}</text>
    <text class="keys">{{keys}}</text>
    <view id="close" class="close"><text class="x">×</text></view>
  </view>
  <view id="body" class="body" style="{{bodyStyle}}">
    <view id="list" style="margin-top: {{-scroll}}px">
      <view wx:for="{{entries}}" wx:key="k" class="entry {{item.level}}">
        <view class="line1">
          <text class="mark">{{item.mark}}</text>
          <text class="msg">{{item.msg}}</text>
          <text wx:if="{{item.count > 1}}" class="count">×{{item.count}}</text>
        </view>
        <text wx:if="{{item.pos}}" class="pos">{{item.pos}}</text>
        <view wx:if="{{item.ex}}" class="ex">
          <text class="ln">{{item.ln}}</text>
          <text class="src">{{item.before}}<text class="at">{{item.at}}</text>{{item.after}}</text>
        </view>
      </view>
    </view>
  </view>
</view>
`

const consoleWXSS = `page { background-color: rgba(24, 24, 24, 0.94); }
#panel { align-items: stretch; }
.head { flex-direction: row; align-items: center; height: 24px; padding: 0 4px 0 8px;
  background-color: #333; border-bottom: 1px solid #555; }
.sum { color: #eee; font-size: 12px; font-weight: 700; }
.keys { flex: 1; color: #999; font-size: 10px; margin-left: 8px; }
.close { width: 24px; height: 22px; align-items: center; justify-content: center; }
.x { color: #ddd; font-size: 16px; }
.body { overflow: hidden; }
.entry { padding: 3px 8px 4px 8px; border-bottom: 1px solid #3a3a3a; }
.entry.error { background-color: #3b1f1f; }
.entry.warning { background-color: #3a3218; }
.line1 { flex-direction: row; }
.mark { width: 14px; font-size: 12px; line-height: 16px; font-weight: 700; color: #aaa; }
.error .mark { color: #ff6b6b; }
.warning .mark { color: #f9c846; }
.msg { flex: 1; color: #e8e8e8; font-size: 12px; line-height: 16px; overflow-wrap: break-word; }
.error .msg { color: #ffb3b3; }
.warning .msg { color: #fbe3a0; }
.count { align-self: flex-start; margin-left: 6px; padding: 0 4px; border-radius: 6px; background-color: #555; color: #fff; font-size: 10px; line-height: 14px; }
.pos { margin-left: 14px; color: #8ab4f8; font-size: 10px; line-height: 14px; word-break: break-all; }
.ex { flex-direction: row; margin: 2px 0 0 14px; padding: 1px 4px; background-color: #111; border-radius: 2px; }
.ln { color: #777; font-size: 10px; line-height: 14px; margin-right: 6px; }
.src { flex: 1; color: #bbb; font-size: 10px; line-height: 14px; word-break: break-all; }
.at { color: #ff8a80; text-decoration: underline; }
`

// ConsoleShare is the most of the window's height the panel takes.
const ConsoleShare = 0.45

// ConsoleKeys is the panel's key hint.
const ConsoleKeys = "C hide · wheel scrolls"

// ConsoleView renders the console panel; made on first use.
type ConsoleView struct {
	mini miniPage
	// Scroll is the list's scroll offset in CSS px (the wheel moves it).
	Scroll float32
	key    string
	img    *image.RGBA
	// H is the panel's height in CSS px at the last Render; maxScroll is
	// how far the list scrolls.
	H         float32
	maxScroll float32
}

// Render draws entries as the panel for dev: an image of the window's width
// (device px) and the panel's height, which is its content's height up to
// ConsoleShare of the window. The same entries, device and scroll give the
// same image without rendering again.
func (v *ConsoleView) Render(entries []Entry, dev Device) (*image.RGBA, error) {
	if err := v.mini.ensure("console", consoleWXML, consoleWXSS, consoleData(nil)); err != nil {
		return nil, err
	}
	// Session.Console hands the same slice until its entries change.
	key := fmt.Sprintf("%p/%d/%v/%v", entries, len(entries), dev, v.Scroll)
	if key == v.key && v.img != nil {
		return v.img, nil
	}
	maxH := float32(int(dev.Height * ConsoleShare))
	img, maxScroll, err := v.mini.renderScrolled(consoleData(entries), dev, maxH, &v.Scroll)
	if err != nil {
		return nil, err
	}
	v.img, v.maxScroll, v.H = img, maxScroll, float32(img.Rect.Dy())/dev.DPR
	v.key = fmt.Sprintf("%p/%d/%v/%v", entries, len(entries), dev, v.Scroll)
	return v.img, nil
}

// ScrollBy moves the list by dy CSS px; it reports whether it moved.
func (v *ConsoleView) ScrollBy(dy float32) bool {
	s := min(max(v.Scroll+dy, 0), v.maxScroll)
	if s == v.Scroll {
		return false
	}
	v.Scroll = s
	return true
}

// OnClose reports whether (x, y), CSS px from the panel's top left, is on
// its close button.
func (v *ConsoleView) OnClose(x, y float32) bool { return v.mini.hits("close", x, y) }

// Close removes the panel page's files.
func (v *ConsoleView) Close() {
	v.mini.close()
	*v = ConsoleView{}
}

// consoleData is the panel page's data for entries.
func consoleData(entries []Entry) map[string]any {
	list := make([]any, len(entries))
	for i, e := range entries {
		mark := "·"
		switch e.Level {
		case LevelError:
			mark = "×"
		case LevelWarning:
			mark = "!"
		case LevelInfo:
			mark = "i"
		}
		msg := e.Msg
		if e.Console {
			msg = "console." + consoleMethod(e.Level) + ": " + msg
		}
		pos := ""
		if e.Pos.File != "" {
			pos = e.Pos.String()
		}
		list[i] = map[string]any{
			"k": strconv.Itoa(i), "level": e.Level, "mark": mark, "msg": msg, "count": e.Count, "pos": pos,
			"ex": e.Excerpt.Line > 0, "ln": strconv.Itoa(e.Excerpt.Line),
			"before": e.Excerpt.Before, "at": e.Excerpt.At, "after": e.Excerpt.After,
		}
	}
	return map[string]any{"entries": list, "summary": ConsoleSummary(entries), "keys": ConsoleKeys}
}

func consoleMethod(level string) string {
	if level == LevelWarning {
		return "warn"
	}
	return level
}
