// Screenshots of every view of the demo site at phone and desktop widths, light and dark,
// into docs/screenshots/. Run after `trunk build --release`: node .ci/screenshots.mjs
import { chromium } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'docs', 'screenshots');
const views = [
  ['home', ''],
  ['post', 'posts/rust-error-handling-in-practice'],
  ['post-end', 'posts/rust-error-handling-in-practice#end'],
  ['tags', 'tags'],
  ['tag', 'tags/rust'],
  ['categories', 'categories'],
  ['archive', 'archive'],
  ['search', 'search?q=postgres'],
  ['not-found', 'no/such/page'],
];
const server = await startServer({ root: path.join(repo, 'dist') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
for (const [width, height, device] of [[375, 812, 'phone'], [1280, 900, 'desktop']]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    for (const [name, route] of views) {
      await page.goto(server.url + route.replace('#end', ''));
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      if (route.endsWith('#end')) await page.locator('.post-footer').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, `${name}-${device}-${scheme}.png`) });
    }
    await page.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${path.relative(repo, out)}`);
