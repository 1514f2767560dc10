// Reader features on the demo site: the archive, instant search with its shortcuts and the
// URL, numbered pages, and newer / older / related posts under a post.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, dist, folioIntegrations } from './fixtures.js';

const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'posts.json'), 'utf8'));
const published = manifest.posts.filter((post) => !post.draft);

test('the archive groups every post by year and month, newest first', async ({ page, server }) => {
  await page.goto(server.url + 'archive');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive');
  await expect(page).toHaveTitle(`Archive · ${manifest.site.title}`);
  await expect(page.locator('main .view > .count')).toHaveText(`${published.length} posts`);
  const years = [...new Set(published.map((post) => post.date.slice(0, 4)))].sort().reverse();
  const headings = years.map((year) => {
    const n = published.filter((post) => post.date.startsWith(year)).length;
    return `${year} ${n === 1 ? '1 post' : `${n} posts`}`;
  });
  await expect(page.locator('.archive-year h2')).toHaveText(headings);
  const newest = page.locator('.archive-list a').first();
  await expect(newest).toHaveText(published[0].title);
  await expect(page.locator('.archive-list a')).toHaveCount(published.length);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' })).toHaveAttribute('aria-current', 'page');
  await newest.click();
  await expect(page.locator('article h1')).toHaveText(published[0].title);
});

test('search finds as you type, ranks titles first, highlights, and keeps the words in the URL', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.locator('main article').first()).toBeVisible();
  const before = await page.evaluate(() => history.length);
  // "/" opens the search view with the box focused.
  await page.keyboard.press('/');
  await expect(page).toHaveURL(server.url + 'search');
  const box = page.getByRole('searchbox');
  await expect(box).toBeFocused();
  await expect(page).toHaveTitle(`Search · ${manifest.site.title}`);
  await box.pressSequentially('postgres');
  await expect(page).toHaveURL(server.url + 'search?q=postgres');
  await expect(page.locator('.search-results .count')).toHaveText(/^\d+ results? for “postgres”$/);
  const titles = await page.locator('.search-results article h2').allTextContents();
  // Posts with the word in the title come before posts that only have it as a tag.
  const inTitle = titles.map((title) => /postgres/i.test(title));
  expect(inTitle.indexOf(false)).toBeGreaterThan(0);
  expect(inTitle.slice(inTitle.indexOf(false)).every((value) => !value)).toBe(true);
  await expect(page.locator('.search-results article h2 mark').first()).toHaveText(/postgres/i);
  // Typing replaced the history entry each time: one step back leaves the search.
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await box.fill('zzzz-nothing');
  await expect(page.locator('.search-results .count')).toHaveText('No posts match “zzzz-nothing”.');
  await box.fill('rust errors');
  await expect(page.locator('.search-results article h2').first()).toHaveText('Rust Error Handling in Practice');
  // Esc leaves the box; "/" comes back to it.
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(server.url);
  await page.goForward();
  await expect(page).toHaveURL(/\/search\?q=rust%20errors$/);
  await expect(box).toHaveValue('rust errors');
});

test('a search link works as a deep link and after a reload; Ctrl+K opens search anywhere', async ({ page, server }) => {
  await page.goto(server.url + 'search?q=kubernetes');
  await expect(page.getByRole('searchbox')).toHaveValue('kubernetes');
  const n = published.filter((post) => /kubernetes/i.test([post.title, post.summary, ...(post.tags ?? []), post.category].join(' '))).length;
  await expect(page.locator('.search-results .count')).toHaveText(`${n} results for “kubernetes”`);
  await expect(page.locator('.search-results article')).toHaveCount(n);
  await page.reload();
  await expect(page.locator('.search-results article')).toHaveCount(n);
  await page.goto(server.url + 'posts/' + published[3].slug);
  await expect(page.locator('article h1')).toHaveText(published[3].title);
  await page.keyboard.press('Control+k');
  await expect(page).toHaveURL(server.url + 'search');
  await expect(page.getByRole('searchbox')).toBeFocused();
});

test.describe('search in languages without spaces', () => {
  const posts = [
    { slug: 'tokyo', title: '東京の夜', date: '2024-03-01', file: 'posts/x.md', summary: '夜の散歩' },
    { slug: 'kyoto', title: '京都の朝', date: '2024-02-01', file: 'posts/x.md', tags: ['旅行'] },
    { slug: 'beijing', title: '北京烤鸭', date: '2024-01-01', file: 'posts/x.md', summary: '我喜欢东京' },
  ];
  test.use({ serve: { faults: { 'posts.json': { body: JSON.stringify({ version: 1, site: { title: 'CJK' }, posts }) } } } });
  test('matches on characters inside words', async ({ page, server }) => {
    await page.goto(server.url + 'search?q=' + encodeURIComponent('京'));
    await expect(page.locator('.search-results article h2')).toHaveText(['東京の夜', '京都の朝', '北京烤鸭']);
    await page.getByRole('searchbox').fill('東京');
    await expect(page.locator('.search-results article h2')).toHaveText(['東京の夜']);
    await page.getByRole('searchbox').fill('旅行');
    await expect(page.locator('.search-results article h2')).toHaveText(['京都の朝']);
    await page.getByRole('searchbox').fill('东京');
    await expect(page.locator('.search-results article h2')).toHaveText(['北京烤鸭']);
    await expect(page.locator('.search-results .summary mark')).toHaveText('东京');
  });
});

test('listings have numbered pages', async ({ page, server }) => {
  const n = Math.ceil(published.length / 10);
  await page.goto(server.url);
  const numbers = page.locator('.pager .page-numbers li');
  await expect(numbers).toHaveText(Array.from({ length: n }, (_, i) => String(i + 1)));
  await expect(page.locator('.page-numbers [aria-current="page"]')).toHaveText('1');
  await page.locator('.page-numbers').getByRole('link', { name: String(n) }).click();
  await expect(page).toHaveURL(server.url + `page/${n}`);
  await expect(page.locator('main article')).toHaveCount(published.length - (n - 1) * 10);
  await expect(page.locator('.page-numbers [aria-current="page"]')).toHaveText(String(n));
  await expect(page.getByRole('link', { name: 'Older posts →' })).toHaveCount(0);
});

test('a post links to the newer and older posts and to related ones', async ({ page, server }) => {
  const i = 6;
  const post = published[i];
  await page.goto(server.url + 'posts/' + post.slug);
  await expect(page.locator('article h1')).toHaveText(post.title);
  const nav = page.getByRole('navigation', { name: 'More posts' });
  await expect(nav.locator('a[rel="prev"] .title')).toHaveText(published[i - 1].title);
  await expect(nav.locator('a[rel="next"] .title')).toHaveText(published[i + 1].title);
  // Related posts share a tag with this one; there are at most three.
  const related = page.getByRole('region', { name: 'Related posts' }).getByRole('link');
  const count = await related.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(3);
  for (const title of await related.allTextContents()) {
    const other = published.find((candidate) => candidate.title === title);
    expect(other.tags.some((tag) => post.tags.includes(tag))).toBe(true);
  }
  await nav.locator('a[rel="next"]').click();
  await expect(page.locator('article h1')).toHaveText(published[i + 1].title);
  await page.goBack();
  await expect(page.locator('article h1')).toHaveText(post.title);
  // The newest post has no newer one.
  await page.goto(server.url + 'posts/' + published[0].slug);
  await expect(nav.locator('a[rel="next"]')).toHaveCount(1);
  await expect(nav.locator('a[rel="prev"]')).toHaveCount(0);
});

test('code blocks are highlighted and copied with one click', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const post = published.find((candidate) => candidate.slug === 'rust-error-handling-in-practice');
  const markdown = fs.readFileSync(path.join(dist, post.file), 'utf8');
  const source = markdown.match(/```rust\n([\s\S]*?)```/)[1];
  await page.goto(server.url + 'posts/' + post.slug);
  const block = page.locator('.code-block[data-lang="rust"]').first();
  await expect(block.locator('code .hl-k').first()).toBeVisible();
  // The spans only color the text: it is the code as written.
  expect(await block.locator('code').textContent()).toBe(source);
  const button = block.getByRole('button', { name: 'Copy' });
  await button.click();
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(source);
  // Keywords are colored differently from plain text, in light and in dark.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const colors = await block.locator('code').evaluate((code) => [getComputedStyle(code).color, getComputedStyle(code.querySelector('.hl-k')).color]);
    expect(colors[0]).not.toBe(colors[1]);
  }
});

test.describe('themes', () => {
  // The last step holds the app back, which the browser reports as errors.
  test.use({ allowedConsole: /./ });
  test('the theme button cycles system, light and dark, and the choice applies before the app runs', async ({ page, server }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url);
    const html = page.locator('html');
    const button = page.getByRole('button', { name: /^Theme:/ });
    await expect(button).toHaveAttribute('aria-label', 'Theme: system (switch to light)');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await button.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await button.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(button).toHaveAttribute('aria-label', 'Theme: dark (switch to system)');
    const dark = await background();
    expect(dark).not.toBe(light);
    // A system in dark mode with "light" chosen stays light.
    await button.click();
    await expect(html).not.toHaveAttribute('data-theme');
    await button.click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(light);
    await button.click();
    // Reloaded without the app: the inline style/theme.js alone applies the stored choice.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe(dark);
  });
});

test('alerts are titled and posts print without the page furniture', async ({ page, server }) => {
  await page.goto(server.url + 'posts/backups-you-have-never-restored');
  const alert = page.locator('article .prose blockquote.alert-warning');
  await expect(alert.locator('.alert-title')).toHaveText('Warning');
  await expect(alert).toContainText('Only a restore proves');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.post-footer')).toBeHidden();
  await expect(page.locator('article h1')).toBeVisible();
});

test('navigation moves focus to the new heading; Back restores the scroll position', async ({ page, server }) => {
  await page.setViewportSize({ width: 1000, height: 500 });
  await page.goto(server.url);
  await expect(page.locator('main article')).toHaveCount(10);
  const card = page.locator('main article').nth(8);
  await card.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(300);
  const title = await card.locator('h2').textContent();
  await card.locator('h2 a').click();
  await expect(page.locator('article h1')).toHaveText(title);
  // A new view starts at the top, with its heading focused.
  await expect(page.locator('article h1')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest posts');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test.describe('scheduled posts', () => {
  const posts = [
    { slug: 'tomorrow', title: 'From the Future', date: '2999-01-01', file: 'posts/x.md', tags: ['Go'] },
    { slug: 'yesterday', title: 'From the Past', date: '2024-01-01', file: 'posts/x.md', tags: ['Go'] },
  ];
  test.use({ serve: { faults: { 'posts.json': { body: JSON.stringify({ version: 1, site: { title: 'S', scheduled: true }, posts }) } } } });
  test('wait for their date in listings, search and post pages', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.locator('main article h2')).toHaveText(['From the Past']);
    await page.goto(server.url + 'tags/go');
    await expect(page.locator('main .count')).toHaveText('1 post');
    await page.goto(server.url + 'search?q=from');
    await expect(page.locator('.search-results article h2')).toHaveText(['From the Past']);
    await page.goto(server.url + 'posts/tomorrow');
    await expect(page.getByRole('alert')).toContainText('There is no post called “tomorrow”.');
  });
});

test('a post shows its cover, share links and "Edit this page"', async ({ page, server }) => {
  const post = published.find((candidate) => candidate.cover);
  await page.goto(server.url + 'posts/' + post.slug);
  const cover = page.locator('article .post-header img.cover');
  await expect(cover).toHaveAttribute('src', post.cover);
  await expect.poll(() => cover.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', manifest.site.edit_url + post.file);
  const url = encodeURIComponent(`${manifest.site.base_url.replace(/\/$/, '')}/posts/${post.slug}`);
  await expect(page.locator('.share').getByRole('link', { name: 'LinkedIn' })).toHaveAttribute('href', `https://www.linkedin.com/sharing/share-offsite/?url=${url}`);
  await expect(page.locator('.share a')).toHaveText(['Mastodon', 'Bluesky', 'LinkedIn', 'Email']);
});

test('a tag page narrows by category, and a category page by tag, in the URL', async ({ page, server }) => {
  const go = published.filter((post) => (post.tags ?? []).includes('Go'));
  const categories = [...new Set(go.map((post) => post.category))].sort();
  await page.goto(server.url + 'tags/go');
  const facets = page.getByRole('navigation', { name: 'Narrow by category' }).getByRole('link');
  await expect(facets).toHaveCount(categories.length + 1);
  await expect(facets.first()).toHaveAttribute('aria-current', 'page');
  const category = categories[0];
  const n = go.filter((post) => post.category === category).length;
  await facets.filter({ hasText: category }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/go\\?category=`));
  await expect(page.locator('main .view > .count')).toHaveText(n === 1 ? '1 post' : `${n} posts`);
  await expect(page.locator('main article a.category')).toHaveText(Array(n).fill(category));
  await expect(facets.filter({ hasText: category })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page.locator('main .view > .count')).toHaveText(`${go.length} posts`);
  // The reverse, as a deep link.
  const web = published.filter((post) => post.category === 'Web');
  const typescript = web.filter((post) => (post.tags ?? []).includes('TypeScript'));
  await page.goto(server.url + 'categories/web?tag=typescript');
  await expect(page.locator('main article h2')).toHaveText(typescript.map((post) => post.title));
  await expect(page.getByRole('navigation', { name: 'Narrow by tag' }).getByRole('link', { name: /^All/ })).toHaveAttribute('href', '/categories/web');
});

test.describe('offline', () => {
  test.use({ allowedConsole: /Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/ });
  test('a returning reader reads the posts they opened, and is told they are offline', async ({ page, server, context }) => {
    await page.goto(server.url);
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const post = published[1];
    await page.getByRole('link', { name: post.title, exact: true }).first().click();
    await expect(page.locator('article .prose p').first()).toBeVisible();
    await context.setOffline(true);
    // A new visit with no network: the shell, the manifest and the post come from the cache.
    await page.reload();
    await expect(page.getByRole('status')).toContainText('You are offline');
    await expect(page.locator('article h1')).toHaveText(post.title);
    await expect(page.locator('article .prose p').first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags', exact: true }).click();
    await expect(page.locator('.term-list li').first()).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByRole('status')).toHaveCount(0);
  });
});

test('a bar at the top shows how far the reader has scrolled through a post', async ({ page, server }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(server.url + 'posts/rust-error-handling-in-practice');
  await expect(page.locator('article .prose p').first()).toBeVisible();
  const bar = page.locator('.reading-progress');
  const width = () => bar.evaluate((el) => el.getBoundingClientRect().width);
  expect(await width()).toBeLessThan(5);
  await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
  await expect.poll(width).toBeGreaterThan(400);
  await expect.poll(width).toBeLessThan(600);
});

test.describe('languages', () => {
  const posts = [
    { slug: 'tables-and-code', title: 'Tabellen und Code', date: '2025-04-07', file: 'posts/terraform-modules-without-regret.md', tags: ['Go'], category: 'Technik', reading_minutes: 3 },
    { slug: 'hello-world', title: 'Hallo Welt', date: '2025-03-01', file: 'posts/til-fetch-keepalive.md', tags: ['Go'] },
  ];
  const site = (language) => JSON.stringify({ version: 1, site: { title: 'Blog', language }, posts });

  test.describe('German', () => {
    test.use({ serve: { faults: { 'posts.json': { body: site('de-AT') } } } });
    test('every word, date and count comes from the German table', async ({ page, server }) => {
      await page.goto(server.url);
      await expect(page.locator('html')).toHaveAttribute('lang', 'de-AT');
      await expect(page.locator('#app nav .nav a')).toHaveText(['Beiträge', 'Schlagwörter', 'Kategorien', 'Archiv', 'Suche']);
      await expect(page.locator('#app h1')).toHaveText('Neueste Beiträge');
      await expect(page.locator('#app article .meta').first()).toHaveText('7. Apr. 2025 · Technik · 3 Min. Lesezeit');
      await expect(page.locator('.skip-link')).toHaveText('Zum Inhalt springen');
      await expect(page.locator('.theme-toggle')).toHaveAttribute('aria-label', 'Farbschema: System (wechseln zu hell)');
      await page.locator('#app nav').getByRole('link', { name: 'Schlagwörter' }).click();
      await expect(page.locator('#app .term-list li')).toHaveText(['Go 2 Beiträge']);
      await page.goto(server.url + 'posts/tables-and-code');
      await expect(page.locator('#app .back')).toHaveText('← alle Beiträge');
      // The render worker's words: contents, copy button, footnotes.
      await expect(page.locator('#app .toc summary')).toHaveText('Inhalt');
      await expect(page.locator('#app .copy-code').first()).toHaveText('Kopieren');
      await expect(page.locator('#app .footnotes')).toHaveAttribute('aria-label', 'Fußnoten');
      await page.goto(server.url + 'search?q=zzz');
      await expect(page.locator('.search-results .count')).toHaveText('Keine Beiträge zu „zzz“.');
      await page.goto(server.url + 'posts/nope');
      await expect(page.getByRole('alert')).toContainText('Es gibt keinen Beitrag namens „nope“.');
      await expect(page).toHaveTitle('Nicht gefunden (404) · Blog');
    });
  });

  test.describe('a page whose <html lang> names the language (folio build)', () => {
    test.use({ serve: { root: folioIntegrations, faults: { 'posts.json': { delayMs: 800 } } } });
    test('has its words on the way while the manifest is', async ({ page, server }) => {
      // The site's analytics script, at its real address: answered with nothing.
      await page.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      const words = [];
      let manifestDone = 0;
      page.on('request', (request) => {
        if (request.url().includes('/i18n/')) words.push(Date.now());
      });
      page.on('requestfinished', (request) => {
        if (request.url().endsWith('/posts.json')) manifestDone ||= Date.now();
      });
      await page.goto(server.url);
      const heading = fs.readFileSync(path.join(folioIntegrations, 'i18n', 'fr.txt'), 'utf8').split('\n')[17];
      await expect(page.locator('#app h1')).toHaveText(heading);
      // Requested before the slow manifest arrived, and only once: the app's own fetch
      // takes the preloaded answer.
      expect(words.length).toBe(1);
      expect(words[0]).toBeLessThan(manifestDone);
    });
  });

  test.describe('Arabic', () => {
    test.use({ serve: { faults: { 'posts.json': { body: site('ar') } } } });
    test('the page turns right to left', async ({ page, server }) => {
      await page.goto(server.url);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.locator('#app h1')).toHaveText('أحدث المقالات');
      await expect(page.locator('#app article .meta').first()).toHaveText('7 أبريل 2025 · Technik · 3 دقائق للقراءة');
      // The site title starts on the right, the navigation follows to its left.
      const title = await page.locator('#app .site-title').boundingBox();
      const nav = await page.locator('#app nav .nav').boundingBox();
      expect(title.x).toBeGreaterThan(nav.x);
      const card = await page.locator('#app article h2').first().boundingBox();
      const width = page.viewportSize().width;
      expect(card.x + card.width).toBeGreaterThan(width / 2);
    });
  });
});

test('math is typeset and a Mermaid diagram is drawn in a sandboxed frame, under the strict CSP', async ({ page, server }) => {
  const libraries = [];
  page.on('request', (request) => {
    if (/(katex\.min|mermaid\.min)\.js$/.test(request.url())) libraries.push(path.basename(request.url()));
  });
  // A post without math or diagrams loads neither library.
  await page.goto(server.url + 'posts/til-fetch-keepalive');
  await expect(page.locator('#app .prose p').first()).toBeVisible();
  expect(libraries).toEqual([]);

  await page.locator('#app nav').getByRole('link', { name: 'Posts' }).click();
  await page.getByRole('link', { name: 'The Arithmetic of Error Budgets' }).click();
  const prose = page.locator('#app .prose');
  // KaTeX drew every formula, with MathML for screen readers.
  await expect(prose.locator('.math[data-drawn="math"]')).toHaveCount(await prose.locator('.math').count());
  await expect(prose.locator('.katex-display')).toHaveCount(3);
  await expect(prose.locator('.math-inline math').first()).toBeAttached();
  // The diagram: drawn inside a frame that may run scripts and nothing else.
  const frame = prose.locator('iframe.diagram');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(frame).toHaveClass(/drawn/);
  await expect(prose.locator('pre.mermaid')).toBeHidden();
  expect((await frame.boundingBox()).height).toBeGreaterThan(80);
  await expect(page.frameLocator('#app iframe.diagram').locator('svg')).toBeVisible();
  await expect(page.frameLocator('#app iframe.diagram').locator('svg')).toContainText('Page on call');
  expect(libraries.sort()).toEqual(['katex.min.js', 'mermaid.min.js']);
  // The frame is cut off from the page: its origin is opaque.
  const origin = await page.frameLocator('#app iframe.diagram').locator('body').evaluate(() => window.origin);
  expect(origin).toBe('null');
  // The diagram follows the theme the reader picks, without reloading its frame.
  const drawing = page.frameLocator('#app iframe.diagram').locator('body');
  await expect(drawing).toHaveAttribute('data-theme', 'light');
  const lightSvg = await drawing.innerHTML();
  await page.locator('#app').getByRole('button', { name: /^Theme:/ }).click(); // system → light
  await page.locator('#app').getByRole('button', { name: /^Theme:/ }).click(); // light → dark
  await expect(drawing).toHaveAttribute('data-theme', 'dark');
  expect(await drawing.innerHTML()).not.toBe(lightSvg);
  await expect(page.frameLocator('#app iframe.diagram').locator('svg')).toContainText('Page on call');
});

test('a site that names no services loads nothing from another origin', async ({ page, server }) => {
  const foreign = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'The Arithmetic of Error Budgets' }).click();
  await expect(page.locator('#app .prose .katex').first()).toBeVisible();
  await expect(page.locator('#app .comments')).toHaveCount(0);
  expect(foreign).toEqual([]);
});

test.describe('comments and analytics', () => {
  test.use({ serve: { root: folioIntegrations } });
  test('load as the site names them, within the policy its build widened for them', async ({ page, server }) => {
    // The services' scripts, faked at their real addresses (the CSP still applies to them).
    await page.route('https://gc.zgo.at/count.js', (route) => route.fulfill({
      contentType: 'text/javascript',
      body: `window.__endpoint = document.currentScript.dataset.goatcounter;
             window.__counted = [location.pathname];
             window.goatcounter = { count: (options) => window.__counted.push(options.path) };`,
    }));
    await page.route('https://giscus.app/client.js', (route) => route.fulfill({
      contentType: 'text/javascript',
      body: `(() => {
               const script = document.currentScript;
               const frame = document.createElement('iframe');
               frame.className = 'giscus-frame';
               frame.title = 'Comments';
               frame.src = 'https://giscus.app/widget?repo=' + encodeURIComponent(script.dataset.repo) + '&lang=' + script.dataset.lang;
               script.after(frame);
             })();`,
    }));
    await page.route('https://giscus.app/widget**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>Pas encore de commentaires.</p>' }));
    await page.goto(server.url);
    await expect.poll(() => page.evaluate(() => window.__endpoint)).toBe('https://folio-test.goatcounter.com/count');
    await page.locator('#app').getByRole('link', { name: 'Bonjour' }).first().click();
    const comments = page.locator('#app section.comments');
    await expect(comments).toHaveAttribute('aria-label', 'Commentaires');
    await expect(comments.locator('script')).toHaveAttribute('data-repo', 'folio-blog/field-notes');
    await expect(comments.locator('script')).toHaveAttribute('data-lang', 'fr');
    await expect(page.frameLocator('#app .giscus-frame').locator('p')).toHaveText('Pas encore de commentaires.');
    // The app counts each navigation; the script counted the page it loaded on.
    await expect.poll(() => page.evaluate(() => window.__counted)).toEqual(['/', '/posts/bonjour']);
    // Another post gets its own thread.
    await page.goto(server.url + 'posts/deuxieme');
    await expect(page.locator('#app section.comments script')).toHaveCount(1);
  });
});

test.describe('a long post lays out only what is near the screen', () => {
  // Posts with images alone in a paragraph, display math, long lists, tables and code.
  for (const slug of ['observability-on-a-budget', 'the-arithmetic-of-error-budgets', 'from-go-to-rust-a-rewrite-retrospective']) {
    test(`${slug}: without moving a block`, async ({ page, server }) => {
      await page.goto(server.url + 'posts/' + slug);
      await expect(page.locator('article .prose > *').first()).toBeVisible();
      const result = await page.evaluate(() => {
        const blocks = [...document.querySelectorAll('article .prose > *')];
        const lazy = blocks.filter((block) => getComputedStyle(block).contentVisibility === 'auto');
        // Each such block contains its layout and painting whether or not it is shown: the
        // tops of every block and the post's height must be what they are without that.
        const layout = (contain) => {
          for (const block of lazy) block.style.cssText = `content-visibility: visible; contain: ${contain}`;
          const article = document.querySelector('article .prose');
          return [...blocks.map((block) => block.getBoundingClientRect().top), article.getBoundingClientRect().height];
        };
        const contained = layout('layout paint style');
        const free = layout('none');
        for (const block of lazy) block.style.cssText = '';
        const moved = contained.map((top, i) => Math.abs(top - free[i])).filter((d) => d > 1);
        return {
          blocks: blocks.length,
          lazy: lazy.length,
          clipMargins: [...new Set(lazy.map((block) => getComputedStyle(block).overflowClipMargin))],
          moved: moved.length,
        };
      });
      // Most of the post is skipped until it comes near the screen...
      expect(result.lazy).toBeGreaterThan(result.blocks / 2);
      // ...a focus ring may reach past a block's edge...
      expect(result.clipMargins).toEqual(['8px']);
      // ...and no block moves for it (a margin that would fall through a block's end).
      expect(result.moved).toBe(0);
    });
  }
});

test.describe('image sizes from the manifest', () => {
  const posts = [{
    slug: 'caching', title: 'Caching', date: '2025-01-01', file: 'posts/http-caching-headers-explained.md',
    images: { 'posts/images/cache-decision-flow.svg': [860, 440] },
  }];
  // The test aborts the image, which the browser reports on the console when the lazy image
  // starts loading before the test ends.
  test.use({ serve: { faults: { 'posts.json': { body: JSON.stringify({ version: 1, site: { title: 'S' }, posts }) } } }, allowedConsole: /Failed to load resource: net::ERR_FAILED/ });
  test('reserve the image box before the image arrives', async ({ page, server }) => {
    // The image never arrives: its box must still have the image's shape.
    await page.route('**/cache-decision-flow.svg', (route) => route.abort());
    await page.goto(server.url + 'posts/caching');
    const image = page.locator('#app .prose img').first();
    await expect(image).toHaveAttribute('width', '860');
    await expect(image).toHaveAttribute('height', '440');
    await expect(image).toHaveAttribute('loading', 'lazy');
    const box = await image.boundingBox();
    expect(box.height).toBeGreaterThan(100);
    expect(Math.abs(box.width / box.height - 860 / 440)).toBeLessThan(0.02);
  });
});

test.describe('a site split into chunks', () => {
  const newest = [...published].sort((a, b) => b.date.localeCompare(a.date));
  const head = { ...manifest, posts: newest.slice(0, 4), chunks: ['posts-1.json', 'posts-2.json'] };
  const chunk = (posts) => JSON.stringify({ version: 1, posts });
  test.use({ serve: { faults: {
    'posts.json': { body: JSON.stringify(head) },
    'posts-1.json': { body: chunk(newest.slice(4, 15)), delayMs: 4000 },
    'posts-2.json': { body: chunk(newest.slice(15)), delayMs: 4000 },
  } } });
  test('shows the newest posts at once and every post once its chunks are in', async ({ page, server }) => {
    await page.goto(server.url);
    // The chunks take 4 s: the home page does not wait for them.
    await expect(page.locator('#app main article h2').first()).toHaveText(newest[0].title, { timeout: 3000 });
    // An older post, a tag page and the archive wait for them, then show everything.
    const oldest = newest.at(-1);
    await page.goto(server.url + 'posts/' + oldest.slug);
    await expect(page.locator('#app article h1')).toHaveText(oldest.title, { timeout: 10_000 });
    await page.goto(server.url + 'archive');
    await expect(page.locator('#app main > .view > .count, #app .view .count').first()).toHaveText(`${newest.length} posts`, { timeout: 10_000 });
    await page.locator('#app nav').getByRole('link', { name: 'Posts' }).click();
    await expect(page.locator('.pager .page-of')).toHaveText(`Page 1 of ${Math.ceil(newest.length / 10)}`);
  });
});
