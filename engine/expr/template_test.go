package expr

import (
	"reflect"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func TestTemplate(t *testing.T) {
	cases := []struct {
		src    string
		want   Value
		single bool
		static bool
		deps   []Path
	}{
		{"plain text", "plain text", false, true, nil},
		{"", "", false, true, nil},
		{"{{x}}", 5.0, true, false, []Path{{"x"}}},
		{"{{ [1,2,3] }}", []any{1.0, 2.0, 3.0}, true, false, nil},
		// spec §1.2 whitespace trap: a space outside the braces makes a string.
		{"{{[1,2,3]}} ", "1,2,3 ", false, false, nil},
		{"item-{{x}}", "item-5", false, false, []Path{{"x"}}},
		{"{{a.n}}|{{missing}}|{{nul}}", "||", false, false, []Path{{"a", "n"}, {"missing"}, {"nul"}}},
		{"{{x}}{{x}}", "55", false, false, []Path{{"x"}}},
		{"{{flag}}", true, true, false, []Path{{"flag"}}},
		{"{{ \"}}\" }}", "}}", true, false, nil},
		{"{{x > 1 ? 'a}}b' : \"c\"}}!", "a}}b!", false, false, []Path{{"x"}}},
		{"{{ {p: {q: 1}} }}", ObjectOf("p", ObjectOf("q", 1.0)), true, false, nil},
		{"a }} b", "a }} b", false, true, nil},
		{"{{'{{'}}", "{{", true, false, nil},
		{"w: {{1/3}}", "w: 0.3333333333333333", false, false, nil},
	}
	s := testScope()
	for _, c := range cases {
		tp, err := ParseTemplate(c.src, diag.Pos{Line: 1, Col: 1})
		if err != nil {
			t.Errorf("ParseTemplate(%q): %v", c.src, err)
			continue
		}
		if got := tp.Eval(s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseTemplate(%q).Eval = %#v, want %#v", c.src, got, c.want)
		}
		if (tp.Single() != nil) != c.single || tp.IsStatic() != c.static || tp.Raw() != c.src {
			t.Errorf("ParseTemplate(%q): Single=%v IsStatic=%v Raw=%q", c.src, tp.Single() != nil, tp.IsStatic(), tp.Raw())
		}
		if !reflect.DeepEqual(tp.Deps(), c.deps) {
			t.Errorf("ParseTemplate(%q).Deps = %q, want %q", c.src, tp.Deps(), c.deps)
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	base := diag.Pos{File: "i.wxml", Line: 2, Col: 5}
	cases := []struct {
		src     string
		pos     diag.Pos
		msgPart string
	}{
		{"ab {{x", diag.Pos{File: "i.wxml", Line: 2, Col: 8}, "unterminated {{"},
		{"{{ 'x }}", diag.Pos{File: "i.wxml", Line: 2, Col: 5}, "unterminated {{"},
		{"ok\n  {{ a + }}", diag.Pos{File: "i.wxml", Line: 3, Col: 10}, "unexpected end of expression"},
		{"line\n{{a}} {{ b c }}", diag.Pos{File: "i.wxml", Line: 3, Col: 12}, `unexpected "c"`},
		{"x {{  }}", diag.Pos{File: "i.wxml", Line: 2, Col: 7}, "empty {{ }}"},
	}
	for _, c := range cases {
		_, err := ParseTemplate(c.src, base)
		d, ok := err.(diag.Diagnostic)
		if !ok {
			t.Errorf("ParseTemplate(%q) error = %v, want a diag.Diagnostic", c.src, err)
			continue
		}
		if d.Pos != c.pos || !strings.Contains(d.Msg, c.msgPart) {
			t.Errorf("ParseTemplate(%q) = %v, want %v containing %q", c.src, d, c.pos, c.msgPart)
		}
	}
}
