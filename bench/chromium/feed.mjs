// Times headless Chromium's first frame of the HTML equivalent of
// testdata/pages/scroll-feed: 1,000 feed rows in an overflow:auto container
// between a nav bar and a tab bar, with the page's styles under Skyline's
// defaults (every element a border-box flex column, as
// ../../../shared/tools/page-oracle's prelude imposes them), at 375×667 @2.
// The engine's number for the same page is BenchmarkScrollFeedFirstFrame
// (load + style + layout + paint of the first frame).
//
//   npm install && node feed.mjs [--runs 9] [--chromium /usr/bin/chromium] [--bench]
//   node feed.mjs --html FILE     (only write the page's HTML, for
//                                  chromium --headless --screenshot)
//
// --bench prints the medians as Go benchmark lines (for scripts/bench.sh).
//
// Each run opens a new tab in one warm browser and loads the page from a
// request handler (no disk or network); it reports, from navigation start,
// first-contentful-paint (Paint Timing) and the time at which a
// requestAnimationFrame after the load event runs (the first frame is
// committed by then). The first run is reported apart (a cold renderer
// process); the median is over the others.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const runs = Math.max(2, parseInt(opt('runs', '9'), 10));
const chromium = opt('chromium', process.env.CHROMIUM || '/usr/bin/chromium');
const ORIGIN = 'http://feed-bench.invalid';

// The page's WXSS (testdata/pages/scroll-feed/index.wxss) with the tags
// renamed; the prelude is page-oracle's for the tags used.
const pageCSS = `
wx-page { background-color: #f2f3f5; }
.nav { height: 56px; flex-shrink: 0; align-items: center; justify-content: center; background-color: #ffffff; border-bottom: 1px solid #e5e5e5; }
.nav-title { font-size: 17px; font-weight: bold; }
.list { flex-grow: 1; flex-basis: 0; overflow: auto; }
.row { flex-direction: row; padding: 10px 12px; background-color: #ffffff; border-bottom: 1px solid #ededed; }
.odd { background-color: #fafafa; }
.avatar { width: 40px; height: 40px; border-radius: 20px; flex-shrink: 0; margin-right: 10px; }
.body { flex-grow: 1; flex-shrink: 1; }
.title { font-size: 15px; font-weight: bold; color: #1a1a1a; }
.sub { font-size: 13px; color: #888888; margin-top: 2px; }
.tabbar { height: 50px; flex-shrink: 0; align-items: center; justify-content: center; background-color: #ffffff; border-top: 1px solid #e5e5e5; }
`;

const prelude = `
html { font-size: 16px; background: #ffffff; }
html, body { margin: 0; padding: 0; border: 0; overflow: hidden; }
body { width: 375px; height: 667px; font-family: Roboto, "Noto Sans CJK SC", sans-serif; font-size: 16px; line-height: normal; color: black; }
wx-page, wx-view, wx-text, wx-scroll-view {
  display: flex; flex-direction: column; align-items: stretch; box-sizing: border-box; position: relative;
  flex-shrink: 1; margin: 0; padding: 0; border-color: black; }
wx-page { width: 375px; height: 667px; }
wx-text { display: flow-root; }
`;

function feedHTML(rows) {
  const out = [];
  for (let i = 0; i < rows; i++) {
    const sub = i % 3 === 0
      ? '<wx-text class="sub">A longer row: its second line of text makes it taller than its neighbours, so row heights vary along the list.</wx-text>'
      : '<wx-text class="sub">Short row</wx-text>';
    out.push(`<wx-view class="row ${i % 2 ? 'odd' : ''}" id="row-${i}">` +
      `<wx-view class="avatar" style="background-color: hsl(${i * 37 % 360}, 60%, 55%)"></wx-view>` +
      `<wx-view class="body"><wx-text class="title">Row ${i}</wx-text>${sub}</wx-view></wx-view>`);
  }
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>${prelude}</style><style>${pageCSS}</style></head>
<body><wx-page>
<wx-view class="nav"><wx-text class="nav-title">Feed · ${rows} rows</wx-text></wx-view>
<wx-scroll-view id="list" class="list">${out.join('\n')}</wx-scroll-view>
<wx-view class="tabbar"><wx-text>Tab bar</wx-text></wx-view>
</wx-page></body></html>`;
}

const html = feedHTML(1000);

// --html FILE: write the page and stop (scripts/bench.sh times
// `chromium --headless --screenshot` on it against cmd/render).
if (opt('html', null)) {
  fs.writeFileSync(opt('html', null), html);
  process.exit(0);
}
const { default: puppeteer } = await import('puppeteer-core');
const benchOut = args.includes('--bench');

// In the page: the time of a frame after the load event, then the
// first-contentful-paint entry, which Chromium records once the frame is
// presented (up to 5 s later; null when none came).
async function measure(page) {
  return page.evaluate(() => new Promise(resolve => {
    const done = () => requestAnimationFrame(() => {
      const frame = performance.now();
      const nav = performance.getEntriesByType('navigation')[0];
      const finish = fcp => resolve({ fcp, frame, load: nav ? nav.loadEventEnd : null });
      const timer = setTimeout(() => finish(null), 5000);
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) {
          if (e.name === 'first-contentful-paint') {
            clearTimeout(timer);
            finish(e.startTime);
          }
        }
      }).observe({ type: 'paint', buffered: true });
    });
    if (document.readyState === 'complete') done(); else addEventListener('load', done);
  }));
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-bench-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${userDir}`],
});
try {
  const results = [];
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 375, height: 667, deviceScaleFactor: 2 });
    await page.setRequestInterception(true);
    page.on('request', req => {
      if (req.url() === ORIGIN + '/') req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else req.abort();
    });
    await page.goto(ORIGIN + '/', { waitUntil: 'load' });
    const m = await measure(page);
    results.push(m);
    await page.close();
  }
  if (benchOut) {
    // Go benchmark lines for scripts/bench.sh: the medians of runs 2–N
    // (warm browser, new tab each run), in ns.
    const warm = results.slice(1);
    const fcps = warm.map(m => m.fcp).filter(v => v != null);
    if (fcps.length) console.log(`BenchmarkChromiumFeed/fcp\t${fcps.length}\t${(median(fcps) * 1e6).toFixed(0)} ns/op`);
    console.log(`BenchmarkChromiumFeed/frame-after-load\t${warm.length}\t${(median(warm.map(m => m.frame)) * 1e6).toFixed(0)} ns/op`);
  } else {
    const f = v => (v == null ? '—' : v.toFixed(1)).padStart(7);
    console.log(`chromium ${await browser.version()}, 1,000-row feed, 375×667 @2, ${runs} runs (ms from navigation start)`);
    console.log('run   first-contentful-paint   load-event-end   frame-after-load');
    results.forEach((m, i) => console.log(`${String(i + 1).padStart(3)}   ${f(m.fcp)}                  ${f(m.load)}          ${f(m.frame)}`));
    const warm = results.slice(1);
    const fcps = warm.map(m => m.fcp).filter(v => v != null);
    console.log(`median of runs 2–${runs}: first-contentful-paint ${fcps.length ? median(fcps).toFixed(1) : '—'} ms ` +
      `(${fcps.length} reported), frame after load ${median(warm.map(m => m.frame)).toFixed(1)} ms ` +
      `(first run: ${f(results[0].fcp).trim()} / ${f(results[0].frame).trim()} ms)`);
  }
} finally {
  await browser.close();
  fs.rmSync(userDir, { recursive: true, force: true });
}
