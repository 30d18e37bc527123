package wxml

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// named lists the entities WXML decodes outside {{ }} (spec §1.1), plus
// &nbsp; which authors use for hard spaces.
var named = map[string]string{
	"lt": "<", "gt": ">", "amp": "&", "quot": `"`, "apos": "'", "nbsp": "\u00a0",
}

// decode returns raw with entities decoded outside the mustache spans (pairs
// of offsets relative to raw). Unknown or malformed entities stay literal.
func decode(raw []byte, spans []int) string {
	amp := -1
	for k, c := range raw {
		if c == '&' {
			amp = k
			break
		}
	}
	if amp < 0 {
		return string(raw)
	}
	var b strings.Builder
	b.Grow(len(raw))
	b.Write(raw[:amp])
	s := 0 // index of the next span pair
	for i := amp; i < len(raw); {
		for s < len(spans) && spans[s+1] <= i {
			s += 2
		}
		if s < len(spans) && spans[s] <= i {
			b.Write(raw[i:spans[s+1]])
			i = spans[s+1]
			continue
		}
		if raw[i] != '&' {
			b.WriteByte(raw[i])
			i++
			continue
		}
		text, n := entity(raw[i:])
		if n == 0 {
			b.WriteByte('&')
			i++
			continue
		}
		b.WriteString(text)
		i += n
	}
	return b.String()
}

// entity decodes the reference at the start of s (s[0] == '&') and returns its
// text and length, or n == 0 when it is not a reference we decode.
func entity(s []byte) (string, int) {
	const maxLen = 12 // longest we accept: &#x10FFFF; plus slack
	end := -1
	for k := 1; k < len(s) && k <= maxLen; k++ {
		if s[k] == ';' {
			end = k
			break
		}
	}
	if end < 2 {
		return "", 0
	}
	body := string(s[1:end])
	if body[0] != '#' {
		if t, ok := named[body]; ok {
			return t, end + 1
		}
		return "", 0
	}
	digits, base := body[1:], 10
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base = digits[1:], 16
	}
	if digits == "" || digits[0] == '+' || digits[0] == '-' {
		return "", 0
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", 0
	}
	r := rune(v)
	// As HTML does, NUL, surrogates and out-of-range values become U+FFFD.
	if v == 0 || v > utf8.MaxRune || (0xd800 <= r && r < 0xe000) {
		r = utf8.RuneError
	}
	return string(r), end + 1
}
