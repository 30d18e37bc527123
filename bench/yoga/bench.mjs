// Builds the trees of layout/bench_test.go (every node flex-grow: 1 under a
// 1000×1000 root; "deep" = 10-ary breadth-first, "wide" = one level) and
// times a full calculateLayout, after marking the whole tree dirty, like the
// Go benchmark clears every cache. Run: npm install && node bench.mjs
import Yoga from 'yoga-layout';

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

function time(label, n, deep) {
  const { root, all } = build(n, deep);
  root.calculateLayout(undefined, undefined);
  const leaves = all.filter((x) => x.getChildCount() === 0);
  let iters = 0;
  let elapsed = 0;
  while (elapsed < 2e9 || iters < 3) {
    // Dirty every leaf (and so every ancestor) to force a full relayout;
    // only calculateLayout is timed.
    for (const l of leaves) { l.setFlexGrow(2); l.setFlexGrow(1); }
    const t0 = process.hrtime.bigint();
    root.calculateLayout(undefined, undefined);
    elapsed += Number(process.hrtime.bigint() - t0);
    iters++;
  }
  const perOp = elapsed / iters;
  // Clean relayout: nothing dirty.
  let cleanIters = 0;
  const cs = process.hrtime.bigint();
  while (cleanIters < 1000) { root.calculateLayout(undefined, undefined); cleanIters++; }
  const clean = Number(process.hrtime.bigint() - cs) / cleanIters;
  console.log(`${label}\t${(perOp / 1e6).toFixed(3)} ms/op\t${Math.round(n / (perOp / 1e9))} nodes/s\tclean ${(clean / 1e3).toFixed(2)} µs`);
  root.freeRecursive();
}

time('yoga Deep/1000', 1000, true);
time('yoga Deep/10000', 10000, true);
time('yoga Deep/100000', 100000, true);
time('yoga Wide/1000', 1000, false);
time('yoga Wide/10000', 10000, false);
