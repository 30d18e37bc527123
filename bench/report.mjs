// Prints the markdown tables of scripts/bench.sh from a results folder:
//
//   node bench/report.mjs DIR
//
// DIR/raw.tsv holds one figure a line (round, seq, group, side, key, unit,
// value), DIR/commands.tsv the commands that made them, DIR/meta.tsv the
// machine and the run. Each row below names a figure of ours and, where it
// has one, the figure it is compared with (an anchor engine, or another of
// our benchmarks run in the same command). A cell is the median over the
// rounds with min–max; the ratio is the median of ours over the median of the
// other; "per round" is the range of the ratios of figures taken in the same
// round (and the same seq: the cold renders run several pairs a round).

import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/report.mjs DIR');
  process.exit(2);
}
const readTSV = (f) => {
  const p = path.join(dir, f);
  if (!fs.existsSync(p)) return [];
  return fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
};

// Units: a row shows `metric` divided by `scale` as `unit`.
const ns = (unit) => ({ metric: 'ns/op', scale: { s: 1e9, ms: 1e6, 'µs': 1e3, ns: 1 }[unit], unit });

const GROUPS = [
  {
    id: 'layout',
    title: 'Layout vs yoga-layout',
    prose: 'Full layout (every cache cleared) of the Yoga/Taffy benchmark trees: every node `flex-grow: 1` under a 1000×1000 root; deep = 10-ary, wide = one level. yoga-layout builds the same trees and marks every leaf dirty before each timed `calculateLayout`. One pair of commands per tree, so both figures of a row are taken seconds apart.',
    rows: [
      { what: 'deep tree, 1,000 nodes', ours: 'layout:Deep/1000', other: 'yoga:YogaDeep/1000', otherName: 'yoga', ...ns('ms') },
      { what: 'deep tree, 10,000 nodes', ours: 'layout:Deep/10000', other: 'yoga:YogaDeep/10000', otherName: 'yoga', ...ns('ms') },
      { what: 'deep tree, 100,000 nodes', ours: 'layout:Deep/100000', other: 'yoga:YogaDeep/100000', otherName: 'yoga', ...ns('ms') },
      { what: 'wide tree, 1,000 nodes', ours: 'layout:Wide/1000', other: 'yoga:YogaWide/1000', otherName: 'yoga', ...ns('ms') },
      { what: 'wide tree, 10,000 nodes', ours: 'layout:Wide/10000', other: 'yoga:YogaWide/10000', otherName: 'yoga', ...ns('ms') },
      { what: 'clean relayout, deep 10k (nothing changed)', ours: 'layout:CleanRelayoutDeep10k', other: 'yoga:YogaCleanRelayoutDeep10k', otherName: 'yoga', ...ns('ns') },
      { what: 'one leaf’s flex-grow changed, relayout, deep 10k', ours: 'layout:OneLeafRelayoutDeep10k', other: 'yoga:YogaOneLeafRelayoutDeep10k', otherName: 'yoga', ...ns('µs') },
    ],
  },
  {
    id: 'firstframe',
    title: 'First frame of a 1,000-row feed vs headless Chromium',
    prose: 'Ours: load + style + layout + paint of `testdata/pages/scroll-feed` (1,000 rows in `scroll-view type="list"`) to a 750×1334 frame, in a warm process. Chromium: the same page as HTML under the page-oracle prelude, 375×667 @2, a new tab in a warm browser per run (the first run of each round dropped); times from navigation start.',
    rows: [
      { what: 'first frame vs Chromium first-contentful-paint', ours: 'engine:ScrollFeedFirstFrame', other: 'chromium:ChromiumFeed/fcp', otherName: 'Chromium FCP', ...ns('ms') },
      { what: 'first frame vs Chromium’s frame after the load event', ours: 'engine:ScrollFeedFirstFrame', other: 'chromium:ChromiumFeed/frame-after-load', otherName: 'Chromium frame', ...ns('ms') },
    ],
  },
  {
    id: 'render',
    title: 'Cold render to PNG: cmd/render vs chromium --headless --screenshot',
    prose: 'Whole processes, wall time from start to exit: `cmd/render` (built once) renders `testdata/pages/scroll-feed` to a 750×1334 PNG; Chromium screenshots the same page’s HTML (written once by `bench/chromium/feed.mjs --html`) at 375×667 @2, reusing one profile folder. Several pairs a round.',
    rows: [
      { what: 'scroll-feed, process start to PNG written', ours: 'render:RenderCold', other: 'chromium:ChromiumScreenshot', otherName: 'Chromium', ...ns('ms') },
    ],
  },
  {
    id: 'foundation',
    title: 'Foundation: WXML, bindings, styles',
    prose: 'The 1,000-row feed of `engine/bench_test.go` (8,000 nodes; 60 rules incl. descendant, `:nth-child`, `var()`, dark media).',
    rows: [
      { what: 'parse + instantiate the feed', ours: 'engine:LoadFeed1000', ...ns('ms') },
      { what: 'full style of the feed (8,002 elements), per element', ours: 'engine:FullStyleFeed1000', metric: 'ns/node', scale: 1, unit: 'ns/node' },
      { what: 'the same in the style package alone (62 rules), per element', ours: 'style:FeedStyle', metric: 'ns/node', scale: 1, unit: 'ns/node' },
      { what: 'the same with a `var()` in the title colour, per element', ours: 'style:FeedStyleVars', metric: 'ns/node', scale: 1, unit: 'ns/node' },
      { what: 'class flip on row 500 + restyle', ours: 'engine:ClassFlipFeed1000', ...ns('µs') },
      { what: '`setData` of `list[500].title`', ours: 'engine:SetDataFeedTitle', ...ns('ns') },
      { what: 'expression eval of a path `a.b[2].c`', ours: 'expr:EvalPath', ...ns('ns') },
      { what: 'WXML parse of the feed (427 KB)', ours: 'wxml:ParseFeed', ...ns('ms') },
      { what: '`ComputeInto` with 10 declarations', ours: 'style:ComputeInto10', ...ns('ns') },
    ],
  },
  {
    id: 'text',
    title: 'Text',
    prose: '1,000 mixed CJK/Latin paragraphs of 20–60 words.',
    rows: [
      { what: 'line breaking + positioning at a new width, per paragraph', ours: 'text:Wrap1000', metric: 'ns/paragraph', scale: 1e3, unit: 'µs' },
      { what: 'shaping (go-text HarfBuzz), cold cache, per paragraph', ours: 'text:Shape1000', metric: 'ns/paragraph', scale: 1e3, unit: 'µs' },
    ],
  },
  {
    id: 'paint',
    title: 'Paint and pixels',
    prose: 'Raster fast paths on a 512×512 canvas (AVX2 span kernel unless `-tags purego`), and whole frames at 750×1334 (375×667 @2).',
    rows: [
      { what: 'src-over, translucent solid span (vs `image/draw` Over, same pixels)', ours: 'raster:SrcOverSpan', other: 'raster:ImageDrawOver', otherName: 'image/draw', metric: 'ns/px', scale: 1, unit: 'ns/px' },
      { what: 'the same, one span per row (vs the Go kernel, `-tags purego`)', ours: 'raster:SrcOverSpanRows', other: 'purego:SrcOverSpanRows', otherName: 'Go kernel', metric: 'ns/px', scale: 1, unit: 'ns/px' },
      { what: 'opaque fill', ours: 'raster:OpaqueFill', metric: 'ns/px', scale: 1, unit: 'ns/px' },
      { what: 'rounded-rect fill (r = 24, translucent)', ours: 'raster:RRectFill', metric: 'ns/px', scale: 1, unit: 'ns/px' },
      { what: 'cached glyph, 16 px', ours: 'raster:GlyphCached', ...ns('ns') },
      { what: 'uncached glyph (rasterise + draw)', ours: 'raster:GlyphUncached', ...ns('µs') },
      { what: 'box shadow 330×120 from the shadow cache (vs uncached)', ours: 'raster:BoxShadowCached/cached', other: 'raster:BoxShadowCached/uncached', otherName: 'uncached', ...ns('µs') },
      { what: 'gaussian blur 200×200, σ = 4', ours: 'raster:GaussianBlur200', ...ns('ms') },
      { what: 'bilinear image draw', ours: 'raster:BilinearImage', metric: 'ns/px', scale: 1, unit: 'ns/px' },
      { what: 'full frame 750×1334: showcase (shadows, gradient, images, CJK text)', ours: 'engine:Render/showcase', ...ns('ms') },
      { what: 'full frame 750×1334: feed (30 cards)', ours: 'engine:Render/feed', ...ns('ms') },
      { what: 'display-list build only (feed: 436 ops, 2,536 glyphs)', ours: 'engine:PaintBuild', ...ns('µs') },
    ],
  },
  {
    id: 'scroll',
    title: 'On-demand scrolling',
    prose: 'The scroll core alone with a fake host (`scroll`), then real pages through the engine at 750×1334: a 3,000 px/s fling through a `list-builder`, one frame = one 60 Hz step + render; p50 / p99 are over the frames of one run.',
    rows: [
      { what: 'scroll core: fling frame over a 1,000,000-item list', ours: 'scroll:FlingFrame', ...ns('ns') },
      { what: 'scroll core: heap after scrolling 1M items (vs 1k)', ours: 'scroll:HeapAfterScroll/1M', other: 'scroll:HeapAfterScroll/1k', otherName: '1k', metric: 'heap-MB', scale: 1, unit: 'MB', noAllocs: true },
      { what: 'fling frame, 1k items, p50', ours: 'engine:ScrollFling/1k', metric: 'p50-ms', scale: 1, unit: 'ms' },
      { what: 'fling frame, 1k items, p99', ours: 'engine:ScrollFling/1k', metric: 'p99-ms', scale: 1, unit: 'ms' },
      { what: 'fling frame, 1M items, p50 (vs 1k)', ours: 'engine:ScrollFling/1M', other: 'engine:ScrollFling/1k', otherName: '1k', metric: 'p50-ms', scale: 1, unit: 'ms' },
      { what: 'fling frame, 1M items, p99 (vs 1k)', ours: 'engine:ScrollFling/1M', other: 'engine:ScrollFling/1k', otherName: '1k', metric: 'p99-ms', scale: 1, unit: 'ms' },
      { what: 'fling frame, costly cards, per-unit layers, p50 (vs painted directly)', ours: 'engine:ScrollFlingCards/layers', other: 'engine:ScrollFlingCards/direct', otherName: 'direct', metric: 'p50-ms', scale: 1, unit: 'ms' },
      { what: 'fling frame, costly cards, per-unit layers, p99 (vs painted directly)', ours: 'engine:ScrollFlingCards/layers', other: 'engine:ScrollFlingCards/direct', otherName: 'direct', metric: 'p99-ms', scale: 1, unit: 'ms' },
      { what: 'heap after scrolling, minus the data array: 1M items (vs 1k)', ours: 'engine:ScrollHeap/1M', other: 'engine:ScrollHeap/1k', otherName: '1k', metric: 'MB-heap-minus-data', scale: 1, unit: 'MB', noAllocs: true },
      { what: '`setData` of a visible item → frame ready', ours: 'engine:ScrollSetDataVisible', ...ns('ms') },
    ],
  },
  {
    id: 'logic',
    title: 'Logic layer and app driver',
    prose: 'JavaScript in goja; mp-cart is `testdata/pages/mp-cart`.',
    rows: [
      { what: 'tap → JS handler → setData → patch → re-render (mp-cart)', ours: 'app:TapRoundTrip', ...ns('µs') },
      { what: 'open a page with its scripts (mp-cart)', ours: 'app:Open', ...ns('ms') },
      { what: 'event → setData on a 100-row list → `**` observer → patch (runtime only)', ours: 'logic:EventToPatch', ...ns('µs') },
      { what: 'property coercion of a literal number', ours: 'logic:Coerce', ...ns('ns') },
    ],
  },
];

// samples[key][metric] = [{round, seq, value}]
const samples = {};
for (const [round, seq, , , key, unit, value] of readTSV('raw.tsv')) {
  ((samples[key] ??= {})[unit] ??= []).push({ pair: `${round}.${seq}`, value: Number(value) });
}
const commands = readTSV('commands.tsv');
const meta = Object.fromEntries(readTSV('meta.tsv').map(([k, ...v]) => [k, v.join('\t')]));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function num(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

const stat = (key, metric, scale) => {
  const xs = samples[key]?.[metric];
  if (!xs || !xs.length) return null;
  const vs = xs.map((x) => x.value / scale);
  return { med: median(vs), min: Math.min(...vs), max: Math.max(...vs), n: vs.length, xs };
};
const cell = (s, unit, bold) => {
  if (!s) return '—';
  const m = `${num(s.med)} ${unit}`;
  return (bold ? `**${m}**` : m) + (s.n > 1 ? ` (${num(s.min)}–${num(s.max)})` : '');
};
const ratio = (r) => (r < 1 && r > 0 ? `${num(r)} (1/${num(1 / r)})` : num(r));

const out = [];
const p = (s = '') => out.push(s);

p(`- Run: ${meta.started ?? '?'}, commit ${meta.commit ?? '?'}, ${meta.rounds ?? '?'} rounds of ${meta.groups ?? '?'}, ${meta.elapsed ?? '?'} in all.`);
p(`- Machine: ${meta.machine ?? '?'}; ${meta.go ?? ''}; Node ${meta.node ?? '?'}` +
  (meta.yoga ? `; ${meta.yoga}` : '') + (meta.chromium ? `; ${meta.chromium}` : '') + '.');
p(`- Load average (1, 5, 15 min) at the start: ${meta.load_start ?? '?'}; at the end: ${meta.load_end ?? '?'}.`);

for (const g of GROUPS) {
  const cmds = commands.filter((c) => c[0] === g.id);
  if (!cmds.length) continue;
  p();
  p(`### ${g.title}`);
  p();
  p(`\`scripts/bench.sh ${g.id}\` runs, in each round:`);
  p();
  for (const [, side, , cmd] of cmds) p(`- ${side === 'anchor' ? 'anchor' : 'ours'}: \`${cmd}\``);
  if (cmds.some((c) => c[1] === 'anchor')) p('- ours and the anchor alternate: ours first in odd rounds, the anchor first in even ones.');
  p();
  p(g.prose);
  p();
  p('| what | ours: median (min–max) | compared with: median (min–max) | ratio ours / other (per round) | allocs/op, B/op | benchmark |');
  p('|---|---|---|---|---|---|');
  for (const r of g.rows) {
    const o = stat(r.ours, r.metric, r.scale);
    const a = r.other ? stat(r.other, r.metric, r.scale) : null;
    let rc = '—';
    if (o && a && a.med > 0) {
      // Round-by-round ratios, figures paired by round and seq.
      const byPair = new Map(a.xs.map((x) => [x.pair, x.value]));
      const rs = o.xs.filter((x) => byPair.get(x.pair) > 0).map((x) => x.value / byPair.get(x.pair));
      rc = `**${ratio(o.med / a.med)}**` + (rs.length > 1 ? ` (${num(Math.min(...rs))}–${num(Math.max(...rs))})` : '');
    }
    let allocs = '—';
    const al = stat(r.ours, 'allocs/op', 1);
    const by = stat(r.ours, 'B/op', 1);
    // Go prints whole allocs/op and B/op; a median of two may end in .5.
    const count = (v) => (Number.isInteger(v) ? v.toLocaleString('en-US') : num(v));
    if (!r.noAllocs && al) allocs = `${count(al.med)}, ${by ? count(by.med) : '?'} B`;
    const name = (k) => `\`${k.replace(/^[a-z]+:/, 'Benchmark')}\`` + (k.startsWith('purego:') ? ' (`-tags purego`)' : '');
    const other = r.other ? `${r.otherName} ${cell(a, r.unit, false)}` : '—';
    p(`| ${r.what} | ${cell(o, r.unit, true)} | ${other} | ${rc} | ${allocs} | ${name(r.ours)}${r.other ? ' vs ' + name(r.other) : ''} |`);
  }
}
console.log(out.join('\n'));
