// Folio at scale: a site of N posts (default 10,000) built with `folio build`, measured in
// Chromium on raw loopback: the home page usable (the app has taken over), switching between
// tag pages, a search keystroke, and memory (JS heap + wasm memory).
//   node tests/bench/scale.mjs SITE_DIR [--runs 5]   (SITE_DIR is a `folio build` output)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('@playwright/test');
const { startServer } = await import(path.join(repo, 'tests', 'e2e', 'server.mjs'));
const root = path.resolve(process.argv[2]);
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;

// A step that never ends (a hung page, a selector that never matches) stops the script with
// its name instead of hanging it: no step of a healthy run takes a tenth of this.
const STEP_LIMIT_MS = 10 * 60_000;
let step;
let stepTimer;
const at = (name) => {
  step = name;
  clearTimeout(stepTimer);
  stepTimer = setTimeout(() => {
    console.error(`scale.mjs: no progress for ${STEP_LIMIT_MS / 60000} minutes at: ${step}`);
    process.exit(2);
  }, STEP_LIMIT_MS);
  stepTimer.unref();
};
at('starting Chromium');
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
const server = await startServer({ root });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
// Every post of the site, the chunks of a split manifest included, and the number of
// listing pages they make: the home page's pager says so once every post is in.
const head = JSON.parse(fs.readFileSync(path.join(root, 'posts.json'), 'utf8'));
const chunks = head.chunks ?? [];
const posts = [head, ...chunks.map((file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')))].flatMap((m) => m.posts);
const total = posts.length;
const allPages = `of ${Math.ceil(total / (head.site.page_size ?? 10))}`;
// A word that only the posts' text has (not a title, summary, tag or category): a search
// for it finds posts once the full-text index has loaded, which keystrokes must wait for.
const bodyOnlyWord = (() => {
  const file = head.site.search_index && path.join(root, head.site.search_index);
  if (!file || !fs.existsSync(file)) return null;
  const listed = posts.map((p) => [p.title, p.summary, ...(p.tags ?? []), p.category].join(' ')).join(' ').toLowerCase();
  // The index's vocabulary (folio_core::text_index: every distinct word, each followed by a line break).
  const words = JSON.parse(fs.readFileSync(file, 'utf8')).words.split('\n');
  return words.find((word) => word.length >= 5 && !listed.includes(word)) ?? null;
})();
const results = { usable: [], complete: [], tagSwitch: [], keystroke: [], textSearch: [], memoryMB: [], wasmMB: [], workersMB: [] };

/** The JS heap and WebAssembly memory of every dedicated worker in the browser, through
 * the DevTools protocol (a worker's memory is not reachable from its page). */
async function workersMemory() {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const total = { heap: 0, wasm: 0 };
  for (const target of targetInfos.filter((info) => info.type === 'worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const waiting = new Map();
    let next = 0;
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      waiting.get(message.id)?.(message.result);
    });
    const call = (method, params = {}) => new Promise((resolve) => {
      next += 1;
      waiting.set(next, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: next, method, params }) });
    });
    total.heap += (await call('Runtime.getHeapUsage')).usedSize;
    const prototype = await call('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const memories = await call('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
    const bytes = await call('Runtime.callFunctionOn', {
      objectId: memories.objects.objectId,
      functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    total.wasm += bytes.result.value;
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
  await cdp.detach();
  return total;
}
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  // Trunk's loader announces the wasm exports, memory included.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => { window.__folioWasm = event.detail.wasm; });
    // ms from `act()` until `done()` holds for the DOM: the main-thread work of the update
    // (a MutationObserver sees it right after), which must fit in a 16 ms frame to keep up
    // with typing and clicking.
    window.__timeChange = (done, act) => new Promise((resolve) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      t0 = performance.now();
      act();
    });
  });
  const page = await context.newPage();
  at(`run ${run + 1}: the home page usable`);
  await page.goto(server.url);
  // Usable: the app has loaded the manifest and replaced the prerendered page.
  await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('#app main article'), null, { timeout: 60_000, polling: 'raf' });
  results.usable.push(await page.evaluate(() => performance.now()));
  at(`run ${run + 1}: every post in`);
  // Every post in: the pager counts them all (at once for one manifest; after the chunks
  // for a split one).
  await page.waitForFunction((allPages) => document.querySelector('#app .pager .page-of')?.textContent.endsWith(allPages), allPages, { timeout: 120_000, polling: 'raf' });
  results.complete.push(await page.evaluate(() => performance.now()));
  at(`run ${run + 1}: switching tags`);
  // Switching tags: a click on a tag link to the new heading painted.
  const tags = await page.locator('#app main article a.tag').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')))].slice(0, 4));
  for (const href of tags) {
    const ms = await page.evaluate((href) => {
      const link = [...document.querySelectorAll('#app main a.tag')].find((a) => a.getAttribute('href') === href);
      // The tag's name: the link's text without its words for screen readers ("Tag: ").
      const name = [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
      const heading = `Tagged “${name}”`;
      return window.__timeChange(() => document.querySelector('#app main h1')?.textContent === heading
        && document.querySelectorAll('#app main article').length > 0, () => link.click());
    }, href);
    results.tagSwitch.push(ms);
    await page.goBack();
    await page.locator('#app main article').first().waitFor();
  }
  // A search keystroke: one more character in the box, to the results painted.
  at(`run ${run + 1}: the search page and its full-text index (${bodyOnlyWord ?? 'none'})`);
  if (bodyOnlyWord) {
    await page.goto(server.url + 'search?q=' + encodeURIComponent(bodyOnlyWord));
    await page.locator('.search-results .post-list').waitFor({ timeout: 120_000 });
    results.textSearch.push(await page.evaluate(() => performance.now()));
    await page.evaluate(() => {
      const box = document.querySelector('#search-input');
      box.value = 'go';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  } else {
    await page.goto(server.url + 'search?q=go');
  }
  await page.locator('.search-results .count', { hasText: '“go”' }).waitFor();
  at(`run ${run + 1}: search keystrokes`);
  for (const next of ['o', 'r', 'u', 't']) {
    const ms = await page.evaluate((next) => {
      const box = document.querySelector('#search-input');
      const words = box.value + next;
      return window.__timeChange(() => document.querySelector('.search-results .count')?.textContent.includes(`“${words}”`), () => {
        box.value = words;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }, next);
    results.keystroke.push(ms);
  }
  at(`run ${run + 1}: memory`);
  const memory = await page.evaluate(() => ({ wasm: window.__folioWasm?.memory?.buffer?.byteLength ?? 0 }));
  const cdp = await context.newCDPSession(page);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // The page's workers count too: search ranks in one, with the full-text index there.
  const workers = await workersMemory();
  results.memoryMB.push((usedSize + memory.wasm + workers.heap + workers.wasm) / 1024 / 1024);
  results.wasmMB.push((memory.wasm + workers.wasm) / 1024 / 1024);
  results.workersMB.push((workers.heap + workers.wasm) / 1024 / 1024);
  await context.close();
}
at('closing');
await browser.close();
await server.close();
clearTimeout(stepTimer);
const f = (x) => x.toFixed(1);
console.log(`\n## Folio at scale: ${root} (${total} posts${chunks.length ? `, ${head.posts.length} in posts.json and ${chunks.length} chunks` : ', one manifest'}), medians of ${RUNS} runs (raw loopback)\n`);
console.log('| measure | median | worst | target |\n|:--|--:|--:|--:|');
console.log(`| home usable (app took over) | ${f(median(results.usable))} ms | ${f(Math.max(...results.usable))} ms | ≤ 1000 ms |`);
console.log(`| every post in (the pager counts them all) | ${f(median(results.complete))} ms | ${f(Math.max(...results.complete))} ms | |`);
console.log(`| switching tags (click → new view in the DOM) | ${f(median(results.tagSwitch))} ms | ${f(Math.max(...results.tagSwitch))} ms | ≤ 16 ms |`);
if (results.textSearch.length) console.log(`| first search finding words of the posts' text (index fetched and read) | ${f(median(results.textSearch))} ms | ${f(Math.max(...results.textSearch))} ms | |`);
console.log(`| search keystroke (input → results in the DOM) | ${f(median(results.keystroke))} ms | ${f(Math.max(...results.keystroke))} ms | ≤ 16 ms |`);
console.log(`| memory: JS heap + wasm memory (the page and its workers) | ${f(median(results.memoryMB))} MB | ${f(Math.max(...results.memoryMB))} MB | ≤ 64 MB |`);
console.log(`| … of which wasm memory (its peak: it never shrinks) | ${f(median(results.wasmMB))} MB | ${f(Math.max(...results.wasmMB))} MB | |`);
console.log(`| … of which the workers' (JS heap + wasm) | ${f(median(results.workersMB))} MB | ${f(Math.max(...results.workersMB))} MB | |`);
