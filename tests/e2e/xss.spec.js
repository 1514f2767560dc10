// The XSS corpus in Chromium. Every payload goes into post bodies, and every one-line
// payload into every manifest string field (title, summary, category, tags, author) and
// the site's own strings, including a base URL that is a valid https URL with markup in it.
// The site is checked three ways:
// - as `folio build` writes it: prerendered pages that the app takes over, on every kind
//   of route (listings, indexes, term pages named by payloads, archive, search, posts);
// - as the plain app renders it, with no prerendered page: each post reached by a click,
//   so its Markdown goes through the render worker and the app's own insertion;
// - in its feeds and sitemap, parsed as XML and JSON: every payload comes back as the
//   same text, and the HTML inside the feeds has nothing active.
// Nothing may run, no element may carry an on* attribute, no URL a forbidden scheme, and
// the CSP may refuse nothing the site itself needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect, repo, dist } from './fixtures.js';
import { startServer } from './server.mjs';

const payloads = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'xss', 'payloads.json'), 'utf8')).map((p) => p.payload);
const oneLine = payloads.filter((p) => !/[\n\r\u0000]/.test(p));
const N_BODY_POSTS = 20;
const BASE_URL = 'https://example.org/"><img src=x onerror=__xss()><!--/';

let site;
let servers = [];
let manifest;
let hostileBase;

function dateOf(days) {
  return new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

test.beforeAll(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-xss-'));
  fs.mkdirSync(path.join(site, 'posts'));
  const posts = [];
  // Posts whose bodies carry the corpus, a share of it each.
  for (let i = 0; i < N_BODY_POSTS; i++) {
    const mine = payloads.filter((_, index) => index % N_BODY_POSTS === i);
    const body = mine.map((p) => `${p}\n\nText around ${p} here.\n\n- ${p}\n`).join('\n');
    fs.writeFileSync(path.join(site, 'posts', `p${i}.md`), `Safe first paragraph ${i}.\n\n${body}`);
    posts.push({ slug: `p${i}`, title: `Body post ${i}`, date: dateOf(-100 - i), tags: ['safe'], file: `posts/p${i}.md` });
  }
  // One post per one-line payload: each payload is a title, and (shifted) a summary, a
  // category, a tag and an author, so every payload reaches every field.
  fs.writeFileSync(path.join(site, 'posts', 'plain.md'), 'Safe first paragraph.\n');
  oneLine.forEach((payload, j) => {
    const at = (k) => oneLine[(j + k) % oneLine.length];
    posts.push({
      slug: `f${j}`, title: payload, date: dateOf(j), summary: at(1), category: at(2),
      tags: [at(3), 'fields'], author: at(4), file: 'posts/plain.md',
    });
  });
  // A cover must be a path or an http(s) URL: these posts are skipped, and the notice that
  // says so quotes the payloads as text.
  for (const [index, cover] of ['javascript:__xss()', 'data:text/html,<script>__xss()</script>', ' JaVaScRiPt:__xss()'].entries()) {
    posts.push({ slug: `cover-${index}`, title: 'Cover', date: '2019-01-01', cover, file: 'posts/plain.md' });
  }
  manifest = {
    version: 1,
    site: { title: `XSS ${oneLine[0]}`, description: oneLine[1], author: oneLine[2], language: 'en', base_url: BASE_URL, page_size: 100 },
    posts,
  };
  fs.writeFileSync(path.join(site, 'posts.json'), JSON.stringify(manifest, null, 2));
  const folio = path.join(repo, 'target', 'debug', 'folio');
  // With a base URL: feeds, sitemap, canonical links and Open Graph carry the payloads too.
  execFileSync(folio, ['build', site, '--out', path.join(site, 'out'), '--base-url', 'https://example.org/', '--quiet']);
  // With the manifest's own base URL, which has markup in it: the build refuses it.
  try {
    execFileSync(folio, ['build', site, '--out', path.join(site, 'out-hostile-base'), '--quiet'], { stdio: 'pipe' });
    hostileBase = 'built';
  } catch (error) {
    hostileBase = String(error.stderr);
  }
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  // KEEP_XSS_SITE=1 keeps the site for a look at what failed.
  if (!process.env.KEEP_XSS_SITE) fs.rmSync(site, { recursive: true, force: true });
  else console.log(`xss site kept at ${site}`);
});

// Payload images and links point nowhere; their failed loads are expected. CSP refusals are not.
test.use({ allowedConsole: /Failed to load resource|net::ERR_/ });

async function serve(options) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

/** Fails on dialogs; counts the payloads' marker calls and CSP refusals in the page. */
async function watch(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.addInitScript(() => {
    window.__xssRuns = 0;
    window.__xss = () => { window.__xssRuns += 1; };
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

/** What is active in a document (or in HTML text, parsed inert): on* attributes, bad URLs, active elements. */
function activeIn(html) {
  const root = html === undefined ? document : new DOMParser().parseFromString(html, 'text/html');
  const bad = [];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'srcset', 'poster'].includes(attr.name)) {
        const url = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        // The page's own empty favicon (`data:,`) is the one data: URL it may have.
        const isOwnFavicon = el.tagName === 'LINK' && attr.value === 'data:,';
        if (/^(javascript|vbscript|data):/.test(url) && !isOwnFavicon) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
  }
  const scope = html === undefined ? root.querySelector('main') : root;
  for (const el of scope.querySelectorAll('script, iframe, object, embed, svg, math, base, meta, link, form, style, frame, frameset')) {
    // The search view's own form is the one form the page may have.
    if (!(el.tagName === 'FORM' && el.getAttribute('role') === 'search' && html === undefined)) bad.push(`<${el.tagName}>`);
  }
  return bad;
}

async function expectNothingActive(page, where) {
  const report = await page.evaluate(`(${activeIn})()`).then((bad) => page.evaluate(() => ({ runs: window.__xssRuns, csp: window.__cspViolations })).then((r) => ({ bad, ...r })));
  expect(report.bad, where).toEqual([]);
  expect(report.runs, where).toBe(0);
  expect(report.csp, where).toEqual([]);
}

test('no payload runs on any prerendered page the app takes over', async ({ page }) => {
  // Many pages, each loaded and taken over: slow on a busy two-core machine, not a timing test.
  test.setTimeout(240_000);
  const server = await serve({ root: path.join(site, 'out') });
  const dialogs = await watch(page);
  const routes = ['', 'page/2', 'page/3', 'page/4', 'tags', 'categories', 'archive', 'tags/safe', 'tags/fields', 'search?q=script'];
  // Term pages named by payloads: the slugs come from the indexes' links.
  await page.goto(server.url + 'tags');
  const termLinks = await page.locator('main .term-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.goto(server.url + 'categories');
  termLinks.push(...await page.locator('main .term-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
  expect(termLinks.length).toBeGreaterThan(300);
  for (const href of termLinks.filter((_, i) => i % 40 === 0)) routes.push(href.replace(/^\//, ''));
  for (let i = 0; i < N_BODY_POSTS; i++) routes.push(`posts/p${i}`);
  for (let j = 0; j < oneLine.length; j += 31) routes.push(`posts/f${j}`);
  for (const route of routes) {
    await page.goto(server.url + route);
    await expect(page.locator('#prerendered')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator('main')).toBeVisible();
    if (route.startsWith('posts/')) await expect(page.locator('article .prose')).toContainText('Safe first paragraph');
    await expectNothingActive(page, route);
  }
  // Every payload was on the listing pages as a title, a summary, a category and a tag.
  expect(dialogs).toEqual([]);
  console.log(`xss: ${payloads.length} payloads, ${oneLine.length} in every manifest field, on ${routes.length} prerendered pages, 0 executed`);
});

test('no payload runs when the app renders every post itself', async ({ page }) => {
  test.setTimeout(240_000);
  // The plain app (no prerendered pages) over the site's manifest and posts.
  const server = await serve({ root: dist, overlay: site });
  const dialogs = await watch(page);
  await page.goto(server.url + 'archive');
  await expect(page.locator('.archive-list a')).toHaveCount(N_BODY_POSTS + oneLine.length);
  await expectNothingActive(page, 'archive');
  // Body posts and a share of the field posts, each opened by a click (client-side), so
  // the Markdown goes through the render worker; every author shows on its post's page.
  const slugs = [...Array(N_BODY_POSTS).keys()].map((i) => `p${i}`);
  for (let j = 0; j < oneLine.length; j += 7) slugs.push(`f${j}`);
  for (const slug of slugs) {
    await page.locator(`.archive-list a[href="/posts/${slug}"]`).click();
    await expect(page.locator('article .prose')).toContainText('Safe first paragraph');
    await expectNothingActive(page, `posts/${slug}`);
    await page.goBack();
    await expect(page.locator('.archive-list a').first()).toBeVisible();
  }
  for (const route of ['', 'page/2', 'tags', 'categories', 'search?q=onerror']) {
    await page.goto(server.url + route);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNothingActive(page, route);
  }
  expect(dialogs).toEqual([]);
  console.log(`xss: ${slugs.length} posts rendered by the app, 0 executed`);
});

test('feeds and the sitemap keep every payload as text', async ({ page }) => {
  const out = path.join(site, 'out');
  const published = manifest.posts.filter((post) => !post.slug.startsWith('cover-'));
  // XML cannot carry C0 control characters other than tab and newlines: feeds drop them.
  const xmlText = (text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  const titles = new Set(published.map((post) => xmlText(post.title)));
  const summaries = new Set(published.map((post) => post.summary).filter(Boolean).map(xmlText));
  const termFeeds = ['tags', 'categories'].flatMap((kind) => fs.readdirSync(path.join(out, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(out, kind, entry.name, 'feed.xml')))
    .map((entry) => `${kind}/${entry.name}/feed.xml`));
  expect(termFeeds.length).toBeGreaterThan(300);
  await page.goto('about:blank');
  let n_entries = 0;
  for (const file of ['feed.xml', 'rss.xml', 'sitemap.xml', ...termFeeds]) {
    const xml = fs.readFileSync(path.join(out, file), 'utf8');
    const report = await page.evaluate(([text, activeSource]) => {
      const activeIn = eval(`(${activeSource})`);
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const titles = [...doc.querySelectorAll('entry > title, item > title')].map((t) => t.textContent);
      // Atom's summary is text; RSS descriptions and Atom's html content are HTML, which
      // must hold nothing active and give back the summary as its text.
      const summaries = [...doc.querySelectorAll('entry > summary')].map((t) => t.textContent);
      const html = [...doc.querySelectorAll('item > description, entry > content[type="html"]')].map((node) => node.textContent);
      const bad = html.flatMap((fragment) => activeIn(fragment));
      const htmlText = html.map((fragment) => new DOMParser().parseFromString(fragment, 'text/html').body.textContent);
      const foreign = [...doc.getElementsByTagName('*')].filter((el) => el.namespaceURI === 'http://www.w3.org/1999/xhtml').map((el) => el.tagName);
      return { titles, summaries, htmlText, bad, foreign };
    }, [xml, activeIn.toString()]);
    expect(report.error, file).toBeUndefined();
    for (const title of report.titles) expect(titles.has(title), `${file}: title ${title}`).toBe(true);
    for (const summary of [...report.summaries, ...report.htmlText]) expect(summaries.has(summary), `${file}: summary ${summary}`).toBe(true);
    expect(report.bad, file).toEqual([]);
    expect(report.foreign, file).toEqual([]);
    n_entries += report.titles.length;
  }
  const feed = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8'));
  expect(feed.items.length).toBe(20);
  for (const item of feed.items) {
    expect(titles.has(xmlText(item.title)), item.title).toBe(true);
    expect(summaries.has(xmlText(item.summary)), item.summary).toBe(true);
    const bad = await page.evaluate(([html, activeSource]) => eval(`(${activeSource})`)(html), [item.content_html ?? '', activeIn.toString()]);
    expect(bad, item.id).toEqual([]);
  }
  // The build that was given a base URL with markup in it refused it and wrote nothing.
  expect(hostileBase).toContain('the base URL "https://example.org/\\"><img src=x onerror=__xss()><!--/" must be an absolute http(s) URL');
  expect(fs.existsSync(path.join(site, 'out-hostile-base', 'index.html'))).toBe(false);
  console.log(`xss: ${termFeeds.length + 2} feeds (${n_entries} entries) and the sitemap parsed; every payload came back as text`);
});
