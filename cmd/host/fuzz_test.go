package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

// FuzzProtocol feeds arbitrary request lines to a server: every line gets
// exactly one reply, which is JSON with ok true or an error code, and
// nothing panics past the dispatcher. Frame files go nowhere.
//
//	go test ./cmd/host -run XXX -fuzz FuzzProtocol
func FuzzProtocol(f *testing.F) {
	f.Add([]byte(`{"id":1,"op":"open","args":{"page":"` + demo + `","width":120,"height":90,"dpr":1}}
{"id":2,"op":"tap","args":{"session":1,"x":60,"y":60,"t":5}}
{"id":3,"op":"drain","args":{"session":1}}
{"id":4,"op":"setData","args":{"session":1,"data":{"on":true,"a.b[2]":"x"}}}
{"id":5,"op":"render","args":{"session":1,"format":"rgba","path":"f"}}
{"id":6,"op":"touch","args":{"session":1,"phase":"start","id":3,"x":10,"y":10}}
{"id":7,"op":"touch","args":{"session":1,"phase":"move","id":3,"x":10,"y":80,"t":30}}
{"id":8,"op":"wheel","args":{"session":1,"x":10,"y":10,"dx":0,"dy":50}}
{"id":9,"op":"advance","args":{"session":1,"ms":16}}
{"id":10,"op":"layout","args":{"session":1}}
{"id":12,"op":"resize","args":{"session":1,"width":80,"dpr":0.5}}
{"id":11,"op":"close","args":{"session":1}}`))
	f.Add([]byte("{\"id\":\"a\",\"op\":\"ping\"}\n\x00\xff\n{}\n[]\nnull\n"))
	f.Add([]byte(`{"id":1,"op":"setComponentData","args":{"session":1,"instance":1e30,"data":[]}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		if bytes.Count(in, []byte("\n")) > 16 || len(in) > 4096 {
			return
		}
		s := newServer()
		s.writeFile = func(string, []byte) error { return nil }
		defer s.closeAll()
		start := time.Now()
		// A watchdog: an input that hangs fails as a crash naming it.
		dog := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("FuzzProtocol: input still running after 30 s: %q", in)) })
		defer dog.Stop()
		var out bytes.Buffer
		if err := s.serve(bytes.NewReader(in), &out); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("took %v", d)
		}
		want := 0
		quit := false
		for _, l := range bytes.Split(in, []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 && !quit {
				want++
				var r request
				quit = json.Unmarshal(l, &r) == nil && r.Op == "quit" && (len(r.ID) == 0 || validID(r.ID))
			}
		}
		got := 0
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			got++
			var r struct {
				OK    *bool       `json:"ok"`
				Error *replyError `json:"error"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.OK == nil {
				t.Fatalf("reply %q: %v", sc.Text(), err)
			}
			if !*r.OK && (r.Error == nil || r.Error.Code == "") {
				t.Fatalf("error reply without a code: %s", sc.Text())
			}
		}
		if got != want {
			t.Fatalf("%d replies to %d requests:\n%s", got, want, out.Bytes())
		}
	})
}
