package mustache

import "testing"

func TestEnd(t *testing.T) {
	cases := []struct {
		src  string
		want int
	}{
		{"a}}", 1},
		{" {a: {b: 1}} }}", 13},
		{`"}}" }}`, 5},
		{`'it\'s }}' }}`, 11},
		{"a < b }}", 6},
		{"no end", -1},
		{"{ }", -1},
	}
	for _, c := range cases {
		if got := End(c.src, 0); got != c.want {
			t.Errorf("End(%q) = %d, want %d", c.src, got, c.want)
		}
		if got := End([]byte(c.src), 0); got != c.want {
			t.Errorf("End([]byte(%q)) = %d, want %d", c.src, got, c.want)
		}
	}
}
