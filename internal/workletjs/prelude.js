(function (host) {
  'use strict';
  var def = Object.defineProperty;
  function api(name, f) { if (typeof f === 'function') def(f, '__wkapi', { value: name }); return f; }
  function easing(desc, f) { def(f, '__easing', { value: desc }); return f; }
  function descOf(e) {
    if (typeof e === 'function' && e.__easing) return e.__easing;
    return null;
  }
  // cubic-bezier solved as browsers do (Newton, then bisection).
  function bezier(x1, y1, x2, y2) {
    var cx = 3 * x1, bx = 3 * (x2 - x1) - cx, ax = 1 - cx - bx;
    var cy = 3 * y1, by = 3 * (y2 - y1) - cy, ay = 1 - cy - by;
    function sx(t) { return ((ax * t + bx) * t + cx) * t; }
    function sy(t) { return ((ay * t + by) * t + cy) * t; }
    function dx(t) { return (3 * ax * t + 2 * bx) * t + cx; }
    function solve(x) {
      var t = x, i;
      for (i = 0; i < 8; i++) {
        var e = sx(t) - x;
        if (Math.abs(e) < 1e-7) return t;
        var d = dx(t);
        if (Math.abs(d) < 1e-6) break;
        t -= e / d;
      }
      var lo = 0, hi = 1;
      t = x;
      while (lo < hi) {
        var v = sx(t);
        if (Math.abs(v - x) < 1e-7) return t;
        if (x > v) lo = t; else hi = t;
        t = (lo + hi) / 2;
        if (hi - lo < 1e-9) break;
      }
      return t;
    }
    return function (x) {
      if (x <= 0) return 0;
      if (x >= 1) return 1;
      return sy(solve(x));
    };
  }
  function bounce(t) {
    var k = 7.5625;
    if (t < 1 / 2.75) return k * t * t;
    if (t < 2 / 2.75) { t -= 1.5 / 2.75; return k * t * t + 0.75; }
    if (t < 2.5 / 2.75) { t -= 2.25 / 2.75; return k * t * t + 0.9375; }
    t -= 2.625 / 2.75;
    return k * t * t + 0.984375;
  }
  function wrapEasing(kind, e, f) { return easing([kind, descOf(e)], f); }
  var E = {
    linear: easing(['linear'], function (t) { return t; }),
    ease: easing(['ease'], bezier(0.42, 0, 1, 1)),
    quad: easing(['quad'], function (t) { return t * t; }),
    cubic: easing(['cubic'], function (t) { return t * t * t; }),
    sin: easing(['sin'], function (t) { return 1 - Math.cos(t * Math.PI / 2); }),
    circle: easing(['circle'], function (t) { return 1 - Math.sqrt(1 - t * t); }),
    exp: easing(['exp'], function (t) { return Math.pow(2, 10 * (t - 1)); }),
    bounce: easing(['bounce'], bounce),
    poly: function (n) { return easing(['poly', n], function (t) { return Math.pow(t, n); }); },
    elastic: function (b) {
      if (b === undefined) b = 1;
      var p = b * Math.PI;
      return easing(['elastic', b], function (t) { var c = Math.cos(t * Math.PI / 2); return 1 - c * c * c * Math.cos(t * p); });
    },
    back: function (s) {
      if (s === undefined) s = 1.70158;
      return easing(['back', s], function (t) { return t * t * ((s + 1) * t - s); });
    },
    bezier: function (x1, y1, x2, y2) {
      var f = easing(['bezier', x1, y1, x2, y2], bezier(x1, y1, x2, y2));
      return { factory: function () { return f; } };
    },
    bezierFn: function (x1, y1, x2, y2) { return easing(['bezier', x1, y1, x2, y2], bezier(x1, y1, x2, y2)); },
    steps: function (n, round) {
      if (round === undefined) round = true;
      n = Math.max(n | 0, 1);
      return easing(['steps', n, round], function (t) {
        var v = Math.min(Math.max(t, 0), 1) * n;
        return (round ? Math.ceil(v) : Math.floor(v)) / n;
      });
    },
    in: function (e) { return wrapEasing('in', e, function (t) { return e(t); }); },
    out: function (e) { return wrapEasing('out', e, function (t) { return 1 - e(1 - t); }); },
    inOut: function (e) {
      return wrapEasing('inOut', e, function (t) { return t < 0.5 ? e(t * 2) / 2 : 1 - e((1 - t) * 2) / 2; });
    }
  };
  Object.keys(E).forEach(function (k) { if (!E[k].__easing) api('Easing.' + k, E[k]); });
  // fromDesc rebuilds an easing from its descriptor (the other side's).
  function fromDesc(d) {
    if (!d) return E.linear;
    switch (d[0]) {
      case 'poly': case 'elastic': case 'back': return E[d[0]](d[1]);
      case 'steps': return E.steps(d[1], d[2]);
      case 'bezier': return E.bezierFn(d[1], d[2], d[3], d[4]);
      case 'in': case 'out': case 'inOut': return E[d[0]](fromDesc(d[1]));
    }
    return E[d[0]] || E.linear;
  }
  function cfgOf(o) { return o && typeof o === 'object' ? o : {}; }
  var w = {
    Easing: E,
    timing: api('timing', function (to, cfg, cb) {
      cfg = cfgOf(cfg);
      var e = cfg.easing;
      if (e && typeof e === 'object' && typeof e.factory === 'function') e = e.factory();
      return { __anim: 'timing', to: to, duration: cfg.duration === undefined ? 300 : cfg.duration, easing: e, cb: cb };
    }),
    spring: api('spring', function (to, cfg, cb) {
      return { __anim: 'spring', to: to, cfg: cfgOf(cfg), cb: cb };
    }),
    decay: api('decay', function (cfg, cb) {
      return { __anim: 'decay', cfg: cfgOf(cfg), cb: cb };
    }),
    sequence: api('sequence', function () {
      return { __anim: 'sequence', parts: Array.prototype.slice.call(arguments) };
    }),
    repeat: api('repeat', function (inner, count, reverse, cb) {
      return { __anim: 'repeat', inner: inner, count: count === undefined ? 2 : count, reverse: !!reverse, cb: cb };
    }),
    delay: api('delay', function (ms, inner) {
      return { __anim: 'delay', ms: ms, inner: inner };
    }),
    shared: api('shared', host.shared),
    derived: api('derived', host.derived),
    runOnUI: api('runOnUI', host.runOnUI),
    runOnJS: api('runOnJS', host.runOnJS),
    cancelAnimation: api('cancelAnimation', host.cancelAnimation)
  };
  def(w, '__fromEasing', { value: fromDesc });
  // Shared values share one prototype holding the value accessor (the
  // side's get and set are the same for every value).
  var proto = null;
  def(w, '__makeShared', {
    value: function (id, get, set) {
      if (!proto) {
        proto = {};
        def(proto, 'value', {
          get: function () { return get(this.__sharedId); },
          set: function (v) { set(this.__sharedId, v); }
        });
      }
      var o = Object.create(proto);
      def(o, '__sharedId', { value: id });
      return o;
    }
  });
  return w;
})
