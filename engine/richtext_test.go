package engine

import (
	"path/filepath"
	"strings"
	"testing"
)

// rich-text makes its children from nodes: HTML blocks become views with
// their default look, a block's inline content one text element with
// spans, <br> a new line (a new text element), scripts nothing; the array form too; a setData
// of new nodes replaces them.
func TestRichText(t *testing.T) {
	p, err := Load(filepath.Join("..", "testdata", "pages", "rich-text"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	got := findID(p.Root(), "article").Dump()
	for _, want := range []string{
		`view[style="font-size: 1.5em; font-weight: bold; margin: 0.83em 0;"](text("手冲咖啡入门"))`,
		`view.lead[style="margin: 1em 0;"](text("Four steps to a " span[style="font-weight: bold;"]("better") " cup, " span[style="font-style: italic;"]("every") " morning."))`,
		`view(text("• " "研磨：中细"))`,
		`span[style="font-family: monospace;"]("92°C")`,
		`(text("Line one") text("line two " span[style="color: #576b95;"]("more")))`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("article lacks %s\n%s", want, got)
		}
	}
	if strings.Contains(got, `("alert`) {
		t.Errorf("the script's text was kept: %s", got)
	}
	if got, want := findID(p.Root(), "tree").Dump(), `(view[style="background-color: #f5f5f5; padding: 8px;"](text("数组形式 " span[style="font-weight: bold;"]("bold"))))`; !strings.HasSuffix(got, want) {
		t.Errorf("array form:\n got %s\nwant %s", got, want)
	}
	// The heading is laid out bold and bigger than the paragraph.
	h := findID(p.Root(), "article").FirstChild()
	if _, _, _, hh, ok := p.BorderBox(h); !ok || hh < 30 {
		t.Errorf("heading box height %v", hh)
	}
	if err := p.SetData(map[string]any{"html": "<p>新的</p>"}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if got := findID(p.Root(), "article").Dump(); !strings.HasSuffix(got, `](view[style="margin: 1em 0;"](text("新的")))`) {
		t.Errorf("after setData: %s", got)
	}
}
