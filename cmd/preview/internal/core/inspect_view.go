package core

import (
	"fmt"
	"image"
	"strconv"
	"strings"
)

// The inspector panel, drawn by the engine as the console is
// (console_view.go).

const inspectWXML = `<view id="panel">
  <view class="head">
    <text class="sel">{{sel}}</text>
    <text class="hint">{{hint}}</text>
  </view>
  <view id="body" class="body" style="{{bodyStyle}}">
    <view id="list" style="margin-top: {{-scroll}}px">
      <view class="crumbs"><text wx:for="{{crumbs}}" wx:key="*this" id="crumb-{{index}}" class="crumb {{index === crumbs.length - 1 ? 'cur' : ''}}">{{item}}</text></view>
      <view class="tree"><text wx:for="{{tree}}" wx:key="k" id="row-{{index}}" class="row {{item.cur ? 'cur' : ''}}" style="padding-left: {{item.depth * 10}}px">{{item.label}}</text></view>
      <text class="where">{{where}}</text>
      <text class="box">{{box}}</text>
      <text class="computed">{{computed}}</text>
      <view wx:for="{{rules}}" wx:key="k" class="rule">
        <text class="decl">{{item.decl}}</text>
        <text class="src">{{item.src}}</text>
      </view>
      <text wx:if="{{!rules.length}}" class="none">{{none}}</text>
    </view>
  </view>
</view>
`

const inspectWXSS = `page { background-color: rgba(16, 24, 40, 0.94); }
.head { flex-direction: row; align-items: center; min-height: 22px; padding: 2px 8px;
  background-color: #1f3354; border-bottom: 1px solid #456; }
.sel { flex: 1; color: #f5a3e0; font-size: 12px; font-weight: 700; overflow-wrap: break-word; }
.hint { color: #8899aa; font-size: 10px; margin-left: 6px; }
.body { overflow: hidden; }
#list { padding: 3px 8px 4px 8px; }
.crumbs { flex-direction: row; flex-wrap: wrap; }
.crumb { color: #9aa5b1; font-size: 10px; line-height: 14px; margin-right: 8px; }
.crumb.cur { color: #f5a3e0; }
.tree { margin: 2px 0; border-top: 1px solid #2a3850; border-bottom: 1px solid #2a3850; }
.row { color: #9aa5b1; font-size: 10px; line-height: 13px; }
.row.cur { color: #f5a3e0; background-color: rgba(245, 163, 224, 0.12); }
.where { color: #8ab4f8; font-size: 10px; line-height: 14px; word-break: break-all; }
.box { color: #ffd28a; font-size: 10px; line-height: 14px; }
.computed { color: #c8d0d8; font-size: 10px; line-height: 14px; margin-bottom: 2px; }
.rule { flex-direction: row; border-top: 1px solid #2a3850; }
.decl { flex: 1; color: #e8e8e8; font-size: 10px; line-height: 14px; word-break: break-all; }
.src { margin-left: 6px; color: #8ab4f8; font-size: 10px; line-height: 14px; max-width: 50%; word-break: break-all; text-align: right; }
.none { color: #999; font-size: 10px; line-height: 14px; }
`

// InspectShare is the most of the window's height the inspector panel takes.
const InspectShare = 0.4

// InspectHint is the panel's key hint.
const InspectHint = "I off · click pins · arrows walk the tree"

// InspectView renders the inspector panel.
type InspectView struct {
	mini      miniPage
	Scroll    float32
	maxScroll float32
	key       string
	img       *image.RGBA
}

// Render draws info as the panel for dev (device px, window wide).
func (v *InspectView) Render(info NodeInfo, dev Device) (*image.RGBA, error) {
	if err := v.mini.ensure("inspector", inspectWXML, inspectWXSS, inspectData(NodeInfo{})); err != nil {
		return nil, err
	}
	data := inspectData(info)
	key := fmt.Sprintf("%v/%v/%v", data, dev, v.Scroll)
	if key == v.key && v.img != nil {
		return v.img, nil
	}
	img, maxScroll, err := v.mini.renderScrolled(data, dev, float32(int(dev.Height*InspectShare)), &v.Scroll)
	if err != nil {
		return nil, err
	}
	v.img, v.maxScroll = img, maxScroll
	v.key = fmt.Sprintf("%v/%v/%v", inspectData(info), dev, v.Scroll)
	return img, nil
}

// ScrollBy moves the panel's content by dy CSS px; it reports whether it
// moved.
func (v *InspectView) ScrollBy(dy float32) bool {
	s := min(max(v.Scroll+dy, 0), v.maxScroll)
	if s == v.Scroll {
		return false
	}
	v.Scroll = s
	return true
}

// Crumb reports which breadcrumb (an index into NodeInfo.Crumbs) is at
// (x, y), CSS px from the panel's top left.
func (v *InspectView) Crumb(x, y float32) (int, bool) {
	if v.mini.page == nil {
		return 0, false
	}
	for n := v.mini.page.HitTest(x, y); n != nil; n = n.Parent() {
		if i, ok := strings.CutPrefix(n.ID(), "crumb-"); ok {
			k, err := strconv.Atoi(i)
			return k, err == nil
		}
	}
	return 0, false
}

// Row reports which tree-view row (an index into NodeInfo.Tree) is at
// (x, y), CSS px from the panel's top left.
func (v *InspectView) Row(x, y float32) (int, bool) {
	if v.mini.page == nil {
		return 0, false
	}
	for n := v.mini.page.HitTest(x, y); n != nil; n = n.Parent() {
		if i, ok := strings.CutPrefix(n.ID(), "row-"); ok {
			k, err := strconv.Atoi(i)
			return k, err == nil
		}
	}
	return 0, false
}

// Close removes the panel page's files.
func (v *InspectView) Close() {
	v.mini.close()
	*v = InspectView{}
}

// inspectData is the panel page's data for info: Lines' parts.
func inspectData(info NodeInfo) map[string]any {
	lines := info.Lines()
	d := map[string]any{"sel": lines[0], "hint": InspectHint, "where": "", "box": "", "computed": "", "crumbs": []any{}, "tree": []any{},
		"rules": []any{}, "none": "no declarations: initial and inherited values"}
	if info.Selector == "" {
		d["sel"] = "hover an element"
		return d
	}
	d["where"], d["box"] = lines[1], lines[2]
	crumbs := make([]any, len(info.Crumbs))
	for i, c := range info.Crumbs {
		if i > 0 {
			c = "› " + c
		}
		crumbs[i] = c
	}
	d["crumbs"] = crumbs
	tree := make([]any, len(info.Tree))
	for i, r := range info.Tree {
		tree[i] = map[string]any{"k": strconv.Itoa(i), "label": r.Label, "depth": float64(r.Depth), "cur": r.Current}
	}
	d["tree"] = tree
	if info.Computed != nil {
		d["computed"] = lines[3]
	}
	lines2 := GroupRules(info.Rules)
	rules := make([]any, len(lines2))
	for i, r := range lines2 {
		rules[i] = map[string]any{"k": strconv.Itoa(i), "decl": r.Decl, "src": r.Src}
	}
	d["rules"] = rules
	return d
}
