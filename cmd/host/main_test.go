package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const demo = "../../testdata/host-demo"

type testReply struct {
	ID     json.RawMessage `json:"id"`
	OK     bool            `json:"ok"`
	Result map[string]any  `json:"result"`
	Error  *replyError     `json:"error"`
}

// session runs lines through a fresh server and returns one decoded reply
// per request line.
func session(t *testing.T, lines ...string) []testReply {
	t.Helper()
	s := newServer()
	defer s.closeAll()
	var out bytes.Buffer
	if err := s.serve(strings.NewReader(strings.Join(lines, "\n")+"\n"), &out); err != nil {
		t.Fatal(err)
	}
	var replies []testReply
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r testReply
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("reply %q is not JSON: %v", sc.Text(), err)
		}
		replies = append(replies, r)
	}
	return replies
}

func TestProtocolSession(t *testing.T) {
	frame := filepath.Join(t.TempDir(), "frame.rgba")
	rs := session(t,
		`{"id": 1, "op": "open", "args": {"page": "`+demo+`", "width": 375, "height": 667, "dpr": 1}}`,
		`{"id": 2, "op": "tap", "args": {"session": 1, "x": 100, "y": 70, "t": 40}}`,
		`{"id": 3, "op": "drain", "args": {"session": 1}}`,
		`{"id": 4, "op": "setData", "args": {"session": 1, "data": {"on": true, "title": "tapped"}}}`,
		`{"id": 5, "op": "render", "args": {"session": 1}}`,
		`{"id": 6, "op": "render", "args": {"session": 1, "format": "rgba", "path": "`+frame+`"}}`,
		`{"id": 7, "op": "layout", "args": {"session": 1}}`,
		`{"id": 8, "op": "advance", "args": {"session": 1, "ms": 100}}`,
		`{"id": 9, "op": "resize", "args": {"session": 1, "width": 300, "dpr": 2}}`,
		`{"id": 10, "op": "close", "args": {"session": 1}}`,
		`{"id": 11, "op": "drain", "args": {"session": 1}}`,
	)
	if len(rs) != 11 {
		t.Fatalf("%d replies, want 11", len(rs))
	}
	for i, r := range rs[:10] {
		if !r.OK || string(r.ID) != itoa(i+1) {
			t.Fatalf("reply %d: %+v", i+1, r)
		}
	}
	if rs[0].Result["session"] != 1.0 || rs[0].Result["width"] != 375.0 || rs[0].Result["height"] != 667.0 {
		t.Errorf("open result %v", rs[0].Result)
	}
	evs := rs[2].Result["events"].([]any)
	if len(evs) != 1 {
		t.Fatalf("events %v, want one", evs)
	}
	ev := evs[0].(map[string]any)
	if ev["type"] != "handler" || ev["handler"] != "onGo" || ev["event"].(map[string]any)["timeStamp"] != 40.0 {
		t.Errorf("event %v, want handler onGo at 40 ms", ev)
	}
	// The inline PNG shows the swatch red (setData applied).
	b, err := base64.StdEncoding.DecodeString(rs[4].Result["png"].(string))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, _ := img.At(100, 150).RGBA(); r>>8 != 0xe0 || g>>8 != 0x20 || b>>8 != 0x20 {
		t.Errorf("PNG swatch pixel %x %x %x, want e0 20 20", r>>8, g>>8, b>>8)
	}
	// The raw frame file: 375 × 667 × 4 bytes, the same pixel.
	raw, err := os.ReadFile(frame)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) != 375*667*4 || rs[5].Result["bytes"] != float64(len(raw)) {
		t.Fatalf("frame file %d bytes, want %d", len(raw), 375*667*4)
	}
	if i := (150*375 + 100) * 4; raw[i] != 0xe0 || raw[i+1] != 0x20 || raw[i+2] != 0x20 {
		t.Errorf("raw swatch pixel %x, want e0 20 20", raw[i:i+3])
	}
	if d := rs[5].Result["dirty"].([]any); d[2] != 0.0 || d[3] != 0.0 {
		t.Errorf("second render's dirty rect %v, want empty", d)
	}
	if !strings.Contains(mustJSON(rs[6].Result), `"class":"swatch on"`) {
		t.Errorf("layout result lacks the swatch's new class: %v", rs[6].Result)
	}
	if rs[7].Result["now"] != 140.0 {
		t.Errorf("advance: now %v, want 140", rs[7].Result["now"])
	}
	if rs[8].Result["width"] != 600.0 || rs[8].Result["height"] != 1334.0 {
		t.Errorf("resize result %v, want 600x1334", rs[8].Result)
	}
	if r := rs[10]; r.OK || r.Error.Code != "no_session" {
		t.Errorf("drain after close: %+v, want no_session", r)
	}
}

func TestProtocolMalformed(t *testing.T) {
	old := maxLine
	maxLine = 200
	defer func() { maxLine = old }()
	rs := session(t,
		`not json`,
		`{"id": 7, "op": `,
		`{"id": {"x": 1}, "op": "ping"}`,
		`{"id": 8, "op": "fly"}`,
		`{"id": 9}`,
		`{"id": 10, "op": "tap", "args": {"session": 1, "x": 1}}`,
		`{"id": 11, "op": "ping", "args": {"bogus": 1}}`,
		`{"id": 12, "op": "open", "args": {"page": "/nonexistent/page"}}`,
		`{"id": 13, "op": "render", "args": {"session": 1}}`,
		`{"id": 14, "op": "ping", "args": {"pad": "`+strings.Repeat("x", 300)+`"}}`,
		`[1, 2]`,
		``,
		`{"id": 15, "op": "ping"}`,
	)
	want := []struct{ id, code string }{
		{"null", "bad_request"},
		{"null", "bad_request"},
		{"null", "bad_request"},
		{"8", "unknown_op"},
		{"9", "bad_request"},
		{"10", "no_session"},
		{"11", "bad_request"},
		{"12", "load"},
		{"13", "no_session"},
		{"null", "bad_request"},
		{"null", "bad_request"},
		{"15", ""},
	}
	if len(rs) != len(want) {
		t.Fatalf("%d replies, want %d: %+v", len(rs), len(want), rs)
	}
	for i, w := range want {
		r := rs[i]
		if string(r.ID) != w.id {
			t.Errorf("reply %d: id %s, want %s", i, r.ID, w.id)
		}
		if w.code == "" {
			if !r.OK {
				t.Errorf("reply %d: %+v, want ok", i, r.Error)
			}
			continue
		}
		if r.OK || r.Error == nil || r.Error.Code != w.code {
			t.Errorf("reply %d: %+v, want error %s", i, r, w.code)
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }
