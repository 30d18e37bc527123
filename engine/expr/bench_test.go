package expr

import (
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func BenchmarkParse(b *testing.B) {
	const src = "item.price > 100 ? 'item-' + item.id + ' expensive' : list[index].name || 'n/a'"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src, diag.Pos{Line: 1, Col: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvalPath(b *testing.B) {
	e, _ := Parse("a.b[2].c", diag.Pos{})
	s := testScope()
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Eval(s)
	}
}

func BenchmarkEvalTernaryConcat(b *testing.B) {
	e, _ := Parse("x > 3 ? 'item-' + foo + '-on' : 'off'", diag.Pos{})
	s := testScope()
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Eval(s)
	}
}

func BenchmarkTemplateEval(b *testing.B) {
	tp, _ := ParseTemplate("item-{{list[i].name}} of {{x}}", diag.Pos{})
	s := testScope()
	b.ReportAllocs()
	for b.Loop() {
		_ = tp.Eval(s)
	}
}
