// The XSS corpus in Chromium: every payload in post bodies and in every manifest string
// field, built by `folio build` (prerendered pages + the app under its CSP). Nothing may
// run, no element may carry an on* attribute, no URL a forbidden scheme, and the CSP may
// refuse nothing the site itself needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect, repo } from './fixtures.js';
import { startServer } from './server.mjs';

const payloads = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'xss', 'payloads.json'), 'utf8')).map((p) => p.payload);
const oneLine = payloads.filter((p) => !/[\n\r\u0000]/.test(p));
const N_POSTS = 20;

let site;
let server;

test.beforeAll(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-xss-'));
  fs.mkdirSync(path.join(site, 'posts'));
  const posts = [];
  for (let i = 0; i < N_POSTS; i++) {
    const mine = payloads.filter((_, index) => index % N_POSTS === i);
    const body = mine.map((p) => `${p}\n\nText around ${p} here.\n\n- ${p}\n`).join('\n');
    fs.writeFileSync(path.join(site, 'posts', `p${i}.md`), `Safe first paragraph ${i}.\n\n${body}`);
    const field = (k) => oneLine[(i * 7 + k) % oneLine.length];
    posts.push({
      slug: `p${i}`, title: `P${i} ${field(0)}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      summary: field(1), category: field(2), tags: [field(3), field(4), 'safe'], author: field(5),
      file: `posts/p${i}.md`,
    });
  }
  // A cover must be a path or an http(s) URL: these posts are skipped, and the notice that
  // says so quotes the payloads as text.
  for (const [index, cover] of ['javascript:__xss()', 'data:text/html,<script>__xss()</script>', ' JaVaScRiPt:__xss()'].entries()) {
    posts.push({ slug: `cover-${index}`, title: 'Cover', date: '2023-01-01', cover, file: 'posts/p0.md' });
  }
  const manifest = { version: 1, site: { title: `XSS ${oneLine[0]}`, description: oneLine[1], author: oneLine[2], language: 'en', base_url: 'javascript:__xss()//' }, posts };
  fs.writeFileSync(path.join(site, 'posts.json'), JSON.stringify(manifest, null, 2));
  execFileSync(path.join(repo, 'target', 'debug', 'folio'), ['build', site, '--out', path.join(site, 'out'), '--base-url', 'https://example.org/', '--quiet']);
});

test.afterAll(async () => {
  await server?.close();
  fs.rmSync(site, { recursive: true, force: true });
});

// Payload images and links point nowhere; their failed loads are expected. CSP refusals are not.
test.use({ allowedConsole: /Failed to load resource|net::ERR_/ });

test('no payload runs, in post bodies or manifest fields', async ({ page }) => {
  // 25 pages, each loaded and taken over: slow on a busy two-core machine, not a timing test.
  test.setTimeout(120_000);
  server = await startServer({ root: path.join(site, 'out') });
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.addInitScript(() => {
    window.__xssRuns = 0;
    window.__xss = () => { window.__xssRuns += 1; };
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const routes = ['', 'page/2', 'tags', 'categories', 'tags/safe'];
  for (let i = 0; i < N_POSTS; i++) routes.push(`posts/p${i}`);
  let n_checked = 0;
  for (const route of routes) {
    await page.goto(server.url + route);
    await expect(page.locator('#prerendered')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator('main')).toBeVisible();
    if (route.startsWith('posts/')) await expect(page.locator('article .prose')).toContainText('Safe first paragraph');
    const report = await page.evaluate(() => {
      const bad = [];
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attr.name)) {
            const url = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            // The page's own empty favicon (`data:,`) is the one data: URL it may have.
            const isOwnFavicon = el.tagName === 'LINK' && attr.value === 'data:,';
            if (/^(javascript|vbscript|data):/.test(url) && !isOwnFavicon) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
          }
        }
      }
      const main = document.querySelector('main');
      for (const el of main.querySelectorAll('script, iframe, object, embed, svg, math, base, meta, link, form, style')) bad.push(`<${el.tagName}> in main`);
      return { bad, runs: window.__xssRuns, csp: window.__cspViolations };
    });
    expect(report.bad, route).toEqual([]);
    expect(report.runs, route).toBe(0);
    expect(report.csp, route).toEqual([]);
    n_checked += 1;
  }
  expect(dialogs).toEqual([]);
  console.log(`xss: ${payloads.length} payloads on ${n_checked} pages, 0 executed`);
});
