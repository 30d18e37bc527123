package logic

import (
	"strings"

	"github.com/dop251/goja"
)

// wx.request through the host. The runtime has no network of its own (the
// sandbox, doc.go): with Config.Network set, a request no fixture answers
// goes out as a NetworkRequest message, the host performs it, and its
// NetworkReply completes the call — success for any HTTP response (WeChat
// calls success for a 404 too, with its statusCode), fail with WeChat's
// errMsg ("request:fail timeout", "request:fail <reason>") when no response
// came.

// NetworkRequest asks the host to perform a wx.request.
type NetworkRequest struct {
	Req    int
	URL    string
	Method string
	Header map[string]string
	// Body is the request body: Data as sent (a string as it is, an object
	// as JSON for a JSON content type, else as a query string for GET).
	Body     string
	DataType string // "json" (default): a JSON response body is parsed
	Timeout  int    // ms; 0: the host's default (60 s as WeChat's)
}

// NetworkReply answers a NetworkRequest: Err is empty when a response came
// (with its status, header and body).
type NetworkReply struct {
	Req        int
	StatusCode int
	Header     map[string]string
	Body       []byte
	Err        string
}

func (NetworkRequest) outbound() {}
func (NetworkReply) inbound()    {}

// pendingReq is a wx.request waiting for the host.
type pendingReq struct {
	opts     *goja.Object
	dataType string
	resolve  func(any) error
	reject   func(any) error
}

// hostRequest sends a wx.request to the host.
func (s *state) hostRequest(o *goja.Object) goja.Value {
	m := NetworkRequest{Method: "GET", DataType: "json", Header: map[string]string{}}
	p := &pendingReq{opts: o}
	if o != nil {
		m.URL = str(o.Get("url"))
		if v := str(o.Get("method")); v != "" {
			m.Method = strings.ToUpper(v)
		}
		if h := asObject(o.Get("header")); h != nil {
			for _, k := range h.Keys() {
				m.Header[k] = str(h.Get(k))
			}
		}
		if v := str(o.Get("dataType")); v != "" {
			m.DataType = v
		}
		if t := o.Get("timeout"); t != nil && !goja.IsUndefined(t) {
			m.Timeout = int(t.ToInteger())
		}
		m.Body = s.requestBody(o.Get("data"), &m)
	}
	p.dataType = m.DataType
	var ret goja.Value = goja.Undefined()
	if o == nil || !isFunc(o.Get("success")) && !isFunc(o.Get("fail")) && !isFunc(o.Get("complete")) {
		pr, resolve, reject := s.r.vm.NewPromise()
		p.resolve, p.reject = resolve, reject
		ret = s.r.vm.ToValue(pr)
	}
	s.nextReq++
	m.Req = s.nextReq
	s.requests[m.Req] = p
	s.r.emit(m)
	return ret
}

// requestBody encodes wx.request's data: a string as it is; an object as
// JSON (WeChat's default content type), or as a query string appended to
// the URL of a GET.
func (s *state) requestBody(v goja.Value, m *NetworkRequest) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	if _, ok := v.Export().(string); ok {
		return v.String()
	}
	o := asObject(v)
	if o == nil {
		return v.String()
	}
	if m.Method == "GET" {
		var q []string
		for _, k := range o.Keys() {
			q = append(q, queryEscape(k)+"="+queryEscape(str(o.Get(k))))
		}
		if len(q) > 0 {
			sep := "?"
			if strings.Contains(m.URL, "?") {
				sep = "&"
			}
			m.URL += sep + strings.Join(q, "&")
		}
		return ""
	}
	if _, ok := m.Header["content-type"]; !ok {
		m.Header["content-type"] = "application/json"
	}
	b, err := s.r.vm.RunString("(JSON.stringify)")
	if err != nil {
		return ""
	}
	fn, _ := goja.AssertFunction(b)
	out, err := fn(goja.Undefined(), v)
	if err != nil {
		return ""
	}
	return out.String()
}

// networkReply completes a host request.
func (s *state) networkReply(m NetworkReply) {
	p, ok := s.requests[m.Req]
	if !ok {
		return
	}
	delete(s.requests, m.Req)
	var res map[string]any
	good := m.Err == ""
	if good {
		header := map[string]any{}
		for k, v := range m.Header {
			header[k] = v
		}
		var data any = string(m.Body)
		if p.dataType == "json" {
			if v, err := s.r.vm.RunString("(JSON.parse)"); err == nil {
				if fn, ok := goja.AssertFunction(v); ok {
					if parsed, err := fn(goja.Undefined(), s.r.vm.ToValue(string(m.Body))); err == nil {
						data, _ = s.toGoErr(parsed)
					}
				}
			}
		}
		res = map[string]any{"statusCode": float64(m.StatusCode), "header": header, "data": data, "errMsg": "request:ok"}
	} else {
		res = map[string]any{"errMsg": "request:fail " + m.Err}
	}
	if p.resolve != nil {
		s.tickQueue = append(s.tickQueue, func() {
			if good {
				_ = p.resolve(s.toJS(res))
			} else {
				_ = p.reject(s.toJS(res))
			}
		})
		return
	}
	s.async("request", p.opts, good, res)
}

func queryEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}
