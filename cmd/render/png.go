package main

import (
	"errors"

	"github.com/skyline-go/skyline/engine"
)

// writePNG rasterises the page. The paint stage (issue 3) is not in this
// build yet, so only the layout dump can be produced.
func writePNG(p *engine.Page, path string, full bool) error {
	return errors.New("render: PNG output needs the paint stage, which is not built yet; use -layout")
}
