package expr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxJSONNesting is encoding/json's own nesting limit, kept for DecodeJSON.
const maxJSONNesting = 10000

// DecodeJSON parses one JSON value as JSON.parse does, into expression
// values: objects become *Object with their keys in document order (a
// repeated key keeps its first place and its last value), numbers float64.
// Errors are *JSONError, with the byte offset of the fault.
func DecodeJSON(src []byte) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	type open struct {
		obj *Object
		arr []any
		key string // pending key inside an object
		has bool   // key is set
	}
	var stack []open
	var root Value
	done := false
	put := func(v Value) {
		if len(stack) == 0 {
			root, done = v, true
			return
		}
		top := &stack[len(stack)-1]
		if top.obj != nil {
			top.obj.Set(top.key, v)
			top.has = false
			return
		}
		top.arr = append(top.arr, v)
	}
	for !done {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(dec, err)
		}
		if len(stack) > 0 {
			if top := &stack[len(stack)-1]; top.obj != nil && !top.has {
				if d, ok := tok.(json.Delim); ok && d == '}' {
					stack = stack[:len(stack)-1]
					put(top.obj)
					continue
				}
				k, ok := tok.(string)
				if !ok {
					return nil, &JSONError{dec.InputOffset(), "object key is not a string"}
				}
				top.key, top.has = k, true
				continue
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				if len(stack) >= maxJSONNesting {
					return nil, &JSONError{dec.InputOffset(), "exceeded max depth"}
				}
				stack = append(stack, open{obj: NewObject(0)})
			case '[':
				if len(stack) >= maxJSONNesting {
					return nil, &JSONError{dec.InputOffset(), "exceeded max depth"}
				}
				stack = append(stack, open{arr: make([]any, 0, 4)})
			case ']':
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				put(top.arr)
			}
		case string, bool, float64, nil:
			put(t)
		default:
			return nil, &JSONError{dec.InputOffset(), fmt.Sprintf("unexpected token %v", t)}
		}
	}
	// Only white space may follow the value.
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		// Offsets count the bytes read up to and including the fault, as
		// encoding/json's do; the decoder's own restart at the next value.
		for end < int64(len(src)) && strings.IndexByte(" \t\r\n", src[end]) >= 0 {
			end++
		}
		return nil, &JSONError{end + 1, "invalid character after top-level value"}
	}
	return root, nil
}

// JSONError is a JSON syntax error at byte Offset of the input.
type JSONError struct {
	Offset int64
	Msg    string
}

func (e *JSONError) Error() string { return e.Msg }

func jsonErr(dec *json.Decoder, err error) *JSONError {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// The decoder counts the bytes before the fault; encoding/json's
		// Unmarshal (and this error) count the fault too.
		return &JSONError{se.Offset + 1, se.Error()}
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return &JSONError{dec.InputOffset(), "unexpected end of JSON input"}
	}
	return &JSONError{dec.InputOffset(), err.Error()}
}
