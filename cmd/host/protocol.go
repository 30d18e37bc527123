package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"runtime/debug"
	"sort"

	"github.com/skyline-go/skyline/host"
)

// request is one line in. Args are the operation's; session names the page
// for every operation but open, ping and quit.
type request struct {
	ID   json.RawMessage `json:"id"`
	Op   string          `json:"op"`
	Args json.RawMessage `json:"args"`
}

// reply is one line out.
type reply struct {
	ID     json.RawMessage `json:"id"`
	OK     bool            `json:"ok"`
	Result any             `json:"result,omitempty"`
	Error  *replyError     `json:"error,omitempty"`
}

type replyError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// server holds the open sessions by handle.
type server struct {
	sessions map[int]*host.Session
	next     int
	// writeFile writes a frame file (tests and the fuzz target replace it).
	writeFile func(path string, data []byte) error
}

func newServer() *server {
	return &server{sessions: map[int]*host.Session{}, writeFile: writeInPlace}
}

func (s *server) closeAll() {
	ids := make([]int, 0, len(s.sessions))
	for id := range s.sessions {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		s.sessions[id].Close()
		delete(s.sessions, id)
	}
}

// handleLine decodes and runs one request and returns its encoded reply
// (always one) and whether the command should stop.
func (s *server) handleLine(line []byte) (out []byte, quit bool) {
	var req request
	var id json.RawMessage
	defer func() {
		if r := recover(); r != nil {
			out = errorReply(id, host.Errorf(host.CodePanic, "%s: %v\n%s", req.Op, r, debug.Stack()))
			quit = false
		}
	}()
	if err := json.Unmarshal(line, &req); err != nil {
		// Keep the id when the line is an object with a usable one.
		var probe struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(line, &probe) == nil && validID(probe.ID) {
			id = probe.ID
		}
		return errorReply(id, host.Errorf(host.CodeBadRequest, "malformed request: %v", err)), false
	}
	if validID(req.ID) {
		id = req.ID
	} else if len(req.ID) > 0 {
		return errorReply(nil, host.Errorf(host.CodeBadRequest, "id must be a number or a string")), false
	}
	result, err := s.dispatch(req.Op, req.Args)
	if err != nil {
		return errorReply(id, err), false
	}
	b, merr := json.Marshal(reply{ID: idOrNull(id), OK: true, Result: result})
	if merr != nil {
		return errorReply(id, host.Errorf(host.CodeBadRequest, "%s: the result cannot be encoded: %v", req.Op, merr)), false
	}
	return b, req.Op == "quit"
}

func validID(id json.RawMessage) bool {
	id = bytes.TrimSpace(id)
	if len(id) == 0 {
		return false
	}
	var v any
	if json.Unmarshal(id, &v) != nil {
		return false
	}
	switch v.(type) {
	case float64, string:
		return true
	}
	return false
}

func idOrNull(id json.RawMessage) json.RawMessage {
	if len(id) == 0 {
		return json.RawMessage("null")
	}
	return id
}

func errorReply(id json.RawMessage, err error) []byte {
	code := host.CodeOf(err)
	msg := err.Error()
	if e, ok := err.(*host.Error); ok {
		msg = e.Msg
	}
	b, _ := json.Marshal(reply{ID: idOrNull(id), Error: &replyError{Code: code.String(), Message: msg}})
	return b
}

// args decodes an operation's arguments strictly (unknown fields are
// mistakes worth a reply).
func args(op string, raw json.RawMessage, v any) error {
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		raw = json.RawMessage("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return host.Errorf(host.CodeBadRequest, "%s: args: %v", op, err)
	}
	return nil
}

// sessionArgs is embedded in every per-page operation's arguments.
type sessionArgs struct {
	Session int `json:"session"`
}

// sessioned is an operation's arguments with sessionArgs embedded.
type sessioned interface{ sessionOf() sessionArgs }

func (a sessionArgs) sessionOf() sessionArgs { return a }

// decodeSession decodes an operation's arguments into v and finds the
// session they name.
func (s *server) decodeSession(op string, raw json.RawMessage, v sessioned) (*host.Session, error) {
	if err := args(op, raw, v); err != nil {
		return nil, err
	}
	return s.session(op, v.sessionOf())
}

func (s *server) session(op string, a sessionArgs) (*host.Session, error) {
	x := s.sessions[a.Session]
	if x == nil {
		return nil, host.Errorf(host.CodeNoSession, "%s: no session %d", op, a.Session)
	}
	return x, nil
}

// num is an optional number argument (a time stamp).
type num struct {
	v   float64
	set bool
}

func (n *num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	n.set = true
	return json.Unmarshal(b, &n.v)
}

func (n num) or(d float64) float64 {
	if n.set {
		return n.v
	}
	return d
}

type empty struct{}

func (s *server) dispatch(op string, raw json.RawMessage) (any, error) {
	switch op {
	case "ping":
		var a struct{}
		return map[string]any{"sessions": len(s.sessions)}, args(op, raw, &a)
	case "quit":
		return empty{}, nil
	case "open":
		var o host.Options
		if err := args(op, raw, &o); err != nil {
			return nil, err
		}
		x, err := host.Open(o)
		if err != nil {
			return nil, err
		}
		s.next++
		s.sessions[s.next] = x
		w, h := x.FrameSize()
		return map[string]any{"session": s.next, "width": w, "height": h, "scripts": x.Scripts()}, nil
	case "close":
		var a sessionArgs
		if err := args(op, raw, &a); err != nil {
			return nil, err
		}
		x, err := s.session(op, a)
		if err != nil {
			return nil, err
		}
		delete(s.sessions, a.Session)
		return empty{}, x.Close()
	case "setData", "setComponentData":
		var a struct {
			sessionArgs
			Instance uint64          `json:"instance"`
			Data     json.RawMessage `json:"data"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		if op == "setData" {
			return empty{}, x.SetData(a.Data)
		}
		return empty{}, x.SetComponentData(a.Instance, a.Data)
	case "touch":
		var a struct {
			sessionArgs
			Phase string  `json:"phase"`
			ID    int     `json:"id"`
			X     float64 `json:"x"`
			Y     float64 `json:"y"`
			T     num     `json:"t"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		took, err := x.Touch(host.Phase(a.Phase), a.ID, a.X, a.Y, a.T.or(-1))
		return map[string]any{"took": took}, err
	case "tap":
		var a struct {
			sessionArgs
			X float64 `json:"x"`
			Y float64 `json:"y"`
			T num     `json:"t"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		took, err := x.Tap(a.X, a.Y, a.T.or(-1))
		return map[string]any{"took": took}, err
	case "text", "key":
		var a struct {
			sessionArgs
			Text string `json:"text"`
			Key  string `json:"key"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		if op == "text" {
			changed, err := x.Text(a.Text)
			return map[string]any{"changed": changed}, err
		}
		did, err := x.Key(a.Key)
		return map[string]any{"did": did}, err
	case "wheel":
		var a struct {
			sessionArgs
			X  float64 `json:"x"`
			Y  float64 `json:"y"`
			DX float64 `json:"dx"`
			DY float64 `json:"dy"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		took, err := x.Wheel(a.X, a.Y, a.DX, a.DY)
		return map[string]any{"took": took}, err
	case "advance":
		var a struct {
			sessionArgs
			MS float64 `json:"ms"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		changed, err := x.Advance(a.MS)
		return map[string]any{"changed": changed, "now": x.Now()}, err
	case "resize":
		var a struct {
			sessionArgs
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
			DPR    float64 `json:"dpr"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		if err := x.Resize(a.Width, a.Height, a.DPR); err != nil {
			return nil, err
		}
		w, h := x.FrameSize()
		return map[string]any{"width": w, "height": h}, nil
	case "answerModal":
		var a struct {
			sessionArgs
			Confirm bool `json:"confirm"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		return empty{}, x.AnswerModal(a.Confirm)
	case "render":
		var a struct {
			sessionArgs
			Format string `json:"format"`
			Path   string `json:"path"`
		}
		x, err := s.decodeSession(op, raw, &a)
		if err != nil {
			return nil, err
		}
		return s.render(x, a.Format, a.Path)
	case "layout":
		var a sessionArgs
		if err := args(op, raw, &a); err != nil {
			return nil, err
		}
		x, err := s.session(op, a)
		if err != nil {
			return nil, err
		}
		b, err := x.LayoutDump()
		if err != nil {
			return nil, err
		}
		return json.RawMessage(b), nil
	case "drain":
		var a sessionArgs
		if err := args(op, raw, &a); err != nil {
			return nil, err
		}
		x, err := s.session(op, a)
		if err != nil {
			return nil, err
		}
		b, err := x.Drain()
		if err != nil {
			return nil, err
		}
		return map[string]any{"events": json.RawMessage(b)}, nil
	case "":
		return nil, host.Errorf(host.CodeBadRequest, "no op")
	}
	return nil, host.Errorf(host.CodeUnknownOp, "unknown op %q", op)
}

// render renders x's frame as format (png, the default, or rgba): inline
// as base64 PNG, or written to path.
func (s *server) render(x *host.Session, format, path string) (any, error) {
	if format == "" {
		format = "png"
	}
	if format != "png" && format != "rgba" {
		return nil, host.Errorf(host.CodeBadRequest, "render: format %q: want png or rgba", format)
	}
	if format == "rgba" && path == "" {
		return nil, host.Errorf(host.CodeBadRequest, "render: rgba frames go to a file: give a path")
	}
	img, dirty, err := x.Frame()
	if err != nil {
		return nil, err
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	res := map[string]any{"width": w, "height": h, "dirty": dirty.Array()}
	var data []byte
	if format == "rgba" {
		data = img.Pix[:4*w*h]
		if img.Stride != 4*w {
			data = packed(img)
		}
	} else {
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
			return nil, host.Errorf(host.CodeIO, "render: %v", err)
		}
		data = buf.Bytes()
	}
	if path == "" {
		res["png"] = base64.StdEncoding.EncodeToString(data)
		return res, nil
	}
	if err := s.writeFile(path, data); err != nil {
		return nil, host.Errorf(host.CodeIO, "render: %v", err)
	}
	res["path"] = path
	res["bytes"] = len(data)
	return res, nil
}

func packed(img *image.RGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := make([]byte, 0, 4*w*h)
	for y := 0; y < h; y++ {
		out = append(out, img.Pix[y*img.Stride:y*img.Stride+4*w]...)
	}
	return out
}

// writeInPlace writes data at the start of path and cuts the file there:
// an existing file (a host's shared-memory mapping) keeps its inode.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		f.Close()
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, err)
	}
	return f.Close()
}
