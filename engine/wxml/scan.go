package wxml

import "github.com/skyline-go/skyline/engine/internal/mustache"

// mustacheEnd returns the offset of the "}}" closing a mustache whose body
// starts at src[i], or -1 (engine/internal/mustache, shared with expr).
func mustacheEnd(src []byte, i int) int { return mustache.End(src, i) }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// isNameByte accepts the characters of tag and attribute names as WXML and
// glass-easel write them: wx:for, bind:tap, capture-catch:touchstart,
// data-fooBar, class:active, slot:item, a.b, @x. Non-ASCII bytes are allowed
// so that names in other scripts do not break the tag apart.
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-' || c == '@' || c == '$' || c >= 0x80
}

// isTagStart tells a tag from a stray '<' in text (a < b).
func isTagStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}
