// Pages prerendered by `folio build`: readable without WebAssembly, then taken over by
// the app without the content moving, after which navigation is client-side.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, folioRoot, repo } from './fixtures.js';

test.use({ serve: { root: folioRoot } });

test.describe('without WebAssembly', () => {
  test.use({ allowedConsole: /./ });
  test('a prerendered post shows its content, title and meta tags', async ({ page, server }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url + 'posts/tables-and-code');
    await expect(page.locator('#prerendered article h1')).toHaveText('Tables and Code');
    await expect(page.locator('#prerendered .prose table td').first()).toHaveText('cargo');
    await expect(page).toHaveTitle('Tables and Code · Minimal Folio');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://example.org/posts/tables-and-code');
    await expect(page.locator('meta[name=description]')).toHaveAttribute('content', 'A table, a code block and a footnote.');
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    expect(jsonLd).toMatchObject({ '@type': 'BlogPosting', headline: 'Tables and Code', datePublished: '2024-06-10T00:00:00Z' });
    await expect(page.locator('#app')).toBeHidden();
  });
});

/** Opens `url` with the app held back, so the prerendered page can be measured; returns
 * a function that lets the app load. */
async function openHeldBack(page, url) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // Measure only once the stylesheet applies.
  await page.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0));
  await expect(page.locator('#prerendered')).toHaveCount(1);
  return release;
}

test('the app takes over a prerendered post without moving it, or loading it again', async ({ page, server }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const release = await openHeldBack(page, server.url + 'posts/tables-and-code');
  const boxes = async (root) => ({
    h1: await page.locator(`${root} article h1`).boundingBox(),
    cell: await page.locator(`${root} .prose td`).first().boundingBox(),
    footer: await page.locator(`${root} footer`).boundingBox(),
  });
  const before = await boxes('#prerendered');
  const body = await page.locator('#prerendered .prose').innerHTML();
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  await expect(page.locator('#app .prose td').first()).toBeVisible();
  expect(await boxes('#app')).toEqual(before);
  await expect(page.locator('main')).toHaveCount(1);
  // The body is the prerendered one: the render worker does not load. (Leptos marks where
  // optional parts would go with empty comments; they render nothing.)
  expect((await page.locator('#app .prose').innerHTML()).replaceAll('<!---->', '')).toBe(body);
  await expect(page.locator('#app .prose .copy-code').first()).toBeVisible();
  expect(requested.filter((path) => path.includes('render-worker'))).toEqual([]);
  // The Markdown is fetched in the background only, for offline reading.
  await expect.poll(() => requested.filter((path) => path.endsWith('.md'))).toEqual(['/posts/tables-and-code.md']);
  // Navigation is now the app's: a marker on window survives it.
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.locator('article').getByRole('link', { name: 'Größe' }).click();
  await expect(page).toHaveURL(server.url + 'tags/grosse');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tagged “Größe”');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

for (const route of ['tags/ci-cd', '', 'categories', 'archive']) test(`the prerendered /${route} is replaced by the same view`, async ({ page, server }) => {
  const release = await openHeldBack(page, server.url + route);
  // Leptos marks where optional parts would go with empty comments; they render nothing.
  const markup = async (root) => (await page.locator(`${root} main`).innerHTML()).replaceAll('<!---->', '');
  const before = await markup('#prerendered');
  const heading = await page.locator('#prerendered main h1').boundingBox();
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('#app main h1')).toBeVisible();
  expect(await markup('#app')).toBe(before);
  expect(await page.locator('#app main h1').boundingBox()).toEqual(heading);
});

test.describe('offline, on a site built by folio build', () => {
  test.use({ allowedConsole: /Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/ });
  test('the first post a reader opens, and the app itself, read offline later', async ({ page, server, context }) => {
    await page.goto(server.url + 'posts/tables-and-code');
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // A returning reader: the prerendered post is taken over, and its Markdown kept.
    const markdown = page.waitForResponse((response) => response.url().endsWith('/posts/tables-and-code.md'));
    await page.reload();
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await markdown;
    await context.setOffline(true);
    // In the app, offline: the listing, then the same post rendered from its kept Markdown
    // by the render worker, which the service worker cached under its hashed names.
    await page.locator('#app article').getByRole('link', { name: '← all posts' }).click();
    await expect(page.getByRole('status')).toContainText('You are offline');
    await page.locator('#app main').getByRole('link', { name: 'Tables and Code', exact: true }).click();
    await expect(page.locator('#app .prose td').first()).toHaveText('cargo');
    await context.setOffline(false);
  });
});

test.describe('offline, on the first visit', () => {
  test.use({ allowedConsole: /Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/ });
  test('the prerendered post a reader first opens is kept once the service worker has taken the page', async ({ page, server, context }) => {
    // The worker is registered after the first view; the post's Markdown is fetched for
    // offline reading once the worker controls the page, so the worker keeps it.
    const markdown = page.waitForResponse((response) => response.url().endsWith('/posts/tables-and-code.md'));
    await page.goto(server.url + 'posts/tables-and-code');
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await markdown;
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('posts/tables-and-code.md')))).toBe(true);
    await context.setOffline(true);
    await page.locator('#app article').getByRole('link', { name: '← all posts' }).click();
    await page.locator('#app main').getByRole('link', { name: 'Tables and Code', exact: true }).click();
    await expect(page.locator('#app .prose td').first()).toHaveText('cargo');
    await context.setOffline(false);
  });
});

test.describe('folio serve', () => {
  test('previews a site with deep links, the app and live reload', async ({ page, folioServe }) => {
    const { url, dir } = folioServe;
    await page.goto(url + 'posts/hello-world');
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await expect(page.locator('article .prose strong')).toHaveText('bold');
    await page.getByRole('link', { name: 'Posts', exact: true }).click();
    await expect(page).toHaveURL(url);
    await page.goto(url + 'posts/hello-world');
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await expect(page.locator('article .prose strong')).toHaveText('bold');
    fs.writeFileSync(path.join(dir, 'posts', 'hello-world.md'), 'Edited while **open**.');
    // The page reloads into the new build (prerendered, then the app): either shows it.
    await expect(page.locator('article .prose strong', { hasText: 'open' }).first()).toBeVisible({ timeout: 10_000 });
    await expect(page.locator('#prerendered')).toHaveCount(0);
  });
});

test('search covers the posts\' text once folio build has indexed it, loading the index only for search', async ({ page, server }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(server.url);
  await expect(page.locator('#app main article').first()).toBeVisible();
  expect(requested).not.toContain('/search-index.json');
  // "beginning" is only in the text of Hello World, not in its title or summary.
  await page.goto(server.url + 'search?q=beginning');
  await expect(page.locator('.search-results article h2')).toHaveText(['Hello World']);
  expect(requested).toContain('/search-index.json');
});

/** Opens the search page and waits until the app has had the full-text index's answer
 * (a search shows results without it at once), then searches for `words`. */
async function openSearchWithIndex(page, server, words) {
  const answer = page.waitForResponse((response) => response.url().endsWith('/search-index.json'));
  await page.goto(server.url + 'search');
  await (await answer).finished();
  // Reading a small index takes the app a few milliseconds once its answer is in.
  await page.waitForTimeout(300);
  await page.locator('#search-input').fill(words);
}

test.describe('a full-text index that is cut off', () => {
  test.use({ serve: { root: folioRoot, faults: { 'search-index.json': { body: '{"version": 2, "slugs": ["hello-world"], "wo', type: 'application/json' } } } });
  test('leaves search to titles, tags and summaries', async ({ page, server }) => {
    await openSearchWithIndex(page, server, 'beginning');
    await expect(page.locator('.search-results .count')).toHaveText('No posts match “beginning”.');
    await page.locator('#search-input').fill('hello');
    await expect(page.locator('.search-results article h2')).toHaveText(['Hello World']);
  });
});

// The index as folio build writes it (see folio_core::text_index): here "beginning" is in
// the second post's text only, "table" in both (post lists: gaps between post numbers).
const textIndex = (lists) => JSON.stringify({ version: 2, slugs: ['hello-world', 'tables-and-code'], words: 'beginning\ntable\n', posts: lists });

test.describe('a full-text index written by hand', () => {
  test.use({ serve: { root: folioRoot, faults: { 'search-index.json': { body: textIndex(['C', 'BB']), type: 'application/json' } } } });
  test('is read as it says', async ({ page, server }) => {
    // The real index has "beginning" in Hello World; this one only in Tables and Code.
    await page.goto(server.url + 'search?q=beginning');
    await expect(page.locator('.search-results article h2')).toHaveText(['Tables and Code']);
  });
});

test.describe('a full-text index whose post lists do not fit', () => {
  // The second list names a third post, which the index does not have.
  test.use({ serve: { root: folioRoot, faults: { 'search-index.json': { body: textIndex(['C', 'BBB']), type: 'application/json' } } } });
  test('is left out, and search covers the rest', async ({ page, server }) => {
    await openSearchWithIndex(page, server, 'beginning');
    await expect(page.locator('.search-results .count')).toHaveText('No posts match “beginning”.');
    await page.locator('#search-input').fill('tables');
    await expect(page.locator('.search-results article h2')).toHaveText(['Tables and Code']);
  });
});

test.describe('a page in a background tab', () => {
  test('loads the post a reader opens, though it gets no animation frames', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.locator('#prerendered')).toHaveCount(0);
    // Then as in a tab the reader left: hidden, and no frames (the post's request waits
    // for a paint only in a page that paints).
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { get: () => true });
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
      window.requestAnimationFrame = () => 0;
    });
    await page.locator('#app main article h2 a', { hasText: 'Hello World' }).click();
    await expect(page.locator('#app article .prose strong')).toHaveText('bold');
  });
});

test('the stylesheet inlined into prerendered pages has every rule of style/main.css', async ({ page, server }) => {
  // folio build inlines it without comments and layout whitespace (folio_core::css::minify):
  // the browser must read the same rules from both texts.
  const original = fs.readFileSync(path.join(repo, 'style', 'main.css'), 'utf8');
  await page.goto(server.url + 'posts/tables-and-code');
  const [inline, parsed, size] = await page.evaluate((text) => {
    // Chrome serializes what it parsed, except custom properties and a few values (such as
    // color-mix() of a var()), which it keeps as written: spaces after ',' and ':' there
    // differ without meaning anything.
    const rules = (sheet) => [...sheet.cssRules].map((rule) => rule.cssText.replace(/([,:])\s+/g, '$1'));
    const constructed = new CSSStyleSheet();
    constructed.replaceSync(text);
    const style = document.querySelector('head style');
    return [rules(style.sheet), rules(constructed), style.textContent.length];
  }, original);
  expect(inline.length).toBeGreaterThan(100);
  expect(inline).toEqual(parsed);
  expect(size).toBeLessThan(original.length * 0.8);
});

test('prerendered pages lay out few fonts outside a post body', async ({ page, server }) => {
  // Each family, size and weight is a font lookup of its own in the first layout (on
  // Linux a synchronous call to the browser process): the type scale in style/main.css
  // keeps a listing to six and a post's frame to seven (docs/perf.md).
  const fonts = async (url) => {
    const release = await openHeldBack(page, url);
    const found = await page.evaluate(() => {
      const seen = new Set();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (!walker.currentNode.textContent.trim() || element.closest('.prose, noscript')) continue;
        const style = getComputedStyle(element);
        if (style.display === 'none') continue;
        seen.add(`${style.fontFamily.split(',')[0]} ${style.fontSize} ${style.fontWeight} ${style.fontStyle}`);
      }
      return [...seen].sort();
    });
    release();
    return found;
  };
  await page.setViewportSize({ width: 1280, height: 800 });
  const home = await fonts(server.url);
  expect(home.length, home.join('\n')).toBeLessThanOrEqual(6);
  const post = await fonts(server.url + 'posts/tables-and-code');
  expect(post.length, post.join('\n')).toBeLessThanOrEqual(7);
});
