// Static hosting: a host without an SPA fallback (GitHub Pages' 404.html), a sub-path
// deployment, and the demo site's pagination and images.
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { test, expect, site, distBlog, folioBlog, dist, repo, listedSlugs } from './fixtures.js';

test.describe('a host without SPA fallback', () => {
  test.use({ serve: { overlay: site('minimal'), spa: false }, allowedConsole: /status of 404/ });
  test('serves deep links through 404.html', async ({ page, server }) => {
    const response = await page.goto(server.url + 'posts/hello-world');
    expect(response.status()).toBe(404);
    await expect(page.locator('article h1')).toHaveText('Hello World');
    await expect(page.locator('article .prose strong')).toHaveText('bold');
  });
});

test.describe('a sub-path deployment', () => {
  test.use({ serve: { root: distBlog, overlay: site('minimal'), base: '/blog/' } });
  test('links, deep links and reloads stay under /blog/', async ({ page, server }) => {
    expect(server.url).toMatch(/\/blog\/$/);
    await page.goto(server.url);
    expect(await listedSlugs(page)).toEqual(['/blog/posts/tables-and-code', '/blog/posts/hello-world']);
    await expect(page.locator('header a.site-title')).toHaveAttribute('href', '/blog/');
    await page.getByRole('link', { name: 'Hello World' }).click();
    await expect(page).toHaveURL(server.url + 'posts/hello-world');
    await expect(page.locator('article .prose strong')).toHaveText('bold');
    await page.locator('article').getByRole('link', { name: 'CI/CD' }).click();
    await expect(page).toHaveURL(server.url + 'tags/ci-cd');
    await expect(page.locator('main .count')).toHaveText('2 posts');
    await page.reload();
    await expect(page.locator('main .count')).toHaveText('2 posts');
    await page.goto(server.url + 'categories/notes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Category: Notes');
    for (const [route, heading] of [['tags', 'Tags'], ['categories', 'Categories'], ['archive', 'Archive']]) {
      await page.goto(server.url + route);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('main a[href^="/"]:not([href^="/blog/"])')).toHaveCount(0);
    }
    // Views that send readers home send them to the blog's home, not the host's.
    await page.goto(server.url + 'no/such/page');
    const home = page.getByRole('alert').getByRole('link', { name: '← Back to the home page' });
    await expect(home).toHaveAttribute('href', '/blog/');
    await home.click();
    await expect(page).toHaveURL(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest posts');
  });
});

test.describe('a folio build under a sub-path', () => {
  // The same app files as the root build: only folio build's rewrite of index.html differs.
  test.use({ serve: { root: folioBlog, base: '/blog/' } });
  test('works without rebuilding the app', async ({ page, server }) => {
    await page.goto(server.url + 'tags/intro');
    // The prerendered page gives way to the app; then there is one of everything.
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await expect(page.locator('main .count')).toHaveText('1 post');
    await page.getByRole('link', { name: 'Hello World' }).click();
    await expect(page).toHaveURL(server.url + 'posts/hello-world');
    await expect(page.locator('article .prose strong')).toHaveText('bold');
    await page.goBack();
    await expect(page).toHaveURL(server.url + 'tags/intro');
    const feed = await page.request.get(server.url + 'feed.xml');
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('<link href="http://127.0.0.1/blog/posts/hello-world"');
  });
});

test.describe('the demo site', () => {
  test('paginates ten posts a page and renders images', async ({ page, server }) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'posts.json'), 'utf8'));
    const n = manifest.posts.length;
    await page.goto(server.url);
    await expect(page.locator('main article')).toHaveCount(10);
    await page.getByRole('link', { name: 'Older posts →' }).click();
    await expect(page).toHaveURL(server.url + 'page/2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Posts, page 2 of ${Math.ceil(n / 10)}`);
    await expect(page.locator('main article')).toHaveCount(10);
    const withImage = manifest.posts.find((post) => /!\[[^\]]*\]\(images\//.test(fs.readFileSync(path.join(dist, post.file), 'utf8')));
    await page.goto(server.url + 'posts/' + withImage.slug);
    const image = page.locator('article .prose img').first();
    await expect(image).toBeVisible();
    expect(await image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  });
});

test('the service worker is registered once the first view is up, not during the app\'s start', async ({ page, server }) => {
  // Its install downloads the app shell: registered while the app starts, that competes
  // with the manifest and the app's first tasks (Lighthouse's blocking time, docs/perf.md).
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.registeredWhen = {
        manifest: performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/posts.json')),
        view: Boolean(document.querySelector('#app:not([hidden]) main h1')),
        prerendered: Boolean(document.querySelector('#prerendered')),
      };
      return register.apply(this, args);
    };
  });
  await page.goto(server.url + 'posts/hello-world');
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
  expect(await page.evaluate(() => window.registeredWhen)).toEqual({ manifest: true, view: true, prerendered: false });
});

test('the service worker caches hashed files whatever their hash', () => {
  // Trunk does not pad its hash: a build whose hash starts with a zero has 15 digits, and
  // a reader of that build had no app offline.
  const source = fs.readFileSync(path.join(repo, 'style', 'sw.js'), 'utf8');
  const hashed = new RegExp(source.match(/const HASHED = \/(.+)\/;/)[1]);
  for (const name of ['folio-app-bd66b4be4ce2b69_bg.wasm', 'folio-app-bd66b4be4ce2b69.js', 'main-42d183410ee0b7bb.css', 'folio-render-worker-0a1b2c3d4e5f6a7b.js', 'folio-app-d4be4ce2b69_bg.wasm']) {
    expect(hashed.test(name), name).toBe(true);
  }
  for (const name of ['rich-content.js', 'katex.min.css', 'folio-render-worker.js', 'folio-render-worker_bg.wasm', 'mermaid-10.js']) {
    expect(hashed.test(name), name).toBe(false);
  }
});

test('the JavaScript beside the WebAssembly is minified, without the unused stream classes', () => {
  // .ci/glue.mjs, run by Trunk's post-build hook. The app still starts (every other test),
  // so the integrity that index.html gives its glue was computed again.
  const glue = fs.readdirSync(dist).filter((name) => /^folio-(app-[0-9a-f]+|render-worker)\.js$/.test(name));
  expect(glue.length).toBe(2);
  for (const name of glue) {
    const code = fs.readFileSync(path.join(dist, name), 'utf8');
    expect(code, name).not.toContain('/**');
    expect(code.split('\n').length, name).toBeLessThan(5);
    expect(code, name).not.toContain('IntoUnderlying');
    // The names linking the module and its glue are short (`shortNames` in .ci/glue.mjs):
    // no wasm-bindgen name with its hash is left on either side, and the glue provides
    // every import the module asks for.
    expect(code, name).not.toMatch(/__wbg_|__wbindgen_/);
    const wasmName = name.replace(/\.js$/, '_bg.wasm');
    const module = new WebAssembly.Module(fs.readFileSync(path.join(dist, wasmName)));
    const imports = WebAssembly.Module.imports(module);
    expect(imports.length, wasmName).toBeGreaterThan(10);
    for (const { module: from, name: field } of imports) {
      expect(from.length + field.length, `${wasmName}: ${from} ${field}`).toBeLessThanOrEqual(3);
      expect(code, `${name} provides ${field}`).toMatch(new RegExp(`[{,]${field}:`));
    }
    const exports = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(exports, wasmName).toContain('memory');
    expect(exports.every((e) => e === 'memory' || e.length <= 2), `${wasmName}: ${exports}`).toBe(true);
  }
  // The app's files are named after what they hold (minified, optimized), so a browser that
  // cached an earlier build's file for a year never finds it under a new build's name.
  const [app] = glue.filter((name) => name.startsWith('folio-app-'));
  const stem = app.slice(0, -'.js'.length);
  const hash = crypto.createHash('sha256')
    .update(fs.readFileSync(path.join(dist, app)))
    .update(fs.readFileSync(path.join(dist, `${stem}_bg.wasm`)))
    .digest('hex').slice(0, 16);
  expect(stem).toBe(`folio-app-${hash}`);
});

test('the app stays within its download budget', () => {
  // What every reader downloads first; the render worker loads only on post pages.
  const files = fs.readdirSync(dist).filter((name) => /^folio-app-.*\.(wasm|js)$/.test(name));
  const gzipped = files.map((name) => zlib.gzipSync(fs.readFileSync(path.join(dist, name)), { level: 9 }).length);
  const total = gzipped.reduce((a, b) => a + b, 0);
  console.log(`wasm + JS gzipped: ${(total / 1024).toFixed(1)} KiB (${files.join(', ')})`);
  expect(files.some((name) => name.endsWith('.wasm'))).toBe(true);
  // The performance issue's budget, 150 KB, read strictly as 150,000 bytes (150,000 / 1024 =
  // 146.5 KiB). Measured: 149,706 bytes (146.2 KiB), down from 196.8 KiB; each step that
  // got it here, and what was tried and not kept, is in docs/perf.md ("The first download").
  expect(total).toBeLessThanOrEqual(150_000);
});

test('trunk build and folio build write the same Content-Security-Policy', async () => {
  const policy = (file) => {
    const html = fs.readFileSync(file, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    expect(metas.length, file).toBe(1);
    // Every inline script of the page (Trunk's loader, the theme script) by its hash.
    const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, file).toBe(2);
    for (const [, body] of scripts) {
      const hash = crypto.createHash('sha256').update(body, 'utf8').digest('base64');
      expect(metas[0][1], file).toContain(`'sha256-${hash}'`);
    }
    // A prerendered page's stylesheet is inline, allowed by its hash (and nothing else is).
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    const styleSrc = /style-src ([^;]*);/.exec(metas[0][1])[1];
    expect(styleSrc, file).toBe(["'self'", ...styles.map(([, body]) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`)].join(' '));
    return metas[0][1].replace(/ 'sha256-[^']*'/g, " 'sha256-…'");
  };
  const fromTrunk = policy(path.join(dist, 'index.html'));
  expect(fromTrunk).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-…' 'sha256-…'; style-src 'self';");
  expect(policy(path.join(dist, '404.html'))).toBe(fromTrunk);
  expect(policy(path.join(folioBlog, '404.html'))).toBe(fromTrunk);
  const prerendered = fromTrunk.replace("style-src 'self';", "style-src 'self' 'sha256-…';");
  expect(policy(path.join(folioBlog, 'index.html'))).toBe(prerendered);
  expect(policy(path.join(folioBlog, 'posts', 'hello-world.html'))).toBe(prerendered);
  // Every page folio build writes carries it, with the directives that matter spelled out.
  const pages = fs.readdirSync(folioBlog, { recursive: true }).filter((name) => name.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(10);
  for (const page of pages) {
    const html = fs.readFileSync(path.join(folioBlog, page), 'utf8');
    // diagram.html is the sandboxed diagram frame, with its own stricter policy.
    if (page === 'diagram.html') continue;
    const found = policy(path.join(folioBlog, page));
    expect([fromTrunk, prerendered], page).toContain(found);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "default-src 'self'", "form-action 'none'"]) {
      expect(found.split('; '), page).toContain(directive);
    }
    expect(found, page).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(html, page).not.toMatch(/<script[^>]*>[^<]*\beval\(/);
  }
});

test.describe('the security headers the README gives for Netlify and nginx', () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const netlify = /^\s+Content-Security-Policy: (.*)$/m.exec(readme)[1];
  const nginx = /add_header Content-Security-Policy "([^"]*)" always;/.exec(readme)[1];
  test.use({ serve: { overlay: site('minimal'), headers: { 'content-security-policy': netlify } } });
  test('agree, and the app runs under them with no violation', async ({ page, server }) => {
    expect(nginx).toBe(netlify);
    expect(netlify).toContain("frame-ancestors 'none'");
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
    });
    const response = await page.goto(server.url + 'posts/tables-and-code');
    expect(response.headers()['content-security-policy']).toBe(netlify);
    await expect(page.locator('article .prose table td').first()).toHaveText('cargo');
    await page.getByRole('link', { name: '← all posts' }).click();
    await expect(page.locator('main article')).toHaveCount(2);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
  });
});
