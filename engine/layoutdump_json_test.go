package engine

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The streaming writer writes what json.MarshalIndent(d, "", " ") writes.
func TestLayoutDumpJSONMatchesEncodingJSON(t *testing.T) {
	p := mustLoad(t, `<view id="a" class="x &lt;y&gt;"><text>hi</text><view style="width:0.0000001px;height:33.3333px"/></view><view wx:for="{{3}}" style="margin-left:{{item * 1e-7}}px"/>`, "")
	d := p.LayoutDump()
	d.Root.Children[0].Box[2] = 1e22 // exponent formats
	d.Root.Children[0].Box[3] = -1.5e-9
	want, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// A tree deeper than encoding/json's 10,000 levels still dumps, with its
// indentation capped so the file stays linear in the tree.
func TestLayoutDumpDeepTree(t *testing.T) {
	const depth = 20000
	d := &LayoutDump{Viewport: DumpViewport{375, 667, 2}, Root: &DumpBox{Tag: "page", Children: []*DumpBox{}}}
	b := d.Root
	for i := 0; i < depth; i++ {
		c := &DumpBox{Tag: "view", Box: [4]float32{0, 0, float32(math.NaN()), 1}, Children: []*DumpBox{}}
		b.Children = append(b.Children, c)
		b = c
	}
	out, err := d.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > 200*depth+(maxDumpIndent+20)*12*depth {
		t.Fatalf("%d bytes for a %d-deep tree", len(out), depth)
	}
	if !strings.Contains(string(out), "null") {
		t.Fatal("NaN must be written as null")
	}
	// The whole tree is there: count the elements.
	if n := strings.Count(string(out), `"tag": "view"`); n != depth {
		t.Fatalf("%d elements dumped, want %d", n, depth)
	}
	// Balanced (json.Valid has the same 10,000-level limit as the indenter).
	if bytes.Count(out, []byte("{")) != bytes.Count(out, []byte("}")) || bytes.Count(out, []byte("[")) != bytes.Count(out, []byte("]")) {
		t.Fatal("unbalanced JSON")
	}
}
