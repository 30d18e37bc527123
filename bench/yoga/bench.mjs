// Builds the trees of layout/bench_test.go (every node flex-grow: 1 under a
// 1000×1000 root; "deep" = 10-ary breadth-first, "wide" = one level) and
// times a full calculateLayout, after marking the whole tree dirty, like the
// Go benchmark clears every cache. Also the two relayouts of
// layout/bench_test.go on the deep 10k tree: a clean one (nothing dirty) and
// one after changing one leaf's flex-grow.
//
//   npm install && node bench.mjs [--time MS] [--bench] [--only REGEXP]
//
// --time: timed milliseconds per tree (default 2000), after a warm-up as
// long (at least one layout), so that V8 has tiered the WASM up, as Go's
// benchmark ramp-up warms the Go code, even when the tree is the only one
// the process times. --bench prints Go benchmark lines
// (BenchmarkYogaDeep/10000  N  ns/op), which scripts/bench.sh reads.
// --only keeps the trees whose name matches.
import Yoga from 'yoga-layout';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const budgetNs = parseFloat(opt('time', '2000')) * 1e6;
const benchOut = args.includes('--bench');
const only = new RegExp(opt('only', '.'));

function build(n, deep) {
  const root = Yoga.Node.create();
  root.setWidth(1000);
  root.setHeight(1000);
  const all = [root];
  const queue = [root];
  let count = 1;
  while (count < n) {
    const p = deep ? queue.shift() : root;
    for (let i = 0; i < (deep ? 10 : n) && count < n; i++) {
      const c = Yoga.Node.create();
      c.setFlexGrow(1);
      p.insertChild(c, p.getChildCount());
      all.push(c);
      queue.push(c);
      count++;
    }
  }
  return { root, all };
}

// loop runs prepare (untimed) and body (timed) for the warm-up and then for
// the timed budget; it returns ns per body call. A body that does batch
// calls is divided by batch (for calls too short to time one by one).
function loop(prepare, body, batch = 1) {
  const run = (budget, minIters) => {
    let iters = 0;
    let elapsed = 0;
    while (elapsed < budget || iters < minIters) {
      prepare();
      const t0 = process.hrtime.bigint();
      body();
      elapsed += Number(process.hrtime.bigint() - t0);
      iters++;
    }
    return { iters: iters * batch, perOp: elapsed / iters / batch };
  };
  run(budgetNs, 1);
  return run(budgetNs, 2);
}

function report(name, n, r, extra = '') {
  if (benchOut) {
    console.log(`BenchmarkYoga${name}\t${r.iters}\t${r.perOp.toFixed(1)} ns/op` +
      (n ? `\t${Math.round(n / (r.perOp / 1e9))} nodes/s` : ''));
  } else {
    console.log(`yoga ${name}\t${(r.perOp / 1e6).toFixed(3)} ms/op` +
      (n ? `\t${Math.round(n / (r.perOp / 1e9))} nodes/s` : '') + extra);
  }
}

function full(name, n, deep) {
  if (!only.test(name)) return;
  const { root, all } = build(n, deep);
  root.calculateLayout(undefined, undefined);
  const leaves = all.filter((x) => x.getChildCount() === 0);
  // Dirty every leaf (and so every ancestor) to force a full relayout;
  // only calculateLayout is timed.
  const r = loop(() => { for (const l of leaves) { l.setFlexGrow(2); l.setFlexGrow(1); } },
    () => root.calculateLayout(undefined, undefined));
  report(name, n, r);
  root.freeRecursive();
}

// The relayouts of BenchmarkCleanRelayoutDeep10k and
// BenchmarkOneLeafRelayoutDeep10k: the style change is timed too, as there.
function relayouts() {
  if (!only.test('CleanRelayoutDeep10k') && !only.test('OneLeafRelayoutDeep10k')) return;
  const { root, all } = build(10000, true);
  root.calculateLayout(undefined, undefined);
  if (only.test('CleanRelayoutDeep10k')) {
    report('CleanRelayoutDeep10k', 0, loop(() => {}, () => {
      for (let k = 0; k < 1000; k++) root.calculateLayout(undefined, undefined);
    }, 1000));
  }
  if (only.test('OneLeafRelayoutDeep10k')) {
    const leaf = all[all.length - 1];
    let i = 0;
    report('OneLeafRelayoutDeep10k', 0, loop(() => {}, () => {
      leaf.setFlexGrow(1 + (i++ % 2));
      root.calculateLayout(undefined, undefined);
    }));
  }
  root.freeRecursive();
}

full('Deep/1000', 1000, true);
full('Deep/10000', 10000, true);
full('Deep/100000', 100000, true);
full('Wide/1000', 1000, false);
full('Wide/10000', 10000, false);
relayouts();
