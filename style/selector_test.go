package style

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func parseSel(t *testing.T, text string) ([]*Selector, *selectorError) {
	t.Helper()
	src := tokenize("t.wxss", []byte(text), &diag.List{})
	return parseSelectorGroup(src.toks, len(text))
}

func TestSelectorSpecificity(t *testing.T) {
	cases := []struct {
		sel  string
		want Specificity
	}{
		{"view", Specificity{0, 0, 1}},
		{".a", Specificity{0, 1, 0}},
		{"#x", Specificity{1, 0, 0}},
		{"view.a.b#x", Specificity{1, 2, 1}},
		{".a .b > view", Specificity{0, 2, 1}},
		{".a:first-child", Specificity{0, 2, 0}},
		{".a::before", Specificity{0, 1, 1}},
		{".a:before", Specificity{0, 1, 1}},
		{".a:nth-child(2n+1)", Specificity{0, 2, 0}},
		{".a:not(#x)", Specificity{1, 1, 0}},
		{".a:not(.b, view#y)", Specificity{1, 1, 1}},
		{"page", Specificity{0, 0, 1}},
		{".a:active", Specificity{0, 2, 0}},
	}
	for _, tc := range cases {
		sels, err := parseSel(t, tc.sel)
		if err != nil {
			t.Errorf("%q: %s", tc.sel, err.msg)
			continue
		}
		if got := sels[0].Specificity; got != tc.want {
			t.Errorf("%q: specificity %v, want %v", tc.sel, got, tc.want)
		}
	}
}

func TestSelectorStructure(t *testing.T) {
	sels, err := parseSel(t, " .a  >  .b  view + #c ~ text::after , .d ")
	if err != nil {
		t.Fatal(err.msg)
	}
	if len(sels) != 2 {
		t.Fatalf("%d selectors, want 2", len(sels))
	}
	s := sels[0]
	if s.String() != ".a > .b view + #c ~ text::after" || s.Pseudo != PseudoAfter {
		t.Errorf("text %q pseudo %d", s.String(), s.Pseudo)
	}
	wantCombs := []Combinator{Sibling, Adjacent, Descendant, Child}
	if len(s.combs) != len(wantCombs) {
		t.Fatalf("combs %v", s.combs)
	}
	for i, c := range wantCombs {
		if s.combs[i] != c {
			t.Errorf("comb %d = %d, want %d", i, s.combs[i], c)
		}
	}
	if s.parts[0].tag != "text" || s.parts[1].id != "c" || s.parts[2].tag != "view" || s.parts[4].classes[0] != "a" {
		t.Errorf("parts %+v", s.parts)
	}
	if sels[1].String() != ".d" {
		t.Errorf("second %q", sels[1].String())
	}
}

func TestSelectorStates(t *testing.T) {
	sels, err := parseSel(t, ".a:active:hover, .b:focus")
	if err != nil {
		t.Fatal(err.msg)
	}
	if sels[0].States != StateActive|StateHover || sels[1].States != StateFocus {
		t.Errorf("states %b %b", sels[0].States, sels[1].States)
	}
}

func TestSelectorErrors(t *testing.T) {
	cases := []struct {
		sel  string
		off  int
		want string
	}{
		{"*", 0, "universal"},
		{".a *", 3, "universal"},
		{"view[x]", 4, "attribute"},
		{".a[x=y]", 2, "attribute"},
		{".a:hovered", 3, "unsupported pseudo-class"},
		{".a:nth-of-type(2)", 3, "unsupported pseudo-class"},
		{".a::first-line", 4, "unsupported pseudo-element"},
		{".a::before .b", 11, "pseudo-element must end"},
		{".a::after:first-child", 9, "pseudo-element must end"},
		{".a,", 3, "empty selector"},
		{", .a", 0, "empty selector"},
		{".a >", 3, "combinator without a selector"},
		{"> .a", 0, "missing selector before combinator"},
		{".a > > .b", 5, "missing selector before combinator"},
		{". a", 0, "'.' must be followed"},
		{".a:nth-child(x)", 3, "invalid :nth-child"},
		{".a:nth-child(2n+)", 3, "invalid :nth-child"},
		{".a:nth-child()", 3, "invalid :nth-child"},
		{".a:not()", 3, "empty :not"},
		{".a:not(.b .c)", 9, "compound selectors only"},
		{".a:not(:not(.b))", 8, "nested :not"},
		{".a:not(::before)", 9, "not allowed inside :not"},
		{".a:not(.b", 3, "unclosed"},
		{".a:", 2, "missing pseudo-class name"},
		{".a:123", 3, "invalid pseudo-class name"},
		{".a.5", 2, "unexpected"},
		{".a!", 2, "unexpected"},
		{"#a view", -1, ""},
	}
	for _, tc := range cases {
		_, err := parseSel(t, tc.sel)
		if tc.off < 0 {
			if err != nil {
				t.Errorf("%q: unexpected error %s", tc.sel, err.msg)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: no error, want %q", tc.sel, tc.want)
			continue
		}
		if err.off != tc.off || !strings.Contains(err.msg, tc.want) {
			t.Errorf("%q: error at %d %q, want at %d containing %q", tc.sel, err.off, err.msg, tc.off, tc.want)
		}
	}
}

func TestParseAnB(t *testing.T) {
	cases := []struct {
		in   string
		a, b int
		ok   bool
	}{
		{"odd", 2, 1, true}, {"EVEN", 2, 0, true}, {"3", 0, 3, true}, {"+5", 0, 5, true}, {"-2", 0, -2, true},
		{"n", 1, 0, true}, {"-n+3", -1, 3, true}, {"+n-1", 1, -1, true}, {"2n+1", 2, 1, true}, {"10n-9", 10, -9, true},
		{"", 0, 0, false}, {"n+", 0, 0, false}, {"2n1", 0, 0, false}, {"n++1", 0, 0, false}, {"a", 0, 0, false}, {"2x+1", 0, 0, false},
	}
	for _, tc := range cases {
		a, b, ok := parseAnB(tc.in)
		if ok != tc.ok || ok && (a != tc.a || b != tc.b) {
			t.Errorf("parseAnB(%q) = %d,%d,%v want %d,%d,%v", tc.in, a, b, ok, tc.a, tc.b, tc.ok)
		}
	}
	// nthMatch over the first 12 indexes against brute force.
	for _, ab := range [][2]int{{2, 1}, {2, 0}, {0, 3}, {-1, 3}, {3, -1}, {1, 4}, {-2, 5}} {
		for idx := 1; idx <= 12; idx++ {
			want := false
			for n := 0; n <= 12; n++ {
				if ab[0]*n+ab[1] == idx {
					want = true
				}
			}
			if got := nthMatch(ab[0], ab[1], idx); got != want {
				t.Errorf("nthMatch(%d,%d,%d) = %v", ab[0], ab[1], idx, got)
			}
		}
	}
}

func TestSelectorEscapes(t *testing.T) {
	sels, err := parseSel(t, `.w-1\/2.a\:b#x\31 y .\31 0`)
	if err != nil {
		t.Fatal(err.msg)
	}
	s := sels[0]
	if got := s.parts[1].classes; len(got) != 2 || got[0] != "w-1/2" || got[1] != "a:b" {
		t.Errorf("classes %q", got)
	}
	if s.parts[1].id != "x1y" || s.parts[0].classes[0] != "10" {
		t.Errorf("id %q, class %q", s.parts[1].id, s.parts[0].classes[0])
	}
	for in, want := range map[string]string{`a`: "a", `\`: `\`, `\0`: "\uFFFD", `\1F600x`: "\U0001F600x", `\110000`: "\uFFFD"} {
		if got := unescapeIdent(in); got != want {
			t.Errorf("unescapeIdent(%q) = %q, want %q", in, got, want)
		}
	}
}
