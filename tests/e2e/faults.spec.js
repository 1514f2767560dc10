// Bad manifests and missing files: every failure is an alert that says what and where,
// with a way home, and never a blank page or a panic.
import { test, expect, site, listedSlugs } from './fixtures.js';

const missing = /Failed to load resource: the server responded with a status of (404|500)/;

test.describe('a missing manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { status: 404 } } }, allowedConsole: missing });
  test('says that posts.json was not found', async ({ page, server }) => {
    await page.goto(server.url + 'tags');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('posts.json was not found on the server (HTTP 404).');
    await expect(alert.getByRole('link', { name: '← Back to the home page' })).toHaveAttribute('href', '/');
  });
});

test.describe('a server error', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { status: 500 } } }, allowedConsole: missing });
  test('names the status', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('alert')).toContainText('posts.json could not be loaded: the server answered HTTP 500.');
  });
});

test.describe('a manifest that is not JSON', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{\n  "version": 1,\n  "site": {"title": "T"},\n}', type: 'application/json' } } } });
  test('gives the line and column', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('alert')).toContainText('posts.json is not valid JSON: line 4, column 1: trailing comma');
  });
});

test.describe('an HTML page instead of the manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '<!doctype html><html><body>Oops</body></html>', type: 'text/html' } } } });
  test('says the file is probably missing', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('alert')).toContainText('posts.json was answered with an HTML page instead of JSON');
  });
});

test.describe('a manifest of the wrong version', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{"version": 2, "site": {"title": "T"}, "posts": []}' } } } });
  test('says which version it understands', async ({ page, server }) => {
    await page.goto(server.url + 'posts/hello-world');
    await expect(page.getByRole('alert')).toContainText('posts.json: version is 2, but this reader understands version 1 only');
  });
});

test.describe('a manifest without a site title', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: '{"version": 1, "site": {}, "posts": []}' } } } });
  test('names the missing field', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('alert')).toContainText('posts.json: site.title is missing; it is required');
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
    await expect(page.getByRole('alert')).toContainText('posts/hello-world.md is not UTF-8 text (the first invalid byte is at offset 2)');
  });
});

test.describe('a slow manifest', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { delayMs: 1500 } } } });
  test('shows a loading state, then the posts', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByText('Loading…')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hello World' })).toBeVisible();
  });
});
