// The archive and instant search on the minimal site: deep links, the query in the URL,
// Back leaving the search in one step, keyboard shortcuts, highlighted matches.
import { test, expect, site } from './fixtures.js';

test.use({ serve: { overlay: site('minimal') } });

test('the archive groups every post by year and month', async ({ page, server }) => {
  await page.goto(server.url + 'archive');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive');
  await expect(page).toHaveTitle('Archive · Minimal Folio');
  await expect(page.locator('.archive-year > h2')).toHaveText(['2024 2 posts']);
  await expect(page.locator('.archive-month')).toHaveText(['June', 'May']);
  expect(await page.locator('main article h4 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/posts/tables-and-code', '/posts/hello-world']);
  await expect(page.locator('main article time').first()).toHaveAttribute('datetime', '2024-06-10');
  await page.reload();
  await expect(page.locator('.archive-month')).toHaveText(['June', 'May']);
});

test('search finds, ranks and highlights, with the query in the URL', async ({ page, server }) => {
  await page.goto(server.url + 'search?q=code');
  await expect(page.getByRole('status')).toHaveText('1 post for “code”');
  await expect(page.locator('main article h2 mark')).toHaveText('Code');
  await expect(page).toHaveTitle('Search: code · Minimal Folio');
  await page.reload();
  await expect(page.locator('#search-input')).toHaveValue('code');
  await expect(page.locator('main article h2 a')).toHaveText('Tables and Code');
  await page.goto(server.url + 'search?q=' + encodeURIComponent('größe'));
  await expect(page.locator('main article h2 a')).toHaveText('Tables and Code');
});

test('typing replaces the history entry, so Back leaves search in one step', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(server.url + 'search');
  await page.locator('#search-input').pressSequentially('hello', { delay: 30 });
  await expect(page).toHaveURL(server.url + 'search?q=hello');
  await expect(page.locator('main article h2 a')).toHaveText('Hello World');
  await page.locator('#search-input').fill('zzz');
  await expect(page.getByRole('status')).toHaveText('No posts match “zzz”.');
  await page.goBack();
  await expect(page).toHaveURL(server.url);
  await expect(page.getByRole('heading', { name: 'Latest posts' })).toBeVisible();
});

test('/ and Ctrl+K focus the search box from any page; Esc leaves it', async ({ page, server }) => {
  await page.goto(server.url + 'tags');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
  await page.keyboard.press('/');
  await expect(page).toHaveURL(server.url + 'search');
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.type('tables');
  await expect(page).toHaveURL(server.url + 'search?q=tables');
  await page.keyboard.press('Escape');
  await expect(page.locator('#search-input')).not.toBeFocused();
  await page.goto(server.url + 'posts/hello-world');
  await expect(page.locator('article h1')).toHaveText('Hello World');
  await page.keyboard.press('Control+k');
  await expect(page.locator('#search-input')).toBeFocused();
});
