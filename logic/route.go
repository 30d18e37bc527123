package logic

import (
	"strings"

	"github.com/dop251/goja"
)

// The router APIs (wx.navigateTo, redirectTo, navigateBack, switchTab,
// reLaunch). The page stack is the host's: the runtime asks with a Navigate
// message and the host answers with NavigateReply once it has opened or
// closed the pages (their LoadPage / UnloadPage / PageShow / PageHide
// arrive before the reply), so success runs after the new page's onLoad, as
// in WeChat.

// Navigate asks the host to change the page stack. Kind is the API's name;
// URL is as written (a package path with an optional "?query", absolute or
// relative to the calling page); Delta is navigateBack's.
type Navigate struct {
	Req   int
	Kind  string
	URL   string
	Delta int
	// From is the route of the page on top when the call was made, for
	// relative URLs.
	From string
}

// NavigateReply answers a Navigate: Err is empty on success, else WeChat's
// reason ("page \"x\" is not found").
type NavigateReply struct {
	Req int
	Err string
}

// SetStack tells the runtime the host's page stack, bottom first, after
// the host changed it: getCurrentPages answers with it (a tab page the
// user left stays loaded, but is not on the stack).
type SetStack struct{ IDs []InstanceID }

func (Navigate) outbound()     {}
func (NavigateReply) inbound() {}
func (SetStack) inbound()      {}

// currentPages is getCurrentPages: the host's stack when it said one,
// else every loaded page in the order they were loaded.
func (s *state) currentPages() []*instance {
	if s.stack == nil {
		return s.pageStack
	}
	out := make([]*instance, 0, len(s.stack))
	for _, id := range s.stack {
		if in := s.instances[id]; in != nil && in.page != nil {
			out = append(out, in)
		}
	}
	return out
}

// pendingNav is a router call waiting for its reply.
type pendingNav struct {
	api                     string
	success, fail, complete goja.Value
	resolve, reject         func(any) error
}

// setupRoutes installs the router APIs on wx.
func (s *state) setupRoutes(fn func(string, func(goja.FunctionCall) goja.Value)) {
	for _, api := range []string{"navigateTo", "redirectTo", "navigateBack", "switchTab", "reLaunch"} {
		api := api
		fn(api, func(c goja.FunctionCall) goja.Value { return s.navigate(api, asObject(c.Argument(0))) })
	}
}

func (s *state) navigate(api string, o *goja.Object) goja.Value {
	m := Navigate{Kind: api, Delta: 1}
	p := &pendingNav{api: api}
	if o != nil {
		m.URL = strings.TrimSpace(str(o.Get("url")))
		if d := o.Get("delta"); d != nil && !goja.IsUndefined(d) {
			m.Delta = int(d.ToInteger())
		}
		p.success, p.fail, p.complete = o.Get("success"), o.Get("fail"), o.Get("complete")
	}
	if cur := s.currentPages(); len(cur) > 0 {
		if pc := cur[len(cur)-1].page; pc != nil {
			m.From = pc.def.Path
		}
	}
	var ret goja.Value = goja.Undefined()
	if !isFunc(p.success) && !isFunc(p.fail) && !isFunc(p.complete) {
		pr, resolve, reject := s.r.vm.NewPromise()
		p.resolve, p.reject = resolve, reject
		ret = s.r.vm.ToValue(pr)
	}
	if api != "navigateBack" && m.URL == "" {
		s.finishNav(p, api+":fail parameter error: parameter.url should be String instead of Undefined;")
		return ret
	}
	s.nextReq++
	m.Req = s.nextReq
	if s.navs == nil {
		s.navs = map[int]*pendingNav{}
	}
	s.navs[m.Req] = p
	s.r.emit(m)
	return ret
}

func (s *state) navigateReply(m NavigateReply) {
	p, ok := s.navs[m.Req]
	if !ok {
		return
	}
	delete(s.navs, m.Req)
	msg := p.api + ":ok"
	if m.Err != "" {
		msg = p.api + ":fail " + m.Err
	}
	s.finishNav(p, msg)
}

// finishNav runs the callbacks (or settles the Promise) with errMsg.
func (s *state) finishNav(p *pendingNav, errMsg string) {
	ok := strings.HasSuffix(errMsg, ":ok")
	res := map[string]any{"errMsg": errMsg}
	s.tickQueue = append(s.tickQueue, func() {
		if p.resolve != nil {
			if ok {
				_ = p.resolve(s.toJS(res))
			} else {
				_ = p.reject(s.toJS(res))
			}
			return
		}
		if ok {
			s.call(p.api+" success", p.success, goja.Undefined(), s.toJS(res))
		} else {
			s.call(p.api+" fail", p.fail, goja.Undefined(), s.toJS(res))
		}
		s.call(p.api+" complete", p.complete, goja.Undefined(), s.toJS(res))
	})
}
