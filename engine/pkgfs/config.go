package pkgfs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/style"
)

// Config is the merged app.json + page.json configuration that affects
// rendering (spec §0, §2.9). Page values override app values key by key.
type Config struct {
	// UsingComponents maps a tag to its component path, resolved to a
	// package path (without extension). Page entries add to app entries.
	UsingComponents map[string]string
	// Renderer is rendererOptions.skyline.
	Renderer style.RendererOptions
	// NavigationStyle is "default" or "custom"; Skyline draws no native bar
	// either way (spec §0).
	NavigationStyle string
	// RendererName and ComponentFramework are recorded as written ("skyline",
	// "glass-easel"); the engine renders every page the Skyline way.
	RendererName, ComponentFramework string
}

// rawConfig is the JSON shape; pointers tell "absent" from false so a page
// can override an app value with false.
type rawConfig struct {
	UsingComponents    map[string]string `json:"usingComponents"`
	NavigationStyle    *string           `json:"navigationStyle"`
	Renderer           *string           `json:"renderer"`
	ComponentFramework *string           `json:"componentFramework"`
	RendererOptions    struct {
		Skyline struct {
			DefaultDisplayBlock      *bool   `json:"defaultDisplayBlock"`
			DefaultContentBox        *bool   `json:"defaultContentBox"`
			EnableScrollViewAutoSize *bool   `json:"enableScrollViewAutoSize"`
			TagNameStyleIsolation    *string `json:"tagNameStyleIsolation"`
			KeyframeStyleIsolation   *string `json:"keyframeStyleIsolation"`
		} `json:"skyline"`
	} `json:"rendererOptions"`
}

// mergeConfig applies one config file (app first, then page) onto c.
// Relative usingComponents paths resolve against file.
func (c *Config) Merge(pkg *Package, file string, src []byte, diags *diag.List) {
	var rc rawConfig
	if err := UnmarshalJSON(src, &rc); err != nil {
		diags.Add(JSONError(file, src, err))
		return
	}
	for tag, ref := range rc.UsingComponents {
		if c.UsingComponents == nil {
			c.UsingComponents = map[string]string{}
		}
		p, err := pkg.Resolve(file, ref)
		if err != nil {
			diags.Errorf(diag.Pos{File: file}, "usingComponents %q: %v", tag, err)
			continue
		}
		c.UsingComponents[tag] = p
	}
	if rc.NavigationStyle != nil {
		c.NavigationStyle = *rc.NavigationStyle
	}
	if rc.Renderer != nil {
		c.RendererName = *rc.Renderer
	}
	if rc.ComponentFramework != nil {
		c.ComponentFramework = *rc.ComponentFramework
	}
	sk := rc.RendererOptions.Skyline
	setBool(&c.Renderer.DefaultDisplayBlock, sk.DefaultDisplayBlock)
	setBool(&c.Renderer.DefaultContentBox, sk.DefaultContentBox)
	setBool(&c.Renderer.EnableScrollViewAutoSize, sk.EnableScrollViewAutoSize)
	setIsolation(&c.Renderer.TagNameStyleIsolationLegacy, sk.TagNameStyleIsolation, file, "tagNameStyleIsolation", diags)
	setIsolation(&c.Renderer.KeyframeStyleIsolationLegacy, sk.KeyframeStyleIsolation, file, "keyframeStyleIsolation", diags)
}

func setBool(dst *bool, v *bool) {
	if v != nil {
		*dst = *v
	}
}

func setIsolation(dst *bool, v *string, file, key string, diags *diag.List) {
	if v == nil {
		return
	}
	switch *v {
	case "legacy":
		*dst = true
	case "isolated":
		*dst = false
	default:
		diags.Warnf(diag.Pos{File: file}, "rendererOptions.skyline.%s: unknown value %q (want \"legacy\" or \"isolated\")", key, *v)
	}
}

// utf8BOM is the UTF-8 byte order mark some editors put at the start of a file.
var utf8BOM = []byte("\ufeff")

// UnmarshalJSON is json.Unmarshal for a package file: a leading byte order
// mark is skipped (the error offsets still count its bytes, as columns do).
func UnmarshalJSON(src []byte, v any) error {
	body, bom := bytes.CutPrefix(src, utf8BOM)
	err := json.Unmarshal(body, v)
	if err != nil && bom {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			se.Offset += int64(len(utf8BOM))
		case errors.As(err, &te):
			te.Offset += int64(len(utf8BOM))
		}
	}
	return err
}

// JSONError turns an encoding/json error into a positioned diagnostic.
func JSONError(file string, src []byte, err error) diag.Diagnostic {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var je *expr.JSONError
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &je):
		off = je.Offset
	case errors.As(err, &te):
		off = te.Offset
		msg = fmt.Sprintf("%s: expected %s, found %s", te.Field, te.Type, te.Value)
	}
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	if off >= 0 {
		pos = OffsetPos(file, src, int(off))
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: "invalid JSON: " + msg}
}

// OffsetPos converts a byte offset into a 1-based line and column.
func OffsetPos(file string, src []byte, off int) diag.Pos {
	if off > len(src) {
		off = len(src)
	}
	// encoding/json reports the offset after the offending byte.
	if off > 0 {
		off--
	}
	line, col := diag.LineCol(src, nil, off)
	return diag.Pos{File: file, Line: line, Col: col}
}

// DecodeData parses a .data.json file: an object whose numbers become
// float64 as expressions expect.
func DecodeData(file string, src []byte) (map[string]any, *diag.Diagnostic) {
	v, err := expr.DecodeJSON(src)
	if err != nil {
		d := JSONError(file, src, err)
		return nil, &d
	}
	o, ok := v.(*expr.Object)
	if !ok {
		return nil, &diag.Diagnostic{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Severity: diag.Error, Msg: "page data must be a JSON object"}
	}
	// The top level is the data's root, which no binding enumerates; the
	// objects below keep the file's key order.
	return o.Map(), nil
}
