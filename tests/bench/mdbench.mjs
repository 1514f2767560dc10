// Markdown throughput in Chromium: marked (the parser docsify uses) beside Folio's renderer,
// on the same 20 posts, in the same page and the same run. Folio's renderer runs as the app
// uses it: folio-core compiled to wasm in the render worker (from dist/), one message per
// post. Its time includes encoding the text, passing it to the worker, and the HTML back
// (decoded into a JS string, as marked returns it), and everything
// Folio does beyond parsing (sanitizing raw HTML, heading ids, table of contents, footnotes,
// syntax highlighting, reading time). Throughput sends the 20 posts together; a second row
// sends one at a time, so it also counts a worker round trip per post.
//   node tests/bench/mdbench.mjs [--runs 30]   (after shared/bench/mdbench.mjs wrote posts20.json)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PEERS = process.env.PEERS || '/tmp/peers';
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 30;
const require = createRequire(path.join(PEERS, 'package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(path.join(repo, '..', 'shared', 'bench', 'serve.mjs'));

const dir = path.join(PEERS, 'mdbench-folio');
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(path.join(PEERS, 'mdbench', 'posts20.json'), path.join(dir, 'posts20.json'));
fs.copyFileSync(path.join(PEERS, 'node_modules', 'marked', 'lib', 'marked.umd.js'), path.join(dir, 'marked.umd.js'));
for (const file of fs.readdirSync(path.join(repo, 'dist')).filter((name) => name.startsWith('folio-render-worker'))) {
  fs.copyFileSync(path.join(repo, 'dist', file), path.join(dir, file));
}
fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><meta charset="utf-8"><title>Markdown throughput</title>
<pre id="out">running…</pre><script src="marked.umd.js"></script><script>
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
// One run renders every doc; \`batch\` sends them all before waiting (throughput: the worker
// renders back to back), otherwise each waits for the one before (latency per post included).
const once = async (render, docs, batch) => {
  if (batch) return (await Promise.all(docs.map(render))).reduce((n, html) => n + html.length, 0);
  let n = 0;
  for (const doc of docs) n += (await render(doc)).length;
  return n;
};
// The renderers take turns, run by run, so a slower stretch of the machine falls on all of
// them alike instead of on whichever ran then; a pause after each run lets the garbage
// collector's background work of one (marked makes plenty) finish before the next starts:
// on a two-core machine it would otherwise compete with the render worker.
async function time(contenders, docs, runs) {
  const totals = contenders.map(() => []);
  let sink = 0;
  for (let r = -3; r < runs; r++) {
    for (const [i, [render, batch]] of contenders.entries()) {
      const t0 = performance.now();
      sink += await once(render, docs, batch);
      if (r >= 0) totals[i].push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return totals.map((t) => ({ totalMs: median(t), minMs: Math.min(...t), htmlChars: sink }));
}
(async () => {
  const runs = ${RUNS};
  const { docs } = await (await fetch('posts20.json')).json();
  const bytes = docs.reduce((n, d) => n + new TextEncoder().encode(d).length, 0);
  const worker = new Worker('folio-render-worker_loader.js');
  await new Promise((resolve) => worker.addEventListener('message', (e) => e.data === 'ready' && resolve(), { once: true }));
  let next = 0; const waiting = new Map();
  // The worker takes and gives UTF-8 bytes (the app holds both as Rust strings). The app
  // has the Markdown as bytes already; here it is a JS string, so its encoding is timed too,
  // and so is decoding the HTML into a JS string, which marked returns.
  const encoder = new TextEncoder(), decoder = new TextDecoder();
  worker.onmessage = (e) => { const [id, html] = e.data; waiting.get(id)(decoder.decode(html)); waiting.delete(id); };
  const folio = (doc) => new Promise((resolve) => {
    const id = ++next; waiting.set(id, resolve);
    const bytes = encoder.encode(doc);
    worker.postMessage([id, bytes, 'posts/bench.md', 'posts/bench', 'allowlist'], [bytes.buffer]);
  });
  const marked = window.marked;
  const [markedTimes, folioTimes, oneByOne] = await time([[async (doc) => marked.parse(doc), false], [folio, true], [folio, false]], docs, runs);
  const results = { bytes, runs, marked: markedTimes, folio: folioTimes, folioOneByOne: oneByOne };
  for (const r of [results.marked, results.folio, results.folioOneByOne]) r.MBps = (bytes / 1e6) / (r.totalMs / 1000);
  document.getElementById('out').textContent = JSON.stringify(results, null, 2);
  window.__mdbench = results;
})();
</script>`);

const server = await startServer({ root: dir, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`${server.url}/`);
await page.waitForFunction(() => window.__mdbench, null, { timeout: 600_000, polling: 200 });
const results = await page.evaluate(() => window.__mdbench);
results.chromium = browser.version();
await browser.close();
await server.close();
fs.mkdirSync(path.join(PEERS, 'results'), { recursive: true });
fs.writeFileSync(path.join(PEERS, 'results', 'mdbench-folio.json'), JSON.stringify(results, null, 1));
const f = (x) => x.toFixed(1);
console.log(`\n## Markdown throughput in Chromium ${results.chromium}: 20 longest posts, ${(results.bytes / 1e6).toFixed(3)} MB, median of ${RUNS} runs\n`);
console.log('| renderer | total ms | MB/s |\n|:--|--:|--:|');
console.log(`| marked (main thread) | ${f(results.marked.totalMs)} | ${f(results.marked.MBps)} |`);
console.log(`| Folio (wasm, render worker, posts sent together) | ${f(results.folio.totalMs)} | ${f(results.folio.MBps)} |`);
console.log(`| Folio (wasm, render worker, one post at a time) | ${f(results.folioOneByOne.totalMs)} | ${f(results.folioOneByOne.MBps)} |`);
console.log(`| ratio Folio / marked | | ${(results.folio.MBps / results.marked.MBps).toFixed(2)}× |`);
