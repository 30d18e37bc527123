package expr_test

import (
	"fmt"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
)

type data map[string]any

func (d data) Lookup(name string) (expr.Value, bool) { v, ok := d[name]; return v, ok }

func ExampleParseTemplate() {
	t, err := expr.ParseTemplate("item-{{list[i].id}}", diag.Pos{File: "index.wxml", Line: 4, Col: 14})
	if err != nil {
		panic(err)
	}
	d := data{"list": []any{map[string]any{"id": 7.0}}, "i": 0.0}
	fmt.Println(t.Eval(d), t.Deps())

	typed, _ := expr.ParseTemplate("{{[1, 2, 3]}}", diag.Pos{})
	untyped, _ := expr.ParseTemplate("{{[1, 2, 3]}} ", diag.Pos{})
	fmt.Printf("%v %q\n", typed.Eval(nil), untyped.Eval(nil))

	_, err = expr.ParseTemplate("{{ a + }}", diag.Pos{File: "index.wxml", Line: 4, Col: 14})
	fmt.Println(err)
	// Output:
	// item-7 [[list] [i]]
	// [1 2 3] "1,2,3 "
	// index.wxml:4:21: unexpected end of expression
}
