package logic

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// gojaMap is the source map handed to goja, built for how goja and
// go-sourcemap read one: they look a position up with goja's 1-based
// column against the map's generated columns and report the map's original
// column as is, so generated columns are written 1-based, original columns
// as 1-based byte columns, and the wrapper line comes first.
func (m *srcMap) gojaMap(source string) []byte {
	var b strings.Builder
	gl, pgc, psrc, pol, poc := 0, 0, 0, 0, 0 // generated line (wrapper = 0), previous fields
	first := true
	emit := func(line, gc, src, ol, oc int) {
		for gl < line {
			b.WriteByte(';')
			gl++
			pgc = 0
			first = true
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		vlqPut(&b, gc-pgc)
		vlqPut(&b, src-psrc)
		vlqPut(&b, ol-pol)
		vlqPut(&b, oc-poc)
		pgc, psrc, pol, poc = gc, src, ol, oc
	}
	// The wrapper line and esbuild's runtime helpers above the author's
	// first statement belong to no author line: they map to helperSource,
	// which framesPos passes over to the frame that called them.
	top := 0
	if len(m.segs) > 0 {
		top = m.segs[0].gl + 1
	}
	for l := 0; l < top; l++ {
		emit(l, 1, 1, 0, 1)
	}
	for _, sg := range m.segs {
		emit(sg.gl+1, sg.gc+1, 0, sg.ol, sg.ob+1)
	}
	out, _ := json.Marshal(map[string]any{
		"version": 3, "sources": []string{source, helperSource}, "names": []string{}, "mappings": b.String(),
	})
	return out
}

// helperSource names esbuild's runtime helpers (and the CommonJS wrapper)
// in positions: an absolute URL, so goja reports it as is.
const helperSource = "esbuild:helpers"

func vlqPut(b *strings.Builder, n int) {
	v := n << 1
	if n < 0 {
		v = (-n << 1) | 1
	}
	for {
		d := v & 31
		v >>= 5
		if v != 0 {
			d |= 32
		}
		b.WriteByte(b64[d])
		if v == 0 {
			return
		}
	}
}

// srcMap maps positions of the transformed code back to the author's.
type srcMap struct {
	segs  []segment // sorted by generated line, then column
	lines []string  // the author's source, by line (for byte columns)
	// u16 maps a line's UTF-16 columns to byte columns (nil: ASCII).
	u16 map[int][]int32
}

// segment is one mapping: 0-based generated line and column, 0-based
// original line and byte column.
type segment struct{ gl, gc, ol, ob int }

// original maps a 1-based generated line and column (goja's, after the
// wrapper line) to the author's 1-based line and byte column: the last
// mapping at or before the position on its line, else the nearest one
// before it; ok is false above the first mapped line (the wrapper and
// esbuild's helpers).
func (m *srcMap) original(line, col int) (int, int, bool) {
	gl, gc := line-2, col-1 // the wrapper line; 0-based
	i := sort.Search(len(m.segs), func(i int) bool {
		s := m.segs[i]
		return s.gl > gl || (s.gl == gl && s.gc > gc)
	})
	if i == 0 || gl < m.segs[0].gl {
		return 0, 0, false // the wrapper or esbuild's helpers
	}
	s := m.segs[i-1]
	return s.ol + 1, s.ob + 1, true
}

// byteCol converts a UTF-16 column of a 0-based source line to bytes:
// the same on an ASCII line; through a table built once per line
// otherwise (a minified line can hold a million mappings).
func (m *srcMap) byteCol(line, u16 int) int {
	if line < 0 || line >= len(m.lines) {
		return u16
	}
	l := m.lines[line]
	t, ok := m.u16[line]
	if !ok {
		ascii := true
		for i := 0; i < len(l); i++ {
			if l[i] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if !ascii {
			t = make([]int32, 0, len(l)+1)
			for i, r := range l {
				t = append(t, int32(i))
				if r >= 0x10000 {
					t = append(t, int32(i)) // the second unit of a surrogate pair
				}
			}
			t = append(t, int32(len(l)))
		}
		if m.u16 == nil {
			m.u16 = map[int][]int32{}
		}
		m.u16[line] = t
	}
	if t == nil {
		return min(u16, len(l))
	}
	if u16 >= len(t) {
		return len(l)
	}
	return int(t[u16])
}

// decodeSourceMap reads the mappings of a version 3 source map of gen
// (the transformed code) to src, in byte columns. esbuild maps tokens
// sparsely (console.log( has a mapping at console and at log, none at the
// parenthesis where goja positions a call), so where the generated text
// after a mapping is the author's text verbatim, a mapping is added at each
// token boundary of that run: a call reads at its parenthesis, as in an
// untransformed file.
func decodeSourceMap(data []byte, src, gen string) (*srcMap, error) {
	var raw struct {
		Mappings string `json:"mappings"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	m := &srcMap{lines: strings.Split(src, "\n")}
	genLines := strings.Split(gen, "\n")
	var ol, oc int
	raws := make([]segment, 0, strings.Count(raw.Mappings, ",")+strings.Count(raw.Mappings, ";")+1) // original columns in UTF-16 units
	m.segs = make([]segment, 0, 2*cap(raws))
	gl, gc := 0, 0
	mp := raw.Mappings
	for i := 0; i < len(mp); {
		switch mp[i] {
		case ';':
			gl, gc = gl+1, 0
			i++
			continue
		case ',':
			i++
			continue
		}
		var f [5]int
		n, next, err := vlqFields(mp, i, &f)
		if err != nil {
			return nil, err
		}
		i = next
		gc += f[0]
		if n < 4 {
			continue // a generated column with no original
		}
		ol += f[2]
		oc += f[3]
		raws = append(raws, segment{gl: gl, gc: gc, ol: ol, ob: oc})
	}
	for i, sg := range raws {
		sg.ob = m.byteCol(sg.ol, sg.ob)
		m.segs = append(m.segs, sg)
		if sg.gl >= len(genLines) || sg.ol >= len(m.lines) {
			continue
		}
		g, o := genLines[sg.gl], m.lines[sg.ol]
		end := len(g)
		if i+1 < len(raws) && raws[i+1].gl == sg.gl {
			end = raws[i+1].gc
		}
		for k := 1; sg.gc+k < end && sg.ob+k < len(o) && sg.gc+k <= len(g); k++ {
			a, b := g[sg.gc+k], o[sg.ob+k]
			if a != b {
				break
			}
			if wordByte(a) && wordByte(g[sg.gc+k-1]) || a == ' ' || a == '\t' {
				continue
			}
			m.segs = append(m.segs, segment{gl: sg.gl, gc: sg.gc + k, ol: sg.ol, ob: sg.ob + k})
		}
	}
	return m, nil
}

func wordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// vlqFields decodes the base64 VLQ fields of the segment at mp[i:] (up
// to the next , or ;) into f, returning how many and where it ended.
func vlqFields(mp string, i int, f *[5]int) (n, end int, err error) {
	v, shift := 0, 0
	for ; i < len(mp) && mp[i] != ',' && mp[i] != ';'; i++ {
		d := b64index[mp[i]]
		if d < 0 {
			return 0, i, fmt.Errorf("bad mapping character %q", mp[i])
		}
		v += int(d&31) << shift
		if d&32 != 0 {
			shift += 5
			if shift > 30 {
				return 0, i, fmt.Errorf("mapping value too large")
			}
			continue
		}
		x := v >> 1
		if v&1 != 0 {
			x = -x
		}
		if n < len(f) {
			f[n] = x
		}
		n++
		v, shift = 0, 0
	}
	if shift != 0 {
		return 0, i, fmt.Errorf("truncated mapping")
	}
	return n, i, nil
}

var b64index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b64); i++ {
		t[b64[i]] = int8(i)
	}
	return t
}()
