package expr

import (
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"
)

// DecodeJSON parses one JSON value as JSON.parse does, into expression
// values: objects become *Object with their keys in document order (a
// repeated key keeps its first place and its last value), numbers float64.
// Errors are *JSONError, with encoding/json's message and byte offset. A
// UTF-8 byte order mark before the value is skipped (editors on Windows
// write one); offsets still count it, so positions match the file.
func DecodeJSON(src []byte) (Value, error) {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		v, err := DecodeJSON(src[3:])
		var je *JSONError
		if errors.As(err, &je) {
			je.Offset += 3
		}
		return v, err
	}
	if !json.Valid(src) {
		// encoding/json words and places the fault.
		var v any
		err := json.Unmarshal(src, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &JSONError{se.Offset, se.Error()}
		}
		if err == nil {
			err = errors.New("invalid JSON")
		}
		return nil, &JSONError{int64(len(src)), err.Error()}
	}
	d := jsonDecoder{src: src}
	d.space()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	return v, nil
}

// JSONError is a JSON syntax error at byte Offset of the input (counting
// the faulty byte, as encoding/json does).
type JSONError struct {
	Offset int64
	Msg    string
}

func (e *JSONError) Error() string { return e.Msg }

// jsonDecoder parses JSON that json.Valid accepted (nesting included: at
// most 10000 levels).
type jsonDecoder struct {
	src []byte
	i   int
}

func (d *jsonDecoder) space() {
	for d.i < len(d.src) {
		switch d.src[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDecoder) value() (Value, error) {
	switch c := d.src[d.i]; c {
	case '{':
		d.i++
		o := NewObject(0)
		d.space()
		if d.src[d.i] == '}' {
			d.i++
			return o, nil
		}
		for {
			d.space()
			k, err := d.str()
			if err != nil {
				return nil, err
			}
			d.space()
			d.i++ // ':'
			d.space()
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			o.Set(k, v)
			d.space()
			if d.src[d.i] == '}' {
				d.i++
				return o, nil
			}
			d.i++ // ','
		}
	case '[':
		d.i++
		a := make([]any, 0, 4)
		d.space()
		if d.src[d.i] == ']' {
			d.i++
			return a, nil
		}
		for {
			d.space()
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
			d.space()
			if d.src[d.i] == ']' {
				d.i++
				return a, nil
			}
			d.i++ // ','
		}
	case '"':
		return d.str()
	case 't':
		d.i += 4
		return true, nil
	case 'f':
		d.i += 5
		return false, nil
	case 'n':
		d.i += 4
		return nil, nil
	}
	start := d.i
	for d.i < len(d.src) {
		switch d.src[d.i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			goto end
		}
		d.i++
	}
end:
	f, err := strconv.ParseFloat(string(d.src[start:d.i]), 64)
	if err != nil {
		// Valid JSON, out of float64's range (1e999): encoding/json
		// refuses it too.
		return nil, &JSONError{int64(d.i), "number " + string(d.src[start:d.i]) + " is out of range"}
	}
	return f, nil
}

// str reads a string literal at d.i.
func (d *jsonDecoder) str() (string, error) {
	start := d.i
	d.i++
	escaped, ascii := false, true
	for {
		c := d.src[d.i]
		if c == '"' {
			break
		}
		if c == '\\' {
			escaped = true
			d.i++
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
		d.i++
	}
	d.i++
	if body := d.src[start+1 : d.i-1]; !escaped && (ascii || utf8.Valid(body)) {
		return string(body), nil
	}
	// Escapes or non-ASCII text: encoding/json's own unquoting (surrogate
	// pairs, invalid UTF-8 as U+FFFD).
	var s string
	if err := json.Unmarshal(d.src[start:d.i], &s); err != nil {
		return "", &JSONError{int64(start + 1), err.Error()}
	}
	return s, nil
}
