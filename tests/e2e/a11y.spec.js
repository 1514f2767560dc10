// Accessibility: axe-core on every view of the demo site, in light and dark, at phone and
// desktop widths: no WCAG 2.1 A/AA violation, and none of axe's best practices broken.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test, expect, dist } from './fixtures.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'posts.json'), 'utf8'));
const withCode = manifest.posts.find((post) => /```\w/.test(fs.readFileSync(path.join(dist, post.file), 'utf8')));
const views = [
  ['home', ''],
  ['page 2', 'page/2'],
  ['post with code, table of contents and alerts', 'posts/' + withCode.slug],
  ['post with an alert', 'posts/backups-you-have-never-restored'],
  ['post with math and a diagram', 'posts/the-arithmetic-of-error-budgets'],
  ['tags', 'tags'],
  ['tag', 'tags/rust'],
  ['categories', 'categories'],
  ['category', 'categories/web'],
  ['archive', 'archive'],
  ['search', 'search?q=postgres'],
  ['not found', 'no/such/page'],
];

// axe is injected as a script; the pages' CSP allows no inline script, so the test lifts it.
test.use({ bypassCSP: true });

for (const scheme of ['light', 'dark']) {
  for (const [width, device] of [[375, 'phone'], [1280, 'desktop']]) {
    test(`axe finds nothing on any view (${scheme}, ${device})`, async ({ page, server }) => {
      test.setTimeout(60_000);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const found = [];
      for (const [name, route] of views) {
        await page.goto(server.url + route);
        await page.locator('#app main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
          return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        });
        found.push(...violations.map((v) => `${name}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  }
}
