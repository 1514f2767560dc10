// One table from a benchmark run: every measure, Folio beside the peers, and the ratio
// Folio / Hugo + PaperMod (below 1 is better for times and bytes).
//   node tests/bench/report.mjs   (reads $PEERS/results/*.json)
import fs from 'node:fs';
import path from 'node:path';

const results = path.join(process.env.PEERS || '/tmp/peers', 'results');
const read = (name) => {
  const file = path.join(results, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};
const raw = read('measure-none.json');
const mobile = read('measure-mobile.json');
const md = read('mdbench-folio.json');
// Lighthouse: one summary per round (results/lighthouse-1, -2, …; an older run's single
// results/lighthouse too), each score reported as its median over the rounds.
const lighthouse = fs.existsSync(results)
  ? fs.readdirSync(results).filter((name) => /^lighthouse(-\d+)?$/.test(name)).sort()
    .map((name) => read(path.join(name, 'summary.json'))).filter(Boolean)
  : [];
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : null;
};
const sites = Object.keys(raw.summary);
const order = ['folio', ...sites.filter((name) => name !== 'folio')];
const ms = (x) => (x == null ? '-' : `${Math.round(x)} ms`);
const kb = (x) => (x == null ? '-' : `${(x / 1024).toFixed(1)} KiB`);
const rows = [];
const row = (label, pick, format, run = raw) => {
  if (!run) return;
  const values = order.map((name) => (run.summary[name] ? pick(run.summary[name]) : null));
  const folio = values[0];
  const hugo = run.summary['hugo-papermod'] ? pick(run.summary['hugo-papermod']) : null;
  const ratio = folio != null && hugo ? `${(folio / hugo).toFixed(2)}×` : '-';
  rows.push([label, ...values.map(format), ratio]);
};
row('home: newest post title visible (loopback)', (s) => s.home.firstTitle, ms);
row('home: FCP (loopback)', (s) => s.home.fcp, ms);
row('tag page: first entry visible (loopback)', (s) => s.tag.firstEntry, ms);
row('long post: first h2 visible (loopback)', (s) => s.post.firstH2, ms);
row('click listing → post title (loopback)', (s) => s.clicknav.toTitle, ms);
row('home: newest post title visible (mobile)', (s) => s.home.firstTitle, ms, mobile);
row('tag page: first entry visible (mobile)', (s) => s.tag.firstEntry, ms, mobile);
row('long post: first h2 visible (mobile)', (s) => s.post.firstH2, ms, mobile);
row('home: bytes transferred', (s) => s.home.transfer, kb);
row('home: JS + wasm transferred', (s) => (s.home.byKind?.js?.transfer ?? 0) + (s.home.byKind?.wasm?.transfer ?? 0), kb);
row('long post: bytes transferred', (s) => s.post.transfer, kb);
if (lighthouse.length) {
  const runs = (name, key) => lighthouse
    .map((summary) => summary.find((r) => r.site === name && r.page === key && r.preset === 'mobile'))
    .filter((r) => r && r.scores);
  const rounds = lighthouse.length > 1 ? `, median of ${lighthouse.length}` : '';
  for (const [key, label] of [['home', 'Lighthouse mobile, home (perf/a11y/bp/seo)'], ['post', 'Lighthouse mobile, longest post']]) {
    rows.push([label + rounds, ...order.map((name) => {
      const found = runs(name, key);
      if (!found.length) return '-';
      const scores = ['performance', 'accessibility', 'best-practices', 'seo'].map((c) => median(found.map((r) => r.scores[c])) ?? '-').join('/');
      return found.length > 1 ? `${scores} (perf ${found.map((r) => r.scores.performance).join(', ')})` : scores;
    }), '-']);
  }
  for (const [key, label] of [['home', 'Lighthouse mobile, home: total blocking time'], ['post', 'Lighthouse mobile, longest post: total blocking time']]) {
    rows.push([label + rounds, ...order.map((name) => {
      const tbt = runs(name, key).map((r) => r.metrics?.tbt).filter((x) => typeof x === 'number');
      return tbt.length ? `${Math.round(median(tbt))} ms` + (tbt.length > 1 ? ` (${tbt.map(Math.round).join(', ')})` : '') : '-';
    }), '-']);
  }
}
if (md) {
  rows.push(['Markdown, 20 longest posts (Chromium)', `${md.folio.MBps.toFixed(1)} MB/s`, ...order.slice(1).map((name) => (name.startsWith('docsify') ? `marked ${md.marked.MBps.toFixed(1)} MB/s` : '-')), `${(md.folio.MBps / md.marked.MBps).toFixed(2)}× marked`]);
}
const header = ['measure', ...order, 'Folio / Hugo'];
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\n## Folio beside the peers — ${raw.meta.date.slice(0, 10)}, Chromium ${raw.meta.chromium}, medians of ${raw.meta.reps} (loopback) and ${mobile?.meta.reps ?? '-'} (mobile: 150 ms RTT, 1.6 Mbps, 4× CPU) runs\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
