package expr

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// ToString is JS String(v) as text rendering needs it: nil and Undefined give ""
// (spec §8.8: null and undefined bind as empty text). Elsewhere, e.g. inside
// `'a' + x`, the operator uses full JS semantics ("anull").
func ToString(v Value) string {
	if v == nil || v == Undefined {
		return ""
	}
	return jsString(v)
}

// JSString is JavaScript's String(v) exactly (null → "null", undefined →
// "undefined"), unlike ToString, which renders them as empty text.
func JSString(v Value) string { return jsString(v) }

// jsString is JS String(v) exactly: null → "null", undefined → "undefined",
// arrays join their elements with "," (null/undefined elements as ""), objects
// give "[object Object]".
func jsString(v Value) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case undefined:
		return "undefined"
	case string:
		return x
	case float64:
		return numberString(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case []any:
		var b strings.Builder
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if e != nil && e != Undefined {
				b.WriteString(jsString(e))
			}
		}
		return b.String()
	case map[string]any:
		return "[object Object]"
	case Func, func([]Value) Value:
		return "function () { [native code] }"
	}
	if f, ok := goNumber(v); ok {
		return numberString(f)
	}
	return "[object Object]"
}

// goNumber accepts Go integer and float types a Scope may hand back even though
// the contract asks for float64, so that a host's ints still compute.
func goNumber(v Value) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case float32:
		return float64(x), true
	case uint:
		return float64(x), true
	case uint64:
		return float64(x), true
	case uint32:
		return float64(x), true
	}
	return 0, false
}

// numberString is ECMAScript Number::toString(10): shortest round-trip digits,
// fixed notation for exponents in [-7, 21), exponential otherwise.
func numberString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0" // also -0
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	neg := f < 0
	e := strconv.FormatFloat(math.Abs(f), 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	n := x + 1 // position of the decimal point relative to the digits
	k := len(digits)
	var s string
	switch {
	case k <= n && n <= 21:
		s = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		s = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		s = "0." + strings.Repeat("0", -n) + digits
	default:
		s = digits[:1]
		if k > 1 {
			s += "." + digits[1:]
		}
		if n-1 >= 0 {
			s += "e+" + strconv.Itoa(n-1)
		} else {
			s += "e-" + strconv.Itoa(1-n)
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

// Truthy is JS truthiness: false, 0, NaN, "", null and undefined are falsy;
// every array and object (even empty) is truthy.
func Truthy(v Value) bool {
	switch x := v.(type) {
	case nil, undefined:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	}
	if f, ok := goNumber(v); ok {
		return f != 0 && !math.IsNaN(f)
	}
	return true
}

// ToNumber is JS Number(v).
func ToNumber(v Value) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case undefined:
		return math.NaN()
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case string:
		return stringToNumber(x)
	case []any:
		return stringToNumber(jsString(x))
	}
	if f, ok := goNumber(v); ok {
		return f
	}
	return math.NaN()
}

// stringToNumber is ECMAScript StringToNumber: surrounding white space ignored,
// "" → 0, 0x/0o/0b integers, [+-]Infinity, decimal literals; anything else NaN.
func stringToNumber(s string) float64 {
	s = strings.TrimFunc(s, isJSSpace)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			return parseRadix(s[2:], base)
		}
	}
	body := s
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	if body == "Infinity" {
		if s[0] == '-' {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	if !isDecimalLiteral(body) {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(f, 0) {
		return math.NaN()
	}
	return f
}

// parseRadix parses unsigned digits in base without overflow errors (large
// values lose precision as JS numbers do).
func parseRadix(s string, base int) float64 {
	if s == "" {
		return math.NaN()
	}
	var f float64
	for i := 0; i < len(s); i++ {
		d := digitVal(s[i])
		if d >= base {
			return math.NaN()
		}
		f = f*float64(base) + float64(d)
	}
	return f
}

func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// isDecimalLiteral checks digits [. digits] [e [+-] digits] with at least one
// mantissa digit, so that strconv's extras (inf, nan, hex floats, '_') are refused.
func isDecimalLiteral(s string) bool {
	i, mant := 0, 0
	for i < len(s) && isDigit(s[i]) {
		i++
		mant++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			mant++
		}
	}
	if mant == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isJSSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

// toPrimitive is ECMAScript ToPrimitive for our value set: arrays and objects
// become their string form, everything else is already primitive.
func toPrimitive(v Value) Value {
	switch v.(type) {
	case nil, undefined, bool, float64, string:
		return v
	}
	if f, ok := goNumber(v); ok {
		return f
	}
	return jsString(v)
}

func isObject(v Value) bool {
	switch v.(type) {
	case nil, undefined, bool, float64, string:
		return false
	}
	_, num := goNumber(v)
	return !num
}

// Equal is JS == (strict=false, abstract equality with its coercions) or ===
// (strict=true). Arrays, objects and functions are equal only to themselves.
func Equal(a, b Value, strict bool) bool {
	if fa, ok := goNumber(a); ok {
		a = fa
	}
	if fb, ok := goNumber(b); ok {
		b = fb
	}
	if strict {
		return strictEqual(a, b)
	}
	for range 4 { // each step removes one coercion; 4 bounds the chain
		if sameType(a, b) {
			return strictEqual(a, b)
		}
		an, bn := a == nil || a == Undefined, b == nil || b == Undefined
		if an || bn {
			return an && bn
		}
		switch {
		case isBool(a):
			a = ToNumber(a)
		case isBool(b):
			b = ToNumber(b)
		case isObject(a):
			a = toPrimitive(a)
		case isObject(b):
			b = toPrimitive(b)
		default: // number vs string
			return ToNumber(a) == ToNumber(b)
		}
	}
	return false
}

func isBool(v Value) bool { _, ok := v.(bool); return ok }

func sameType(a, b Value) bool {
	switch a.(type) {
	case nil:
		return b == nil
	case undefined:
		return b == Undefined
	case bool:
		return isBool(b)
	case float64:
		_, ok := b.(float64)
		return ok
	case string:
		_, ok := b.(string)
		return ok
	}
	return isObject(a) && isObject(b)
}

func strictEqual(a, b Value) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case undefined:
		return b == Undefined
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		return ok && len(x) == len(y) && unsafe.SliceData(x) == unsafe.SliceData(y)
	}
	if !isObject(a) || !isObject(b) {
		return false
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Type() != rb.Type() {
		return false
	}
	switch ra.Kind() {
	case reflect.Map, reflect.Func, reflect.Pointer, reflect.Slice:
		return ra.Pointer() == rb.Pointer()
	}
	return false
}

// typeOf is JS typeof.
func typeOf(v Value) string {
	switch v.(type) {
	case undefined:
		return "undefined"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case Func, func([]Value) Value:
		return "function"
	}
	if _, ok := goNumber(v); ok {
		return "number"
	}
	return "object"
}

// utf16Len is JS string .length: UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// charAt returns the JS string element at UTF-16 index i; an astral character
// is returned whole at its first unit and as its low surrogate's replacement
// at the second, since Go strings cannot hold lone surrogates.
func charAt(s string, i int) (string, bool) {
	u := 0
	for off := 0; off < len(s); {
		r, size := utf8.DecodeRuneInString(s[off:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if i == u {
			return s[off : off+size], true
		}
		if i < u+w {
			_, lo := utf16.EncodeRune(r)
			return string(lo), true
		}
		u += w
		off += size
	}
	return "", false
}
