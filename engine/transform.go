package engine

import (
	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/style"
)

// Hit testing inverts the transforms that paint draws (hittest.go
// untransform), with paint's matrices under the names it has used so far.
// These go when hit testing moves out of the engine.

type mat4 paint.Matrix

func (a mat4) mul(b mat4) mat4 { return mat4(paint.Matrix(a).Mul(paint.Matrix(b))) }

func translate4(x, y, z float64) mat4 { return mat4(paint.Translate(x, y, z)) }

func transformMatrix(fns []style.TransformFn, w, h float32) mat4 {
	return mat4(paint.TransformMatrix(fns, w, h))
}

func originLen(l style.Length, size float32) float32 { return paint.OriginLen(l, size) }
