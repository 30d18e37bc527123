package style

// stransform is a specified transform list (spec §2.7: matrix, matrix3d,
// translate*, scale*, rotate*, skew*, perspective).
type stransform struct {
	fns   []stf
	fixed []TransformFn
	memo  memo[[]TransformFn]
}

// stf is one function: lens for translations and perspective, args as
// TransformFn.Args.
type stf struct {
	kind TransformKind
	lens [3]slen
	args [16]float32
}

func (s *stransform) compute(x cctx) []TransformFn {
	if s.fixed != nil || len(s.fns) == 0 {
		return s.fixed
	}
	return memoGet(&s.memo, s, x, buildTransform)
}

func buildTransform(s *stransform, x cctx) []TransformFn {
	out := make([]TransformFn, len(s.fns))
	for i := range s.fns {
		f := &s.fns[i]
		out[i] = TransformFn{Kind: f.kind, Args: f.args}
		switch f.kind {
		case TfTranslate:
			for j := range f.lens {
				out[i].Len[j] = x.length(&f.lens[j])
			}
		case TfPerspective:
			out[i].Args[0] = x.px(&f.lens[0])
		}
	}
	return out
}

func parseTransform(ts []vtok, _ string) (sval, error) {
	s := &stransform{}
	if len(ts) == 1 && ts[0].is("none") {
		return sval{ref: s}, nil
	}
	var d deps
	for _, t := range ts {
		if t.kind != vtFunc {
			return sval{}, errValue
		}
		f, err := parseTransformFn(t)
		if err != nil {
			return sval{}, err
		}
		for _, l := range f.lens {
			d |= l.deps()
		}
		s.fns = append(s.fns, f)
	}
	s.memo.deps = d
	if d == 0 {
		s.fixed = buildTransform(s, cctx{})
	}
	return sval{ref: s}, nil
}

// parseTransformFn reads one transform function (CSS Transforms 1 §12 and
// 2 §13).
func parseTransformFn(t vtok) (stf, error) {
	var f stf
	ts, ok := lexValue(t.args)
	if !ok {
		return f, errValue
	}
	var args []vtok
	for i, a := range ts {
		if i%2 == 1 {
			if a.kind != vtComma {
				return f, errValue
			}
			continue
		}
		args = append(args, a)
	}
	if len(ts) > 0 && len(ts)%2 == 0 {
		return f, errValue
	}
	n := len(args)
	nums := func(want int) bool {
		if n != want {
			return false
		}
		for i, a := range args {
			v, ok := vNumber(a)
			if !ok {
				return false
			}
			f.args[i] = v
		}
		return true
	}
	tlen := func(i int, a vtok, pct bool) bool {
		fl := lenNeg
		if pct {
			fl |= lenPct
		}
		l, ok := parseLen(a, fl)
		f.lens[i] = l
		return ok
	}
	angle := func(i int, a vtok) bool {
		v, ok := angleDeg(a)
		f.args[i] = v
		return ok
	}
	zero := slen{kind: LengthFixed}
	f.lens = [3]slen{zero, zero, zero}
	ok = false
	switch t.text {
	case "matrix":
		f.kind = TfMatrix
		ok = nums(6)
	case "matrix3d":
		f.kind = TfMatrix3D
		ok = nums(16)
	case "translate":
		f.kind = TfTranslate
		ok = (n == 1 || n == 2) && tlen(0, args[0], true) && (n == 1 || tlen(1, args[1], true))
	case "translatex":
		f.kind = TfTranslate
		ok = n == 1 && tlen(0, args[0], true)
	case "translatey":
		f.kind = TfTranslate
		ok = n == 1 && tlen(1, args[0], true)
	case "translatez":
		f.kind = TfTranslate
		ok = n == 1 && tlen(2, args[0], false)
	case "translate3d":
		f.kind = TfTranslate
		ok = n == 3 && tlen(0, args[0], true) && tlen(1, args[1], true) && tlen(2, args[2], false)
	case "scale", "scalex", "scaley", "scalez", "scale3d":
		f.kind = TfScale
		ok = parseScale(t.text, args, &f)
	case "rotate", "rotatez":
		f.kind = TfRotate
		f.args[2] = 1
		ok = n == 1 && angle(3, args[0])
	case "rotatex":
		f.kind = TfRotate
		f.args[0] = 1
		ok = n == 1 && angle(3, args[0])
	case "rotatey":
		f.kind = TfRotate
		f.args[1] = 1
		ok = n == 1 && angle(3, args[0])
	case "rotate3d":
		f.kind = TfRotate
		ok = n == 4 && angle(3, args[3])
		for i := 0; ok && i < 3; i++ {
			f.args[i], ok = vNumber(args[i])
		}
	case "skew":
		f.kind = TfSkew
		ok = (n == 1 || n == 2) && angle(0, args[0]) && (n == 1 || angle(1, args[1]))
	case "skewx":
		f.kind = TfSkew
		ok = n == 1 && angle(0, args[0])
	case "skewy":
		f.kind = TfSkew
		ok = n == 1 && angle(1, args[0])
	case "perspective":
		f.kind = TfPerspective
		if n == 1 && args[0].is("none") {
			return f, nil // no perspective: Args[0] stays 0
		}
		ok = n == 1 && tlen(0, args[0], false) && !f.lens[0].negative()
	default:
		return f, errValue
	}
	if !ok {
		return f, errValue
	}
	return f, nil
}

// parseScale fills Args[0..2] (x, y, z; missing ones 1). Percentages are
// numbers / 100 (CSS Transforms 2).
func parseScale(name string, args []vtok, f *stf) bool {
	f.args[0], f.args[1], f.args[2] = 1, 1, 1
	var vals []float32
	for _, a := range args {
		var v float32
		switch a.kind {
		case vtPercent:
			v = a.num / 100
		default:
			n, ok := vNumber(a)
			if !ok {
				return false
			}
			v = n
		}
		vals = append(vals, v)
	}
	switch name {
	case "scale":
		if len(vals) == 1 {
			f.args[0], f.args[1] = vals[0], vals[0]
			return true
		}
		if len(vals) == 2 {
			f.args[0], f.args[1] = vals[0], vals[1]
			return true
		}
	case "scalex":
		if len(vals) == 1 {
			f.args[0] = vals[0]
			return true
		}
	case "scaley":
		if len(vals) == 1 {
			f.args[1] = vals[0]
			return true
		}
	case "scalez":
		if len(vals) == 1 {
			f.args[2] = vals[0]
			return true
		}
	case "scale3d":
		if len(vals) == 3 {
			copy(f.args[:3], vals)
			return true
		}
	}
	return false
}

// sorigin is a specified transform-origin (x, y lengths; z px).
type sorigin [3]slen

// parseTransformOrigin reads 1–3 values: keywords or lengths for x and y, an
// optional z length (spec §2.7).
func parseTransformOrigin(ts []vtok, _ string) (sval, error) {
	o := &sorigin{}
	o[2] = slen{kind: LengthFixed}
	if len(ts) == 3 {
		z, ok := parseLen(ts[2], lenNeg)
		if !ok {
			return sval{}, errValue
		}
		o[2] = z
		ts = ts[:2]
	}
	if len(ts) < 1 || len(ts) > 2 {
		return sval{}, errValue
	}
	x, y, ok := parsePosition(ts)
	if !ok {
		return sval{}, errValue
	}
	o[0], o[1] = x, y
	return sval{ref: o}, nil
}
