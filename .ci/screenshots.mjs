// Screenshots of every view of the demo site at phone and desktop widths, light and dark,
// into docs/screenshots/. Run after `trunk build --release`: node .ci/screenshots.mjs
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'docs', 'screenshots');
// [file name, route, element to scroll to]
const views = [
  ['home', ''],
  ['post', 'posts/rust-error-handling-in-practice'],
  ['post-end', 'posts/rust-error-handling-in-practice', '.post-footer'],
  ['math', 'posts/the-arithmetic-of-error-budgets', '.katex-display'],
  ['diagram', 'posts/the-arithmetic-of-error-budgets', 'iframe.diagram.drawn'],
  ['tags', 'tags'],
  ['tag', 'tags/rust'],
  ['categories', 'categories'],
  ['archive', 'archive'],
  ['search', 'search?q=postgres'],
  ['not-found', 'no/such/page'],
];
// The same site in Arabic (right to left), from the same build.
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'dist', 'posts.json'), 'utf8'));
manifest.site.language = 'ar';
const arabicViews = [['home-ar', ''], ['post-ar', 'posts/rust-error-handling-in-practice']];
const server = await startServer({ root: path.join(repo, 'dist') });
const arabic = await startServer({ root: path.join(repo, 'dist'), faults: { 'posts.json': { body: JSON.stringify(manifest) } } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
for (const [width, height, device] of [[375, 812, 'phone'], [1280, 900, 'desktop']]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    const shots = [...views.map((view) => [server, ...view]), ...arabicViews.map((view) => [arabic, ...view])];
    for (const [host, name, route, scrollTo] of shots) {
      await page.goto(host.url + route);
      await page.locator('#app main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      if (scrollTo) {
        await page.locator(scrollTo).first().waitFor();
        await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
        // A post's blocks are laid out only near the screen (content-visibility): the frame
        // right after a jump can still show them empty.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.waitForTimeout(300);
      }
      await page.screenshot({ path: path.join(out, `${name}-${device}-${scheme}.png`) });
    }
    await page.close();
  }
}
await browser.close();
await server.close();
await arabic.close();
console.log(`screenshots in ${path.relative(repo, out)}`);
