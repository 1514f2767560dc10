// Bad manifests and missing files: every failure is an alert that says what and where,
// with a way home, and never a blank page or a panic.
import { test, expect, site, listedSlugs } from './fixtures.js';

const missing = /Failed to load resource: the server responded with a status of (404|500)/;

/**
 * The alert says `sentence` and links home; home and a second view answer (the same alert
 * when the manifest itself is at fault, `then` otherwise), never a blank page.
 */
async function expectAlertAndWayOn(page, server, sentence, then = null) {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(sentence);
  const home = alert.getByRole('link', { name: '← Back to the home page' });
  await expect(home).toHaveAttribute('href', '/');
  await home.click();
  await expect(page).toHaveURL(server.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  if (then) {
    await then();
  } else {
    await expect(page.getByRole('alert')).toContainText(sentence);
    await nav.getByRole('link', { name: 'Tags', exact: true }).click();
    await expect(page).toHaveURL(server.url + 'tags');
    await expect(page.getByRole('alert')).toContainText(sentence);
  }
}

/** The rest of a working site: the listing, and another post with its Markdown. */
function otherPostOpens(page) {
  return async () => {
    await page.getByRole('link', { name: 'Tables and Code', exact: true }).click();
    await expect(page.locator('article .prose table td').first()).toHaveText('cargo');
  };
}

test.describe('a missing manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { status: 404 } } }, allowedConsole: missing });
  test('says that posts.json was not found', async ({ page, server }) => {
    await page.goto(server.url + 'tags');
    await expectAlertAndWayOn(page, server, 'posts.json was not found on the server (HTTP 404).');
  });
});

test.describe('a server error', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { status: 500 } } }, allowedConsole: missing });
  test('names the status', async ({ page, server }) => {
    await page.goto(server.url);
    await expectAlertAndWayOn(page, server, 'posts.json could not be loaded: the server answered HTTP 500.');
  });
});

test.describe('a server that never answers', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { stall: true } } } });
  test('is given 20 seconds, then named', async ({ page, server }) => {
    // The page's clock, run ahead: the reader must not wait for the browser's own limit.
    await page.clock.install();
    await page.goto(server.url + 'tags');
    await page.clock.runFor(19_000);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.clock.runFor(2_000);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('posts.json could not be loaded because the server did not answer (no answer within 20 s).');
    await expect(alert.getByRole('link', { name: '← Back to the home page' })).toBeVisible();
  });
});

test.describe('a manifest that is not JSON', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{\n  "version": 1,\n  "site": {"title": "T"},\n}', type: 'application/json' } } } });
  test('gives the line and column', async ({ page, server }) => {
    await page.goto(server.url);
    await expectAlertAndWayOn(page, server, 'posts.json is not valid JSON: line 4, column 1: trailing comma');
  });
});

test.describe('an HTML page instead of the manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '<!doctype html><html><body>Oops</body></html>', type: 'text/html' } } } });
  test('says the file is probably missing', async ({ page, server }) => {
    await page.goto(server.url);
    await expectAlertAndWayOn(page, server, 'posts.json was answered with an HTML page instead of JSON');
  });
});

test.describe('a manifest of the wrong version', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{"version": 2, "site": {"title": "T"}, "posts": []}' } } } });
  test('says which version it understands', async ({ page, server }) => {
    await page.goto(server.url + 'posts/hello-world');
    await expectAlertAndWayOn(page, server, 'posts.json: version is 2, but this reader understands version 1 only');
  });
});

test.describe('a manifest without a site title', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{"version": 1, "site": {}, "posts": []}' } } } });
  test('names the missing field', async ({ page, server }) => {
    await page.goto(server.url);
    await expectAlertAndWayOn(page, server, 'posts.json: site.title is missing; it is required');
  });
});

test.describe('a manifest with bad posts among good ones', () => {
  test.use({ serve: { overlay: site('broken') }, allowedConsole: missing });
  test('lists the good posts and reports what it skipped', async ({ page, server }) => {
    await page.goto(server.url);
    expect(await listedSlugs(page)).toEqual(['/posts/good-one', '/posts/missing-file', '/posts/good-two']);
    const notice = page.getByRole('status');
    await expect(notice).toContainText('3 posts could not be shown because of problems in posts.json.');
    await notice.locator('summary').click();
    await expect(notice).toContainText('posts[1].date (slug "bad-date"): "2024-13-01" is not a date');
    await expect(notice).toContainText('posts[2].slug (slug "good-one"): the slug is already used by posts[0]');
    await expect(notice).toContainText('posts[3].title (slug "no-title"): is missing; it is required');
  });

  test('a post whose file is missing says which file', async ({ page, server }) => {
    await page.goto(server.url + 'posts/missing-file');
    await expect(page.locator('article h1')).toHaveText('Missing File');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('posts/missing-file.md was not found on the server (HTTP 404).');
    await alert.getByRole('link', { name: '← Back to the home page' }).click();
    await expect(page).toHaveURL(server.url);
    await expect(page.getByRole('link', { name: 'Good One' })).toBeVisible();
  });
});

test.describe('a post that is not UTF-8', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts/hello-world.md': { body: Buffer.from([0x48, 0x69, 0xff, 0xfe]) } } } });
  test('says so and where', async ({ page, server }) => {
    await page.goto(server.url + 'posts/hello-world');
    await expectAlertAndWayOn(page, server, 'posts/hello-world.md is not UTF-8 text (the first invalid byte is at offset 2)', otherPostOpens(page));
  });
});

test.describe('a slow manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { delayMs: 3000 } } } });
  test('shows a loading state, then the posts', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByText('Loading…')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hello World' })).toBeVisible();
    await otherPostOpens(page)();
  });
});

test.describe('a truncated manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{"version": 1, "site": {"title": "T"}, "posts": [{"slug": "a", "ti' } } } });
  test('says where the JSON ends', async ({ page, server }) => {
    await page.goto(server.url + 'tags/intro');
    await expectAlertAndWayOn(page, server, 'posts.json is not valid JSON: line 1, column 66: EOF while parsing a string');
  });
});

test.describe('an empty post', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts/hello-world.md': { body: '' } } } });
  test('shows the post with no body and keeps the site usable', async ({ page, server }) => {
    await page.goto(server.url + 'posts/hello-world');
    await expect(page.locator('article h1')).toHaveText('Hello World');
    // The body is empty; a line says so rather than leaving a blank space.
    await expect(page.locator('article .prose')).toHaveText('');
    expect(await page.locator('article .prose').evaluate((prose) => getComputedStyle(prose, '::before').content)).toBe('"This post has no text yet."');
    await page.getByRole('link', { name: 'Tags' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
  });
});

test.describe('a 5 MB post', () => {
  const big = Array.from({ length: 75_000 }, (_, i) => `Paragraph ${i} with **bold** and a [link](https://example.org/${i}).\n`).join('\n');
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts/hello-world.md': { body: big } } } });
  test('renders without freezing the page', async ({ page, server }) => {
    // Moving 10 MB of text and HTML takes a while on a busy two-core machine; what is
    // checked is that the page stays responsive meanwhile.
    test.setTimeout(75_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    await page.goto(server.url + 'posts/hello-world');
    // The header is there at once; the body is rendered in the worker, off the main thread.
    await expect(page.locator('article h1')).toHaveText('Hello World');
    expect(await page.evaluate(() => new Promise((resolve) => { const t = performance.now(); setTimeout(() => resolve(performance.now() - t), 0); }))).toBeLessThan(200);
    // Waited for in the page: a locator over 75,000 paragraphs takes seconds per poll, and
    // laying them out is one long frame (4 s on an idle machine; content-visibility keeps
    // it from being 8), during which nothing else can look.
    await page.waitForFunction(() => document.querySelector('article .prose')?.lastElementChild?.textContent.includes('Paragraph 74999'), null, { polling: 250, timeout: 45_000 });
    // Then the rest of the site, by the post's own link home (clicked in the page: a
    // locator would poll the huge page).
    await page.evaluate(() => [...document.querySelectorAll('main a')].find((a) => a.textContent === '← all posts').click());
    await expect(page.locator('main article h2 a').first()).toBeVisible({ timeout: 20_000 });
    await otherPostOpens(page)();
  });
});

test.describe('a manifest of 10,000 posts', () => {
  const posts = Array.from({ length: 10_000 }, (_, i) => ({
    slug: `post-${i}`, title: `Post number ${i}`, date: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    summary: `Summary ${i}`, tags: [`tag-${i % 40}`, 'all'], category: `cat-${i % 7}`, reading_minutes: 1 + (i % 9), file: 'posts/hello-world.md',
  }));
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: JSON.stringify({ version: 1, site: { title: 'Big' }, posts }) } } } });
  test('lists, paginates and filters them', async ({ page, server }) => {
    test.setTimeout(60_000);
    await page.goto(server.url);
    await expect(page.locator('main article')).toHaveCount(10);
    await expect(page.locator('.pager .page-of')).toHaveText('Page 1 of 1000');
    await page.goto(server.url + 'tags/all');
    await expect(page.locator('main .count')).toHaveText('10000 posts');
    // A tag with every post shows one page of them, not 10,000 cards.
    await expect(page.locator('main article')).toHaveCount(10);
    await expect(page.locator('.page-numbers li')).toHaveText(['1', '2', '3', '…', '1000']);
    await page.locator('.page-numbers').getByRole('link', { name: '1000' }).click();
    await expect(page).toHaveURL(/\/tags\/all\/page\/1000$/);
    await expect(page.locator('.page-numbers [aria-current="page"]')).toHaveText('1000');
    await expect(page.locator('main article')).toHaveCount(10);
    await page.goto(server.url + 'categories/cat-3/page/143');
    await expect(page.locator('main .count')).toHaveText('1429 posts');
    await expect(page.locator('main article')).toHaveCount(9);
    await page.goto(server.url + 'tags/all/page/1001');
    await expect(page.getByRole('alert')).toContainText('This list has no page 1001.');
    await page.goto(server.url + 'page/1000');
    await expect(page.locator('main article')).toHaveCount(10);
  });
});

test.describe('going offline after the first load', () => {
  // The service worker registers after the first view, and not once the reader is
  // offline; going offline in the moment between, its script cannot be fetched.
  test.use({ allowedConsole: /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|Failed to fetch|error occurred when fetching the script|Failed to register a ServiceWorker/ });
  test.use({ serve: { overlay: site('minimal') } });
  test('keeps the listings and says why a post cannot load', async ({ page, server, context }) => {
    await page.goto(server.url);
    await expect(page.getByRole('link', { name: 'Hello World', exact: true })).toBeVisible();
    await context.setOffline(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags', exact: true }).click();
    await expect(page.locator('.term-list li')).toHaveCount(3);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Posts', exact: true }).click();
    await page.getByRole('link', { name: 'Hello World', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('posts/hello-world.md could not be loaded because the server did not answer');
    await alert.getByRole('link', { name: '← Back to the home page' }).click();
    await expect(page.getByRole('link', { name: 'Tables and Code', exact: true })).toBeVisible();
    await context.setOffline(false);
  });
});

test.describe('leaving a post while it loads', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts/hello-world.md': { delayMs: 3000 } } } });
  test('abandons its request and shows the next post', async ({ page, server }) => {
    const aborted = [];
    page.on('requestfailed', (request) => aborted.push(`${new URL(request.url()).pathname} ${request.failure()?.errorText}`));
    await page.goto(server.url + 'posts/hello-world');
    await expect(page.locator('article h1')).toHaveText('Hello World');
    await page.getByRole('link', { name: '← all posts' }).click();
    await page.getByRole('link', { name: 'Tables and Code', exact: true }).click();
    await expect(page.locator('article .prose table td').first()).toHaveText('cargo');
    expect(aborted).toEqual(['/posts/hello-world.md net::ERR_ABORTED']);
    // The late answer never replaces the post on screen.
    await page.waitForTimeout(3200);
    await expect(page.locator('article h1')).toHaveText('Tables and Code');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
