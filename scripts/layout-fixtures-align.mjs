#!/usr/bin/env node
// layout-fixtures-align: makes layout fixtures (the JSON format of
// ../shared/conformance/README.md) from hand-written HTML sources, with the
// expected geometry computed by headless Chromium under the Skyline prelude.
//
//   node scripts/layout-fixtures-align.mjs [--src DIR] [--out DIR] [--chromium PATH] [FILE.html ...]
//
// Defaults: sources layout/testdata/fixtures-src/{aspect,baseline,safe,collapse}.html,
// output layout/testdata/fixtures/. puppeteer-core is taken from $PUPPETEER_DIR
// (default /work/oracle, the page oracle's npm install).
//
// Source format: an HTML fragment whose top-level <div>s each carry an id and
// inline styles only; each is one case named `<file stem>__<id>`. Optional
// attributes on a top-level div: data-viewport="375x667" (the root's
// containing block; absent = null/null, a zero-size container as in the Yoga
// harness), data-features="a,b", data-note="...". On any div,
// data-chromium-style="..." makes Chromium lay out that style instead of
// `style` while the fixture records `style`: this is how a fixture states
// Skyline's result where Chromium differs (e.g. spec §3.3: `overflow` does not
// create a block formatting context, so Chromium lays out the same box with
// `overflow: visible`). Such cases carry source.skylineOverride.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const DEFAULTS = {
  'display': 'flex',
  'flex-direction': 'column',
  'box-sizing': 'border-box',
  'position': 'relative',
  'align-items': 'stretch',
  'align-content': 'flex-start',
  'justify-content': 'flex-start',
  'flex-shrink': '0',
  'flex-grow': '0',
  'flex-basis': 'auto',
  'margin': '0',
  'padding': '0',
  'border': '0 solid',
  'min-width': 'auto',
  'min-height': 'auto',
};

function parseArgs(argv) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const a = {
    src: path.join(root, 'layout/testdata/fixtures-src'),
    out: path.join(root, 'layout/testdata/fixtures'),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--src') a.src = argv[++i];
    else if (v === '--out') a.out = argv[++i];
    else if (v === '--chromium') a.chromium = argv[++i];
    else a.files.push(v);
  }
  if (!a.files.length) a.files = ['aspect', 'baseline', 'safe', 'collapse'].map(n => path.join(a.src, n + '.html'));
  return a;
}

const prelude = `html, body { margin: 0; padding: 0; }
main { display: block; position: relative; margin: 0; padding: 0; border: 0; }
div { ${Object.entries(DEFAULTS).map(([k, v]) => `${k}: ${v};`).join(' ')} }`;

// Runs in the page: lays out each case alone and returns its box tree.
function measureCases() {
  const tpl = document.getElementById('cases');
  const out = [];
  const cases = [...tpl.content.children].filter(e => e.tagName === 'DIV');
  for (const src of cases) {
    const host = document.getElementById('host');
    host.replaceChildren(src.cloneNode(true));
    const root = host.firstElementChild;
    const vp = root.getAttribute('data-viewport');
    let viewport = { width: null, height: null };
    if (vp) {
      const [w, h] = vp.split('x').map(Number);
      viewport = { width: w, height: h };
    }
    host.style.width = (viewport.width ?? 0) + 'px';
    host.style.height = (viewport.height ?? 0) + 'px';
    const overrides = [];
    const styles = new Map();
    const prep = el => {
      const own = el.getAttribute('style') || '';
      styles.set(el, own);
      const chromium = el.getAttribute('data-chromium-style');
      if (chromium !== null) {
        overrides.push({ own, chromium });
        el.setAttribute('style', chromium);
      }
      // A display: block box without its own align-content uses `normal`
      // (conformance README): any other value would make it a new
      // formatting context in Chromium.
      if (el.style.display === 'block' && !el.style.alignContent) el.style.alignContent = 'normal';
      for (const c of el.children) if (c.tagName === 'DIV') prep(c);
    };
    prep(root);
    root.style.position = 'absolute';
    const hostRect = host.getBoundingClientRect();
    const walk = (el, parentRect, parentAbs) => {
      const r = el.getBoundingClientRect();
      const abs = { x: r.left - hostRect.left, y: r.top - hostRect.top };
      const rel = { x: r.left - parentRect.left, y: r.top - parentRect.top };
      const node = {
        style: styles.get(el),
        expected: { x: rel.x, y: rel.y, width: r.width, height: r.height },
        expectedRounded: {
          x: Math.round(rel.x), y: Math.round(rel.y),
          width: Math.round(abs.x + r.width) - Math.round(abs.x),
          height: Math.round(abs.y + r.height) - Math.round(abs.y),
        },
      };
      const kids = [...el.children].filter(c => c.tagName === 'DIV');
      if (kids.length) node.children = kids.map(c => walk(c, r, abs));
      return node;
    };
    out.push({
      id: root.id,
      viewport,
      features: (root.getAttribute('data-features') || '').split(',').map(s => s.trim()).filter(Boolean),
      note: root.getAttribute('data-note') || undefined,
      overrides,
      root: walk(root, hostRect, { x: 0, y: 0 }),
    });
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const require = createRequire(path.join(process.env.PUPPETEER_DIR || '/work/oracle', 'package.json'));
  const puppeteer = require('puppeteer-core');
  fs.mkdirSync(args.out, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-fixtures-profile-'));
  const browser = await puppeteer.launch({
    executablePath: args.chromium,
    ignoreDefaultArgs: true,
    pipe: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${userDataDir}`, '--hide-scrollbars', '--mute-audio', '--disable-extensions',
      '--font-render-hinting=none', 'about:blank'],
    defaultViewport: null,
  });
  let written = 0;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
    for (const file of args.files) {
      const stem = path.basename(file, '.html');
      const body = fs.readFileSync(file, 'utf8');
      const html = `<!doctype html><html><head><meta charset="utf-8"><style>${prelude}</style></head>` +
        `<body><main id="host"></main><template id="cases">${body}</template></body></html>`;
      await page.setContent(html, { waitUntil: 'load' });
      const cases = await page.evaluate(measureCases);
      const seen = new Set();
      for (const c of cases) {
        if (!c.id) throw new Error(`${file}: a top-level div has no id`);
        if (seen.has(c.id)) throw new Error(`${file}: duplicate id ${c.id}`);
        seen.add(c.id);
        const fx = {
          name: `${stem}__${c.id}`,
          source: { suite: 'skyline-layout', fixture: path.basename(file), id: c.id, chromium: await browser.version() },
          viewport: c.viewport,
          direction: 'ltr',
          defaults: DEFAULTS,
          features: c.features,
          root: c.root,
        };
        if (c.note) fx.source.note = c.note;
        if (c.overrides.length) {
          fx.source.skylineOverride = c.overrides.map(o => `Chromium laid out "${o.chromium}" for "${o.own}"`);
        }
        fs.writeFileSync(path.join(args.out, fx.name + '.json'), JSON.stringify(fx, null, 1) + '\n');
        written++;
      }
      console.log(`${path.basename(file)}: ${cases.length} cases`);
    }
  } finally {
    await browser.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`${written} fixtures -> ${args.out}`);
}

main().catch(e => { console.error(e); process.exit(1); });
