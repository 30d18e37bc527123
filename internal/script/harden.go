package script

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/dop251/goja"
)

// Limits of the natives that loop over or allocate a size a script chooses
// in one step. goja checks for an interrupt only between JavaScript
// instructions, so without these a[4294967294] = 0; a.join() or
// 'x'.repeat(2 ** 30) would run (or allocate) for minutes inside one native
// call, out of reach of the Guard, and Close could not stop it.
const (
	// MaxArrayOpLength bounds the length of an array (or array-like) that
	// an Array.prototype method, Array.from or JSON.stringify walks; over
	// it they throw a RangeError.
	MaxArrayOpLength = 1 << 21
	// MaxStringLength bounds the result of String.prototype.repeat, padStart
	// and padEnd (UTF-16 units).
	MaxStringLength = 1 << 26
	// MaxBufferBytes bounds an ArrayBuffer or typed array a script
	// constructs.
	MaxBufferBytes = 64 << 20
)

// hardenSrc wraps the natives in place. It is ES5 so it also runs in the
// WXS realm (before that realm's globals are removed).
var hardenSrc = fmt.Sprintf(`(function (global) {
  var MAX_ARRAY = %d, MAX_BYTES = %d;
  var defineProperty = Object.defineProperty, keys = Object.keys, isArray = Array.isArray;
  var SetCtor = global.Set, construct = global.Reflect && global.Reflect.construct;
  function tooLong(what, n) {
    return new RangeError(what + ' of length ' + n + ' is over the sandbox limit of ' + MAX_ARRAY);
  }
  function lengthOf(o) {
    if (o === null || o === undefined) return 0;
    var n = Number(o.length);
    return n > 0 ? n : 0;
  }
  function wrap(obj, name, check) {
    var orig = obj[name];
    if (typeof orig !== 'function') return;
    var f = function () { check(this, arguments); return orig.apply(this, arguments); };
    defineProperty(f, 'name', { value: name });
    defineProperty(f, 'length', { value: orig.length });
    defineProperty(obj, name, { value: f, writable: true, configurable: true, enumerable: false });
  }
  // JSON.stringify walks its value natively: count what it would visit
  // (a tree walk; a cycle is left to stringify's own TypeError) first.
  if (SetCtor) {
    wrap(JSON, 'stringify', function (self, args) {
      var v = args[0];
      if (v === null || typeof v !== 'object') return;
      var count = 0, path = new SetCtor();
      (function walk(x) {
        if (x === null || typeof x !== 'object' || path.has(x) || typeof x.toJSON === 'function') return;
        path.add(x);
        if (isArray(x)) {
          var n = lengthOf(x);
          count += n;
          if (count > MAX_ARRAY) throw tooLong('JSON.stringify of a value', count);
          for (var i = 0; i < n; i++) walk(x[i]);
        } else {
          var ks = keys(x);
          count += ks.length;
          if (count > MAX_ARRAY) throw tooLong('JSON.stringify of a value', count);
          for (var j = 0; j < ks.length; j++) walk(x[ks[j]]);
        }
        path['delete'](x);
      })(v);
    });
  }
  if (construct) {
    var AB = global.ArrayBuffer;
    var buffers = ['ArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
      'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
    for (var b = 0; b < buffers.length; b++) {
      (function (name) {
        var C = global[name];
        if (typeof C !== 'function') return;
        var size = C.BYTES_PER_ELEMENT || 1;
        // A plain function, not a Proxy: goja's instanceof needs one.
        var F = function () {
          if (!(this instanceof F)) throw new TypeError('Constructor ' + name + ' requires \'new\'');
          var a = arguments[0], n = 0;
          if (typeof a === 'number') n = a;
          else if (a !== null && typeof a === 'object' && !(AB && a instanceof AB)) n = lengthOf(a);
          if (n * size > MAX_BYTES) throw new RangeError(name + ' of ' + n * size + ' bytes is over the sandbox limit of ' + MAX_BYTES);
          return construct(C, arguments, this.constructor === F ? C : this.constructor);
        };
        F.prototype = C.prototype;
        var statics = Object.getOwnPropertyNames(C);
        for (var k = 0; k < statics.length; k++) {
          var sn = statics[k];
          if (sn === 'prototype' || sn === 'length' || sn === 'name' || sn === 'arguments' || sn === 'caller') continue;
          defineProperty(F, sn, Object.getOwnPropertyDescriptor(C, sn));
        }
        defineProperty(F, 'name', { value: name });
        defineProperty(F, 'length', { value: C.length });
        defineProperty(global, name, { value: F, writable: true, configurable: true, enumerable: false });
      })(buffers[b]);
    }
  }
})(this)`, MaxArrayOpLength, MaxBufferBytes)

// Harden installs the limits above into rt's realm. Call it before
// removing globals (it keeps its own references to Set and Reflect).
// Array and String methods are wrapped by Go functions (cheap to call: no
// arguments object); JSON.stringify's walk and the buffer constructors are
// JavaScript.
func Harden(rt *goja.Runtime) error {
	hardenOnce.Do(func() { hardenProg, hardenErr = goja.Compile("", hardenSrc, false) })
	if hardenErr != nil {
		return hardenErr
	}
	arrayProto := rt.Get("Array").ToObject(rt).Get("prototype").ToObject(rt)
	for _, name := range arrayMethods {
		wrapNative(rt, arrayProto, name, func(call goja.FunctionCall) {
			checkArrayLength(rt, "array", call.This)
			for _, a := range call.Arguments {
				if o, ok := a.(*goja.Object); ok && o.ClassName() == "Array" {
					checkArrayLength(rt, "array", o)
				}
			}
		})
	}
	wrapNative(rt, rt.Get("Array").ToObject(rt), "from", func(call goja.FunctionCall) {
		if src := call.Argument(0); !goja.IsUndefined(src) && !goja.IsNull(src) {
			checkArrayLength(rt, "array-like", src)
		}
	})
	stringProto := rt.Get("String").ToObject(rt).Get("prototype").ToObject(rt)
	grows := map[string]func(this goja.Value, args []goja.Value) float64{
		"repeat": func(this goja.Value, a []goja.Value) float64 {
			if len(a) == 0 {
				return 0
			}
			return float64(len(this.String())) * a[0].ToFloat()
		},
		"padStart": padLength,
		"padEnd":   padLength,
	}
	for name, grow := range grows {
		wrapNative(rt, stringProto, name, func(call goja.FunctionCall) {
			if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
				return // the original throws its TypeError
			}
			if n := grow(call.This, call.Arguments); n > MaxStringLength {
				panic(rangeError(rt, fmt.Sprintf("Invalid string length (over the sandbox limit of %d)", MaxStringLength)))
			}
		})
	}
	_, err := rt.RunProgram(hardenProg)
	return err
}

func padLength(_ goja.Value, a []goja.Value) float64 {
	if len(a) == 0 {
		return 0
	}
	return a[0].ToFloat()
}

// arrayMethods are the Array.prototype methods that walk or copy up to the
// array's length in one native step (at, push, pop and the iterators do
// not).
var arrayMethods = []string{"concat", "copyWithin", "every", "fill", "filter", "find", "findIndex", "findLast",
	"findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "lastIndexOf", "map", "reduce",
	"reduceRight", "reverse", "shift", "slice", "some", "sort", "splice", "toLocaleString", "toReversed",
	"toSorted", "toSpliced", "toString", "unshift", "with"}

func checkArrayLength(rt *goja.Runtime, what string, v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	l := o.Get("length")
	if l == nil {
		return
	}
	if n := l.ToFloat(); n > MaxArrayOpLength {
		panic(rangeError(rt, fmt.Sprintf("%s of length %s is over the sandbox limit of %d", what, strconv.FormatFloat(n, 'f', -1, 64), MaxArrayOpLength)))
	}
}

func rangeError(rt *goja.Runtime, msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(rt.Get("RangeError"))
	if ctor != nil {
		if o, err := ctor(nil, rt.ToValue(msg)); err == nil {
			return o
		}
	}
	return rt.NewTypeError(msg)
}

// wrapNative replaces obj[name] by a Go function that runs check and then
// the original (a thrown check is the call's exception).
func wrapNative(rt *goja.Runtime, obj *goja.Object, name string, check func(goja.FunctionCall)) {
	orig, ok := goja.AssertFunction(obj.Get(name))
	if !ok {
		return
	}
	origObj := obj.Get(name).ToObject(rt)
	f := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		check(call)
		v, err := orig(call.This, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	}).ToObject(rt)
	_ = f.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = f.DefineDataProperty("length", origObj.Get("length"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

var (
	hardenOnce sync.Once
	hardenProg *goja.Program
	hardenErr  error
)
