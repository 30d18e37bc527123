package imagesrc

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Error is a failure to turn a src into a picture. Offset, when it is not
// -1, is the byte offset in Src where the problem is (a data: URL's bad
// base64 or its missing comma), so that a caller can point into the
// attribute.
type Error struct {
	Src    string
	Offset int
	Msg    string
	Err    error // the underlying error, if any
}

func (e *Error) Error() string {
	if e.Offset >= 0 {
		return fmt.Sprintf("byte %d: %s", e.Offset, e.Msg)
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

func errAt(src string, off int, format string, args ...any) *Error {
	return &Error{Src: src, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// DataURL is a parsed data: URL (RFC 2397, read as the WHATWG fetch
// standard does, with the leniencies below).
type DataURL struct {
	// MediaType is the lower-cased type/subtype ("image/svg+xml"); empty
	// when the URL names none (RFC 2397 then means text/plain).
	MediaType string
	// Params are the media type's parameters other than base64, as written
	// ("charset=utf-8").
	Params []string
	// Base64 reports the ";base64" marker.
	Base64 bool
	// Data is the decoded payload.
	Data []byte
}

// ParseDataURL parses a data: URL. The payload is percent-decoded (an
// invalid %-sequence stays as written), and then, for ;base64, decoded
// with white space ignored and the padding optional (the URL-safe alphabet
// is accepted too). Unlike a browser, a '#' does not end the payload: the
// unescaped "fill='#fff'" of hand-written SVG icons is kept. The decoded
// payload is at most maxBytes bytes (≤ 0: DefaultMaxBytes).
func ParseDataURL(src string, maxBytes int64) (*DataURL, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	const scheme = "data:"
	if len(src) < len(scheme) || !strings.EqualFold(src[:len(scheme)], scheme) {
		return nil, errAt(src, 0, "not a data: URL")
	}
	comma := strings.IndexByte(src, ',')
	if comma < 0 {
		return nil, errAt(src, len(src), "data: URL without a ',' before its data")
	}
	d := &DataURL{}
	meta := src[len(scheme):comma]
	parts := strings.Split(meta, ";")
	d.MediaType = strings.ToLower(strings.TrimSpace(parts[0]))
	for i, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if i == len(parts)-2 && strings.EqualFold(p, "base64") {
			d.Base64 = true
			continue
		}
		if p != "" {
			d.Params = append(d.Params, p)
		}
	}
	if d.MediaType != "" && !strings.Contains(d.MediaType, "/") {
		return nil, errAt(src, len(scheme), "data: URL media type %q is not type/subtype", d.MediaType)
	}
	payload := src[comma+1:]
	// The payload is already in memory (it is the attribute's text); the
	// limit bounds what decoding makes of it.
	raw := percentDecode(payload)
	if !d.Base64 {
		if int64(len(raw)) > maxBytes {
			return nil, errAt(src, comma+1, "data: URL payload is %d bytes, above the %d-byte limit", len(raw), maxBytes)
		}
		d.Data = raw
		return d, nil
	}
	clean := make([]byte, 0, len(raw))
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\f', '\r':
			continue
		}
		clean = append(clean, c)
	}
	if int64(len(clean))/4*3 > maxBytes+3 {
		return nil, errAt(src, comma+1, "data: URL payload decodes to about %d bytes, above the %d-byte limit", int64(len(clean))/4*3, maxBytes)
	}
	s := strings.TrimRight(string(clean), "=")
	enc := base64.RawStdEncoding
	if strings.ContainsAny(s, "-_") && !strings.ContainsAny(s, "+/") {
		enc = base64.RawURLEncoding
	}
	out, err := enc.DecodeString(s)
	if err != nil {
		off := comma + 1
		if ce, ok := err.(base64.CorruptInputError); ok {
			off = badBase64Offset(src, comma+1, int(ce))
		}
		return nil, &Error{Src: src, Offset: off, Msg: "data: URL has invalid base64", Err: err}
	}
	if int64(len(out)) > maxBytes {
		return nil, errAt(src, comma+1, "data: URL payload is %d bytes, above the %d-byte limit", len(out), maxBytes)
	}
	d.Data = out
	return d, nil
}

// badBase64Offset maps the index of a bad character in the cleaned
// (percent-decoded, white-space-free) payload back to its byte offset in
// src, which starts at from.
func badBase64Offset(src string, from, bad int) int {
	n := 0
	for i := from; i < len(src); {
		c, w := src[i], 1
		if c == '%' && i+2 < len(src) && isHex(src[i+1]) && isHex(src[i+2]) {
			c, w = unhex(src[i+1])<<4|unhex(src[i+2]), 3
		}
		switch c {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			if n == bad {
				return i
			}
			n++
		}
		i += w
	}
	return len(src)
}

// percentDecode decodes %XX sequences; anything else, an invalid sequence
// included, stays as written (WHATWG percent-decode).
func percentDecode(s string) []byte {
	if strings.IndexByte(s, '%') < 0 {
		return []byte(s)
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, c)
	}
	return out
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}
