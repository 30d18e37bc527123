package core

import (
	"reflect"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func TestWrapMessages(t *testing.T) {
	E, W := diag.Error, diag.Warning
	tests := []struct {
		name     string
		msgs     []Message
		cols     int
		maxLines int
		want     []Line
	}{
		{
			name: "fits", cols: 40, maxLines: 5,
			msgs: []Message{{E, "a.wxml:1:2: bad"}},
			want: []Line{{E, true, "a.wxml:1:2: bad"}},
		},
		{
			name: "wraps at spaces, continuation indented", cols: 12, maxLines: 5,
			msgs: []Message{{W, "one two three four five"}},
			want: []Line{{W, true, "one two"}, {W, false, "  three four"}, {W, false, "  five"}},
		},
		{
			name: "space exactly at the limit", cols: 8, maxLines: 5,
			msgs: []Message{{W, "abcdefgh ijk"}},
			want: []Line{{W, true, "abcdefgh"}, {W, false, "  ijk"}},
		},
		{
			name: "long word breaks anywhere", cols: 8, maxLines: 5,
			msgs: []Message{{E, "abcdefghijklmnop"}},
			want: []Line{{E, true, "abcdefgh"}, {E, false, "  ijklmn"}, {E, false, "  op"}},
		},
		{
			name: "several messages keep their severity", cols: 20, maxLines: 5,
			msgs: []Message{{E, "first"}, {W, "second"}},
			want: []Line{{E, true, "first"}, {W, true, "second"}},
		},
		{
			name: "truncated with a count", cols: 8, maxLines: 3,
			msgs: []Message{{E, "aaaa"}, {E, "bbbb"}, {E, "cccc"}, {W, "dddd"}},
			want: []Line{{E, true, "aaaa"}, {E, true, "bbbb"}, {W, true, "... 2 more lines (see stderr)"}},
		},
		{
			name: "non-Latin-1 and control characters", cols: 40, maxLines: 5,
			msgs: []Message{{W, "图片 café\tx\ny"}},
			want: []Line{{W, true, "?? café x y"}},
		},
		{
			name: "tiny width is clamped", cols: 1, maxLines: 5,
			msgs: []Message{{E, "abcdefghij"}},
			want: []Line{{E, true, "abcdefgh"}, {E, false, "  ij"}},
		},
		{name: "no room", cols: 40, maxLines: 0, msgs: []Message{{E, "x"}}, want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := WrapMessages(tc.msgs, tc.cols, tc.maxLines)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			for _, l := range got {
				if n := len([]rune(l.Text)); n > max(tc.cols, 8) && !strings.HasPrefix(l.Text, "...") {
					t.Errorf("line %q is %d columns, more than %d", l.Text, n, tc.cols)
				}
			}
		})
	}
}

func TestSummary(t *testing.T) {
	E, W := diag.Error, diag.Warning
	tests := []struct {
		msgs []Message
		want string
	}{
		{[]Message{{E, "a"}}, "1 error"},
		{[]Message{{W, "a"}, {W, "b"}}, "2 warnings"},
		{[]Message{{W, "a"}, {E, "b"}, {E, "c"}}, "2 errors, 1 warning"},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := Summary(tc.msgs); got != tc.want {
			t.Errorf("Summary = %q, want %q", got, tc.want)
		}
	}
}
