package style

import (
	"path"
	"strings"
)

// simage is one specified background / mask layer. Gradient geometry and
// stops keep specified lengths and colours until computed-value time.
type simage struct {
	img    Image
	stops  []sstop
	radius slen
	cx, cy slen
}

type sstop struct {
	col  scolor
	pos  slen
	auto bool
}

// simages is a specified image list with its computed form.
type simages struct {
	layers []simage
	fixed  []Image // computed at parse time when nothing is relative
	memo   memo[[]Image]
}

func (s *simages) compute(x cctx) []Image {
	if s.fixed != nil || len(s.layers) == 0 {
		return s.fixed
	}
	return memoGet(&s.memo, s, x, buildImages)
}

func buildImages(s *simages, x cctx) []Image {
	out := make([]Image, len(s.layers))
	for i := range s.layers {
		l := &s.layers[i]
		img := l.img
		if img.Kind != ImageURL && img.Kind != ImageNone {
			img.Radius = x.px(&l.radius)
			img.CenterX = x.length(&l.cx)
			img.CenterY = x.length(&l.cy)
			img.Stops = make([]ColorStop, len(l.stops))
			for j, st := range l.stops {
				img.Stops[j] = ColorStop{Color: st.col.resolve(x.color), Pos: x.length(&st.pos), PosAuto: st.auto}
			}
		}
		out[i] = img
	}
	return out
}

// finish precomputes the list when no layer depends on the element, and
// records what it depends on otherwise.
func (s *simages) finish() {
	var d deps
	for _, l := range s.layers {
		d |= l.radius.deps() | l.cx.deps() | l.cy.deps()
		for _, st := range l.stops {
			d |= st.col.deps() | st.pos.deps()
		}
	}
	s.memo.deps = d
	if d == 0 {
		s.fixed = buildImages(s, cctx{})
	}
}

// resolveURL makes a url() path package-relative: relative paths resolve
// against the sheet's directory, a leading "/" means the package root, and
// remote or data URLs stay as written. The loader validates the result.
func resolveURL(u, base string) string {
	switch {
	case u == "":
		return ""
	case strings.Contains(u, "://") || strings.HasPrefix(u, "data:"):
		return u
	case strings.HasPrefix(u, "/"):
		return path.Clean(u[1:])
	}
	return path.Join(path.Dir(base), u)
}

// parseImage reads one <image> (spec §2.1); gradient says whether gradients
// are allowed (mask-image takes url() only, spec §2.7).
func parseImage(t vtok, base string, gradient bool) (simage, error) {
	var s simage
	if t.kind == vtURL {
		s.img = Image{Kind: ImageURL, URL: resolveURL(t.text, base)}
		return s, nil
	}
	if t.kind != vtFunc {
		return s, errValue
	}
	name := t.text
	rep := strings.HasPrefix(name, "repeating-")
	name = strings.TrimPrefix(name, "repeating-")
	name = strings.TrimPrefix(name, "-webkit-")
	switch name {
	case "linear-gradient", "radial-gradient", "conic-gradient":
	default:
		return s, errValue
	}
	if !gradient {
		return s, unsupported("only url() images here (spec §2.7)")
	}
	ts, ok := lexValue(t.args)
	if !ok {
		return s, errValue
	}
	groups := vSplitCommas(ts)
	s.img.Repeating = rep
	s.cx, s.cy = slen{kind: LengthFixed, pct: 50}, slen{kind: LengthFixed, pct: 50}
	var err error
	switch name {
	case "linear-gradient":
		s.img.Kind = ImageLinearGradient
		s.img.Angle = 180
		if len(groups[0]) > 0 && !isColor(groups[0][0]) {
			if s.img.Angle, s.img.LinearCorner, err = linearDirection(groups[0]); err != nil {
				return s, err
			}
			groups = groups[1:]
		}
	case "radial-gradient":
		s.img.Kind = ImageRadialGradient
		if len(groups[0]) > 0 && !isColor(groups[0][0]) {
			if err = s.radialShape(groups[0]); err != nil {
				return s, err
			}
			groups = groups[1:]
		}
	case "conic-gradient":
		s.img.Kind = ImageConicGradient
		if len(groups[0]) > 0 && !isColor(groups[0][0]) {
			if err = s.conicShape(groups[0]); err != nil {
				return s, err
			}
			groups = groups[1:]
		}
	}
	if s.stops, err = parseStops(groups, s.img.Kind); err != nil {
		return s, err
	}
	return s, nil
}

// linearDirection reads <angle> or `to <side-or-corner>`. A corner is
// reported with corner set and the angle of a square box (45, 135, 225,
// 315); paint derives the true angle from the box (CSS Images §3.1.1).
func linearDirection(ts []vtok) (float32, bool, error) {
	if len(ts) == 1 {
		a, ok := angleDeg(ts[0])
		if !ok {
			return 0, false, errValue
		}
		return a, false, nil
	}
	if len(ts) < 2 || len(ts) > 3 || !ts[0].is("to") {
		return 0, false, errValue
	}
	var h, v string
	for _, t := range ts[1:] {
		switch k := t.lower(); k {
		case "left", "right":
			if h != "" {
				return 0, false, errValue
			}
			h = k
		case "top", "bottom":
			if v != "" {
				return 0, false, errValue
			}
			v = k
		default:
			return 0, false, errValue
		}
	}
	switch {
	case v == "top" && h == "":
		return 0, false, nil
	case v == "bottom" && h == "":
		return 180, false, nil
	case h == "right" && v == "":
		return 90, false, nil
	case h == "left" && v == "":
		return 270, false, nil
	case v == "top" && h == "right":
		return 45, true, nil
	case v == "bottom" && h == "right":
		return 135, true, nil
	case v == "bottom" && h == "left":
		return 225, true, nil
	}
	return 315, true, nil
}

// radialShape reads [circle|ellipse] [<size>] [at <position>]. Skyline
// paints circles with a px radius (spec §2.1); an ellipse is parsed and
// flagged.
func (s *simage) radialShape(ts []vtok) error {
	for i, t := range ts {
		if t.is("at") {
			x, y, ok := parsePosition(ts[i+1:])
			if !ok {
				return errValue
			}
			s.cx, s.cy = x, y
			ts = ts[:i]
			break
		}
	}
	sizes := 0
	for _, t := range ts {
		switch {
		case t.is("circle"):
		case t.is("ellipse"):
			s.img.RadialEllipse = true
		case t.is("farthest-corner"):
			s.img.RadialExtentKw = 0
		case t.is("closest-side"):
			s.img.RadialExtentKw = 1
		case t.is("closest-corner"):
			s.img.RadialExtentKw = 2
		case t.is("farthest-side"):
			s.img.RadialExtentKw = 3
		default:
			if t.kind == vtPercent {
				return unsupported("radial-gradient size is px only (spec §2.1)")
			}
			l, ok := parseLen(t, 0)
			if !ok {
				return lenError(t)
			}
			// An ellipse gives two radii; the circle Skyline paints takes the first.
			if sizes == 0 {
				s.radius = l
			}
			sizes++
		}
	}
	if sizes > 2 {
		return errValue
	}
	return nil
}

// conicShape reads [from <angle>] [at <position>].
func (s *simage) conicShape(ts []vtok) error {
	for i := 0; i < len(ts); i++ {
		switch {
		case ts[i].is("from") && i+1 < len(ts):
			a, ok := angleDeg(ts[i+1])
			if !ok {
				return errValue
			}
			s.img.Angle = a
			i++
		case ts[i].is("at"):
			x, y, ok := parsePosition(ts[i+1:])
			if !ok {
				return errValue
			}
			s.cx, s.cy = x, y
			i = len(ts)
		default:
			return errValue
		}
	}
	return nil
}

// parseStops reads the colour stops: <color> [<pos> [<pos>]]. Conic
// positions are angles or percentages and are stored as percentages of the
// full turn.
func parseStops(groups [][]vtok, kind ImageKind) ([]sstop, error) {
	if len(groups) < 2 {
		return nil, errValue
	}
	var out []sstop
	for _, g := range groups {
		if len(g) == 0 || len(g) > 3 {
			return nil, errValue
		}
		c, ok := parseColor(g[0])
		if !ok {
			return nil, errValue
		}
		if len(g) == 1 {
			out = append(out, sstop{col: c, auto: true})
			continue
		}
		for _, t := range g[1:] {
			var pos slen
			switch {
			case kind == ImageConicGradient && t.kind == vtDim:
				a, ok := angleDeg(t)
				if !ok {
					return nil, errValue
				}
				pos = slen{kind: LengthFixed, pct: a / 360 * 100}
			case kind == ImageRadialGradient && t.kind != vtPercent && !(t.kind == vtNumber && t.num == 0):
				return nil, unsupported("radial-gradient stops are percentages only (spec §2.1)")
			default:
				l, ok := parseLen(t, lenPct|lenNeg)
				if !ok {
					return nil, lenError(t)
				}
				pos = l
			}
			out = append(out, sstop{col: c, pos: pos})
		}
	}
	return out, nil
}

// parseImageList reads `none` or a comma list of images, at most max layers.
func parseImageList(ts []vtok, base string, gradient bool, max int) (*simages, error) {
	s := &simages{}
	if len(ts) == 1 && ts[0].is("none") {
		return s, nil
	}
	groups := vSplitCommas(ts)
	if len(groups) > max {
		return nil, unsupported("at most two background layers (spec §2.7)")
	}
	for _, g := range groups {
		if len(g) != 1 {
			return nil, errValue
		}
		if g[0].is("none") {
			s.layers = append(s.layers, simage{})
			continue
		}
		img, err := parseImage(g[0], base, gradient)
		if err != nil {
			return nil, err
		}
		s.layers = append(s.layers, img)
	}
	s.finish()
	return s, nil
}
