// Pages prerendered by `folio build`: readable without WebAssembly, then taken over by
// the app without the content moving, after which navigation is client-side.
import { test, expect, folioRoot } from './fixtures.js';

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

test('the app takes over a prerendered post without moving it', async ({ page, server }) => {
  // Hold the wasm back a moment, to measure the prerendered page first.
  await page.route('**/*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
  await page.goto(server.url + 'posts/tables-and-code');
  const box = async (selector) => page.locator(selector).first().boundingBox();
  const before = { h1: await box('article h1'), cell: await box('.prose td'), footer: await box('footer') };
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  const after = { h1: await box('article h1'), cell: await box('.prose td'), footer: await box('footer') };
  expect(after).toEqual(before);
  await expect(page.locator('main')).toHaveCount(1);
  // Navigation is now the app's: a marker on window survives it.
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.locator('article').getByRole('link', { name: 'Größe' }).click();
  await expect(page).toHaveURL(server.url + 'tags/grosse');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tagged “Größe”');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

for (const route of ['tags/ci-cd', '', 'categories']) test(`the prerendered /${route} is replaced by the same view`, async ({ page, server }) => {
  await page.route('**/*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
  await page.goto(server.url + route);
  // Leptos marks where optional parts would go with empty comments; they render nothing.
  const markup = async () => (await page.locator('main').first().innerHTML()).replaceAll('<!---->', '');
  const before = await markup();
  const firstCard = await page.locator('main h1').boundingBox();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  expect(await markup()).toBe(before);
  expect(await page.locator('main h1').boundingBox()).toEqual(firstCard);
});

test.describe('folio serve', () => {
  test('previews a site with deep links, the app and live reload', async ({ page }) => {
    const { spawn } = await import('node:child_process');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { repo, site } = await import('./fixtures.js');
    // A copy of the minimal site, so the test can edit a post.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-serve-'));
    fs.cpSync(site('minimal'), copy, { recursive: true });
    const child = spawn(path.join(repo, 'target', 'debug', 'folio'), ['serve', copy, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(chunk)); if (m) resolve(m[0]); });
        child.on('exit', (code) => reject(new Error(`folio serve exited with ${code}`)));
      });
      await page.goto(url + 'posts/hello-world');
      await expect(page.locator('article .prose strong')).toHaveText('bold');
      await expect(page.locator('#prerendered')).toHaveCount(0);
      await page.getByRole('link', { name: 'Posts', exact: true }).click();
      await expect(page).toHaveURL(url);
      await page.goto(url + 'posts/hello-world');
      await expect(page.locator('#prerendered')).toHaveCount(0);
      fs.writeFileSync(path.join(copy, 'posts', 'hello-world.md'), 'Edited while **open**.');
      await expect(page.locator('article .prose strong')).toHaveText('open', { timeout: 10_000 });
    } finally {
      child.kill();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
