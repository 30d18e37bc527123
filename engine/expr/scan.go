package expr

import "github.com/skyline-go/skyline/engine/internal/mustache"

// mustacheEnd returns the offset of the "}}" closing a mustache whose body
// starts at src[i], or -1 (engine/internal/mustache, shared with the WXML
// parser).
func mustacheEnd(src string, i int) int { return mustache.End(src, i) }
