#!/usr/bin/env node
// Regenerates layout/testdata/fixtures/*.json from the HTML sources in
// layout/testdata/fixtures-src/: each source file <class>.html holds cases,
// one per top-level <div id="...">, written with inline styles only (the
// format of ../shared/conformance/README.md, "Making new cases"). Every case
// is laid out in headless Chromium under the fixtures' defaults and stored
// as <class>__<id>.json with each box's border box relative to its parent.
//
//   node scripts/layout-fixtures.mjs [SRC.html ...]
//
// Optional attributes on a case's top-level div: data-viewport="375x667"
// (the available space given to the root; default null/null, i.e. the root
// is absolutely positioned in a zero-size container) and
// data-features="gap,margin-auto" (tags for filtering).
//
// Needs Debian's chromium (or $CHROMIUM) and puppeteer-core, found in
// $PUPPETEER_DIR or ../shared/tools/page-oracle/node_modules (run
// `npm install` there first) or /work/oracle/node_modules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'layout/testdata/fixtures-src');
const outDir = path.join(root, 'layout/testdata/fixtures');

function loadPuppeteer() {
  const dirs = [process.env.PUPPETEER_DIR, path.join(root, '../shared/tools/page-oracle/node_modules'), '/work/oracle/node_modules'];
  for (const d of dirs) {
    if (d && fs.existsSync(path.join(d, 'puppeteer-core'))) return createRequire(path.join(d, 'x.js'))('puppeteer-core');
  }
  throw new Error('puppeteer-core not found: set PUPPETEER_DIR to a node_modules holding it');
}

// The defaults of ../shared/conformance/yoga, in the same key order.
const DEFAULTS = {
  display: 'flex', 'flex-direction': 'column', 'box-sizing': 'border-box', position: 'relative',
  'align-items': 'stretch', 'align-content': 'flex-start', 'justify-content': 'flex-start',
  'flex-shrink': '0', 'flex-grow': '0', 'flex-basis': 'auto', margin: '0', padding: '0',
  border: '0 solid', 'min-width': 'auto', 'min-height': 'auto',
};

// In the page: lay out every case and read its boxes.
function measureCases(defaults) {
  const decls = s => s.split(';').map(d => d.split(':').map(x => x.trim())).filter(d => d.length >= 2 && d[0]);
  // Defaults first, then the box's own style; a display:block box without
  // its own align-content uses `normal` (the fixtures' README).
  const fullStyle = own => {
    const d = decls(own);
    const block = d.some(([k, v]) => k === 'display' && v === 'block');
    const hasAC = d.some(([k]) => k === 'align-content');
    return Object.keys(defaults).sort().map(k => `${k}: ${k === 'align-content' && block && !hasAC ? 'normal' : defaults[k]}; `).join('') + own;
  };
  const tree = el => ({ style: el.getAttribute('style') || '', children: [...el.children].map(tree) });
  const cases = [...document.body.children].filter(e => e.tagName === 'DIV');
  const out = [];
  for (const c of cases) {
    const src = tree(c);
    const vp = (c.dataset.viewport || '').split('x').map(Number);
    const viewport = vp.length === 2 && vp[0] > 0 && vp[1] > 0 ? { width: vp[0], height: vp[1] } : { width: null, height: null };
    const features = (c.dataset.features || '').split(',').map(s => s.trim()).filter(Boolean);
    const container = document.createElement('section');
    container.style.cssText = `position: relative; display: block; margin: 0; padding: 0; border: 0; width: ${viewport.width || 0}px; height: ${viewport.height || 0}px`;
    document.body.appendChild(container);
    const build = (b, isRoot) => {
      const el = document.createElement('div');
      let css = fullStyle(b.style);
      const pos = decls(b.style).filter(([k]) => k === 'position').map(([, v]) => v).pop();
      if (isRoot && pos !== 'absolute' && pos !== 'fixed') css += '; position: absolute';
      el.setAttribute('style', css);
      for (const ch of b.children) el.appendChild(build(ch, false));
      return el;
    };
    const rootEl = build(src, true);
    container.appendChild(rootEl);
    const origin = container.getBoundingClientRect();
    const read = (b, el, parentRect) => {
      const r = el.getBoundingClientRect();
      const x = r.left - parentRect.left, y = r.top - parentRect.top;
      const ax = r.left - origin.left, ay = r.top - origin.top;
      const res = {
        style: b.style,
        expected: { x, y, width: r.width, height: r.height },
        expectedRounded: {
          x: Math.round(x), y: Math.round(y),
          width: Math.round(ax + r.width) - Math.round(ax), height: Math.round(ay + r.height) - Math.round(ay),
        },
      };
      if (b.children.length) res.children = b.children.map((ch, i) => read(ch, el.children[i], r));
      return res;
    };
    out.push({ id: c.id, viewport, features, root: read(src, rootEl, origin) });
    container.remove();
  }
  return out;
}

async function main() {
  const puppeteer = loadPuppeteer();
  let sources = process.argv.slice(2);
  if (!sources.length) sources = fs.readdirSync(srcDir).filter(f => f.endsWith('.html')).sort().map(f => path.join(srcDir, f));
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-fixtures-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', ignoreDefaultArgs: true, pipe: true, defaultViewport: null,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--hide-scrollbars', 'about:blank'],
  });
  let written = 0;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
    for (const file of sources) {
      const cls = path.basename(file, '.html');
      const html = fs.readFileSync(file, 'utf8');
      await page.setContent(`<!doctype html><html><head><style>html,body{margin:0;padding:0}</style></head><body>${html}</body></html>`);
      const cases = await page.evaluate(measureCases, DEFAULTS);
      const ua = await browser.version();
      for (const c of cases) {
        if (!c.id) throw new Error(`${file}: a top-level div has no id`);
        const name = `${cls}__${c.id}`;
        const fx = {
          name,
          source: { suite: 'skyline-go', fixture: path.relative(root, file), id: c.id, browser: ua },
          viewport: c.viewport, direction: 'ltr', defaults: DEFAULTS, features: c.features, root: c.root,
        };
        fs.writeFileSync(path.join(outDir, name + '.json'), JSON.stringify(fx, null, 1) + '\n');
        written++;
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${written} fixtures written to ${path.relative(process.cwd(), outDir) || '.'}`);
}

main().catch(e => { console.error(e); process.exit(1); });
