package style

import (
	"math"
	"strings"
)

// scolor is a specified colour: a fixed colour or currentColor.
type scolor struct {
	c       Color
	current bool
}

// resolve gives the computed colour; cur is the element's own color.
func (s scolor) resolve(cur Color) Color {
	if s.current {
		return cur
	}
	return s.c
}

// parseColor reads one <color> vtok (spec §2.1). currentColor is UNVERIFIED
// in Skyline; we accept it but no initial value relies on it (spec §2.7).
func parseColor(t vtok) (scolor, bool) {
	switch t.kind {
	case vtIdent:
		name := t.lower()
		switch name {
		case "transparent":
			return scolor{c: Transparent}, true
		case "currentcolor":
			return scolor{current: true}, true
		}
		c, ok := namedColors[name]
		return scolor{c: c}, ok
	case vtHash:
		c, ok := hexColor(t.text)
		return scolor{c: c}, ok
	case vtFunc:
		switch t.text {
		case "rgb", "rgba":
			c, ok := rgbFunc(t.args)
			return scolor{c: c}, ok
		case "hsl", "hsla":
			c, ok := hslFunc(t.args, false)
			return scolor{c: c}, ok
		case "hwb":
			c, ok := hslFunc(t.args, true)
			return scolor{c: c}, ok
		}
	}
	return scolor{}, false
}

func hexColor(h string) (Color, bool) {
	var d [8]uint8
	if len(h) > 8 {
		return Color{}, false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
			d[i] = c - '0'
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			d[i] = c | 0x20 - 'a' + 10
		default:
			return Color{}, false
		}
	}
	switch len(h) {
	case 3:
		return Color{d[0] * 17, d[1] * 17, d[2] * 17, 255}, true
	case 4:
		return Color{d[0] * 17, d[1] * 17, d[2] * 17, d[3] * 17}, true
	case 6:
		return Color{d[0]<<4 | d[1], d[2]<<4 | d[3], d[4]<<4 | d[5], 255}, true
	case 8:
		return Color{d[0]<<4 | d[1], d[2]<<4 | d[3], d[4]<<4 | d[5], d[6]<<4 | d[7]}, true
	}
	return Color{}, false
}

// colorArgs splits the arguments of rgb() / hsl() / hwb() in either the
// legacy comma syntax or the modern space syntax with an optional "/ alpha".
func colorArgs(args string) (ch [3]vtok, alpha vtok, hasAlpha bool, ok bool) {
	toks, ok := lexValue(args)
	if !ok {
		return ch, alpha, false, false
	}
	var parts []vtok
	commas := len(toks) > 1 && toks[1].kind == vtComma
	for i, t := range toks {
		switch {
		case commas && i%2 == 1:
			if t.kind != vtComma {
				return ch, alpha, false, false
			}
		case !commas && t.kind == vtSlash:
			if len(parts) != 3 || i != len(toks)-2 {
				return ch, alpha, false, false
			}
		case t.kind == vtComma || t.kind == vtSlash:
			return ch, alpha, false, false
		default:
			parts = append(parts, t)
		}
	}
	if commas && len(toks)%2 == 0 {
		return ch, alpha, false, false
	}
	switch len(parts) {
	case 3:
	case 4:
		alpha, hasAlpha = parts[3], true
	default:
		return ch, alpha, false, false
	}
	copy(ch[:], parts)
	return ch, alpha, hasAlpha, true
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func to8(v float64) uint8 { return uint8(math.Round(clamp01(v) * 255)) }

// alphaValue reads an alpha number or percentage.
func alphaValue(t vtok) (float64, bool) {
	switch t.kind {
	case vtPercent:
		return clamp01(float64(t.num) / 100), true
	case vtIdent:
		return 0, t.is("none")
	}
	v, ok := vNumber(t)
	return clamp01(float64(v)), ok
}

func rgbFunc(args string) (Color, bool) {
	ch, at, hasA, ok := colorArgs(args)
	if !ok {
		return Color{}, false
	}
	var c Color
	for i, t := range ch {
		var v float64
		switch t.kind {
		case vtPercent:
			v = float64(t.num) / 100
		default:
			n, ok := vNumber(t)
			if !ok {
				return Color{}, false
			}
			v = float64(n) / 255
		}
		b := to8(v)
		switch i {
		case 0:
			c.R = b
		case 1:
			c.G = b
		case 2:
			c.B = b
		}
	}
	c.A = 255
	if hasA {
		a, ok := alphaValue(at)
		if !ok {
			return Color{}, false
		}
		c.A = to8(a)
	}
	return c, true
}

// hslFunc reads hsl() or, with hwb set, hwb(): a hue and two percentages.
func hslFunc(args string, hwb bool) (Color, bool) {
	ch, at, hasA, ok := colorArgs(args)
	if !ok {
		return Color{}, false
	}
	legacy := strings.Contains(args, ",")
	var h float64
	switch ch[0].kind {
	case vtDim:
		deg, ok := angleDeg(ch[0])
		if !ok {
			return Color{}, false
		}
		h = float64(deg)
	default:
		n, ok := vNumber(ch[0])
		if !ok {
			return Color{}, false
		}
		h = float64(n)
	}
	var p [2]float64
	for i, t := range ch[1:] {
		switch t.kind {
		case vtPercent:
			p[i] = clamp01(float64(t.num) / 100)
		case vtNumber:
			// Only the modern (space) syntax allows bare numbers (CSS Color 4 §7).
			if legacy {
				return Color{}, false
			}
			p[i] = clamp01(float64(t.num) / 100)
		default:
			return Color{}, false
		}
	}
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	var r, g, b float64
	if hwb {
		w, bl := p[0], p[1]
		if w+bl >= 1 {
			gray := w / (w + bl)
			r, g, b = gray, gray, gray
		} else {
			r, g, b = hslToRGB(h, 1, 0.5)
			k := 1 - w - bl
			r, g, b = r*k+w, g*k+w, b*k+w
		}
	} else {
		r, g, b = hslToRGB(h, p[0], p[1])
	}
	c := Color{to8(r), to8(g), to8(b), 255}
	if hasA {
		a, ok := alphaValue(at)
		if !ok {
			return Color{}, false
		}
		c.A = to8(a)
	}
	return c, true
}

// hslToRGB is CSS Color 4 §7.1's conversion.
func hslToRGB(h, s, l float64) (float64, float64, float64) {
	f := func(n float64) float64 {
		k := math.Mod(n+h/30, 12)
		a := s * math.Min(l, 1-l)
		return l - a*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1))
	}
	return f(0), f(8), f(4)
}

// isColorStart is a cheap test used by shorthands to tell a colour from other
// component values.
func isColor(t vtok) bool {
	_, ok := parseColor(t)
	return ok
}
