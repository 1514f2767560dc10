// The reader on the minimal test site: the contract's markup, every route as a deep link,
// reload, back and forward, and document titles.
import { test, expect, site, listedSlugs } from './fixtures.js';
import fs from 'node:fs';
import path from 'node:path';

test.use({ serve: { overlay: site('minimal') } });

/** From the last of `steps`, back to the first and forward to the last again, checking each. */
async function backAndForth(page, steps, expectAt) {
  for (let i = steps.length - 2; i >= 0; i -= 1) {
    await page.goBack();
    await expectAt(steps[i]);
  }
  for (let i = 1; i < steps.length; i += 1) {
    await page.goForward();
    await expectAt(steps[i]);
  }
}

test('home lists the newest posts with the contract markup', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Latest posts' })).toBeVisible();
  expect(await listedSlugs(page)).toEqual(['/posts/tables-and-code', '/posts/hello-world']);
  const first = page.locator('main article').first();
  await expect(first.locator('time')).toHaveAttribute('datetime', '2024-06-10');
  await expect(first.locator('time')).toHaveText('Jun 10, 2024');
  await expect(first.locator('a.category')).toHaveAttribute('href', '/categories/devops-infrastructure');
  await expect(first.locator('a.tag')).toHaveText(['Tag: CI/CD', 'Tag: Größe']);
  // Only the name shows; "Tag: " is there for a link read on its own (screen readers, crawlers).
  await expect(first.locator('a.tag .visually-hidden').first()).toHaveCSS('position', 'absolute');
  await expect(first.locator('a.tag').nth(1)).toHaveAttribute('href', '/tags/grosse');
  await expect(first.locator('.meta')).toHaveText('Jun 10, 2024 · DevOps & Infrastructure · 2 min read');
  await expect(page.locator('header a.site-title')).toHaveText('Minimal Folio');
  await expect(page.locator('header a.site-title')).toHaveAttribute('href', '/');
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page).toHaveTitle('Minimal Folio');
});

test('the skip link is the first focusable element and moves focus to main', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.locator('main article').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(server.url);
});

test('a tag page shows its posts and count, and folds spellings of the tag', async ({ page, server }) => {
  await page.goto(server.url + 'tags/ci-cd');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tagged “CI/CD”');
  await expect(page.locator('main .count')).toHaveText('2 posts');
  expect(await listedSlugs(page)).toEqual(['/posts/tables-and-code', '/posts/hello-world']);
  await expect(page.getByRole('link', { name: '← all posts' })).toHaveAttribute('href', '/');
  await expect(page).toHaveTitle('Tagged “CI/CD” · Minimal Folio');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Posts' })).not.toHaveAttribute('aria-current');
  await page.goto(server.url + 'tags/gr%C3%B6%C3%9Fe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tagged “Größe”');
  await expect(page.locator('main .count')).toHaveText('1 post');
});

test('a category page shows its posts and count', async ({ page, server }) => {
  await page.goto(server.url + 'categories/notes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Category: Notes');
  await expect(page.locator('main .count')).toHaveText('1 post');
  expect(await listedSlugs(page)).toEqual(['/posts/hello-world']);
});

test('tag and category indexes list every term with its count', async ({ page, server }) => {
  await page.goto(server.url + 'tags');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
  await expect(page.locator('.term-list li')).toHaveText(['CI/CD 2 posts', 'Größe 1 post', 'Intro 1 post']);
  await page.getByRole('link', { name: 'Intro' }).click();
  await expect(page).toHaveURL(server.url + 'tags/intro');
  await page.goto(server.url + 'categories');
  await expect(page.locator('.term-list li')).toHaveText(['DevOps & Infrastructure 1 post', 'Notes 1 post']);
  await expect(page).toHaveTitle('Categories · Minimal Folio');
});

test('clicking a card opens the post with its rendered Markdown', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Tables and Code' }).click();
  await expect(page).toHaveURL(server.url + 'posts/tables-and-code');
  await expect(page.locator('article h1')).toHaveText('Tables and Code');
  await expect(page.locator('article .prose table td').first()).toHaveText('cargo');
  await expect(page.locator('article .prose pre code.language-rust')).toContainText('println!("hello");');
  await expect(page.locator('article .prose .footnotes li')).toContainText('Numbers are from the test suite.');
  await expect(page).toHaveTitle('Tables and Code · Minimal Folio');
  // Footnote links stay on the post (a bare #fn-1 would resolve against <base href> to home).
  await page.locator('sup.footnote-ref a').click();
  await expect(page).toHaveURL(server.url + 'posts/tables-and-code#fn-1');
  await expect(page.locator('article h1')).toHaveText('Tables and Code');
  await expect(page.locator('#fn-1')).toBeInViewport();
});

test('a post is safe: raw HTML shows as text and never runs', async ({ page, server }) => {
  await page.goto(server.url + 'posts/hello-world');
  await expect(page.locator('article .prose strong')).toHaveText('bold');
  await expect(page.locator('article .prose')).toContainText('<script>window.__pwned = true</script>');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // A link to another post's file goes to that post.
  await page.getByRole('link', { name: 'the next post' }).click();
  await expect(page).toHaveURL(server.url + 'posts/tables-and-code');
  await expect(page.locator('article h1')).toHaveText('Tables and Code');
});

test('a page opened in a background tab loads without waiting on timers', async ({ page, server }) => {
  // A hidden tab's timers fire about once a second, so the app gives the browser no turns
  // there (the manifest is otherwise read in slices with a zero timeout between them).
  // Here zero-delay timers never fire while the page is hidden: the listing must load all
  // the same.
  await page.addInitScript(() => {
    Object.defineProperty(document, 'hidden', { get: () => true });
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    const setTimeout = window.setTimeout;
    window.setTimeout = (callback, delay, ...rest) => (delay > 0 ? setTimeout(callback, delay, ...rest) : 0);
  });
  await page.goto(server.url);
  await expect(page.locator('main article h2 a').first()).toBeVisible();
  await page.locator('main article h2 a').first().click();
  await expect(page.locator('article .prose p').first()).toBeVisible();
});

test('the app starts in a task after the one that instantiated its WebAssembly', async ({ page, server }) => {
  // .ci/glue.mjs defers the glue's call of `main`, so instantiating the module and the
  // app's first render are two tasks rather than one long one. Trunk's loader announces
  // the instance in the task that instantiated it: the app is not in the page yet then.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', () => {
      window.appAtInstantiation = document.getElementById('app') !== null;
    });
  });
  await page.goto(server.url);
  await expect(page.locator('#app main article h2 a').first()).toBeVisible();
  expect(await page.evaluate(() => window.appAtInstantiation)).toBe(false);
});

test('every route works as a deep link and after a reload', async ({ page, server }) => {
  const routes = [
    ['', 'Latest posts'],
    ['posts/hello-world', 'Hello World'],
    ['tags', 'Tags'],
    ['tags/intro', 'Tagged “Intro”'],
    ['categories', 'Categories'],
    ['categories/devops-infrastructure', 'Category: DevOps & Infrastructure'],
    ['no/such/page', 'There is nothing here'],
  ];
  for (const [route, heading] of routes) {
    await page.goto(server.url + route);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page).toHaveURL(server.url + route);
  }
});

test('back and forward show the same views', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Hello World' }).click();
  await expect(page.locator('article h1')).toHaveText('Hello World');
  await page.locator('article').getByRole('link', { name: 'Intro' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tagged “Intro”');
  await page.goBack();
  await expect(page).toHaveURL(server.url + 'posts/hello-world');
  await expect(page.locator('article h1')).toHaveText('Hello World');
  await page.goBack();
  await expect(page).toHaveURL(server.url);
  await expect(page.getByRole('heading', { name: 'Latest posts' })).toBeVisible();
  await page.goForward();
  await expect(page.locator('article h1')).toHaveText('Hello World');
  await page.goForward();
  await expect(page).toHaveURL(server.url + 'tags/intro');
});

test('unknown addresses show the not-found view with a way home', async ({ page, server }) => {
  for (const [route, sentence] of [
    ['nope', 'Nothing on this site lives at /nope.'],
    ['posts/no-such-post', 'There is no post called “no-such-post”.'],
    ['tags/no-such-tag', 'No post is tagged “no-such-tag”.'],
    ['categories/nothing', 'There is no category “nothing”.'],
    ['page/0', 'This list has no page 0.'],
    ['page/2', 'This list has no page 2.'],
  ]) {
    await page.goto(server.url + route);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('404 · Not found');
    await expect(alert).toContainText(sentence);
    await expect(page).toHaveTitle('Not found (404) · Minimal Folio');
  }
  await page.getByRole('link', { name: '← Back to the home page' }).click();
  await expect(page).toHaveURL(server.url);
  await expect(page.getByRole('heading', { name: 'Latest posts' })).toBeVisible();
});

test('a post has a table of contents and section links', async ({ page, server }) => {
  await page.goto(server.url + 'posts/tables-and-code');
  const toc = page.locator('article .toc');
  await expect(toc.locator('a')).toHaveText(['The table', 'The code']);
  await toc.getByRole('link', { name: 'The code' }).click();
  await expect(page).toHaveURL(server.url + 'posts/tables-and-code#the-code');
  await expect(page.locator('#the-code')).toBeInViewport();
  await expect(page.locator('#the-table a.anchor')).toHaveAttribute('href', 'posts/tables-and-code#the-table');
  await page.goto(server.url + 'posts/hello-world');
  await expect(page.locator('article h1')).toHaveText('Hello World');
  await expect(page.locator('article .toc')).toHaveCount(0);
});

test('a post shows the reading time worked out from its Markdown when the manifest has none', async ({ page, server }) => {
  // hello-world has no reading_minutes in the manifest: its card says nothing, its page computes it.
  await page.goto(server.url + 'posts/hello-world');
  await expect(page.locator('article .prose strong')).toHaveText('bold');
  await expect(page.locator('article .meta')).toContainText('1 min read');
  await expect(page.locator('main article')).toHaveCount(1);
});

test.describe('a slow post', () => {
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts/hello-world.md': { delayMs: 2000 } } } });
  test('shows its loading line only after a moment, so a quick load never flashes it', async ({ page, server }) => {
    await page.goto(server.url + 'posts/hello-world');
    // Read in one step in the page: the view's line may be replaced while the manifest
    // and then the post load.
    const fade = await (await page.waitForFunction(() => {
      const element = document.querySelector('main .loading');
      if (!element) return null;
      const style = getComputedStyle(element);
      const still = element.cloneNode(true);
      still.style.animation = 'none';
      element.after(still);
      const base = getComputedStyle(still).opacity;
      still.remove();
      const keyframes = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
        .find((rule) => rule instanceof CSSKeyframesRule && rule.name === style.animationName);
      const last = keyframes && keyframes.cssRules[keyframes.cssRules.length - 1];
      return { base, delay: parseFloat(style.animationDelay), fill: style.animationFillMode, end: last && last.style.opacity };
    })).jsonValue();
    expect(fade).toEqual({ base: '0', delay: 0.4, fill: 'forwards', end: '1' });
    await expect(page.locator('article .prose strong')).toHaveText('bold');
    await expect(page.locator('.loading')).toHaveCount(0);
  });

  test('shows newer, older and related posts once its text is in, not above it', async ({ page, server }) => {
    await page.goto(server.url);
    await page.locator('main article h2 a[href$="/posts/hello-world"]').click();
    await expect(page.locator('article.post h1')).toHaveText('Hello World');
    await expect(page.locator('article.post .loading')).toHaveCount(1);
    const footer = page.locator('.post-footer');
    await expect(footer).toBeEmpty();
    await expect(page.locator('article .prose strong')).toHaveText('bold');
    await expect(footer).toBeVisible();
    await expect(footer.locator('.post-nav a.prev')).toHaveAttribute('href', '/posts/tables-and-code');
  });
});

test.describe('a site of one post a page, with a draft', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(site('minimal'), 'posts.json'), 'utf8'));
  manifest.site.page_size = 1;
  manifest.posts.push({
    slug: 'secret-plans', title: 'Secret Plans', date: '2024-07-01', draft: true,
    summary: 'Not yet.', category: 'Notes', tags: ['Intro'], file: 'posts/hello-world.md',
  });
  test.use({ serve: { overlay: site('minimal'), faults: { 'posts.json': { body: JSON.stringify(manifest) } } } });

  test('walks every route by its links, then back and forward through each', async ({ page, server }) => {
    const steps = [
      ['', 'Latest posts', 'Minimal Folio', null],
      ['page/2', 'Posts, page 2 of 2', 'Posts, page 2 of 2 · Minimal Folio', () => page.getByRole('link', { name: 'Older posts →' }).click()],
      ['tags', 'Tags', 'Tags · Minimal Folio', () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click()],
      ['tags/intro', 'Tagged “Intro”', 'Tagged “Intro” · Minimal Folio', () => page.locator('.term-list').getByRole('link', { name: 'Intro' }).click()],
      ['categories', 'Categories', 'Categories · Minimal Folio', () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' }).click()],
      ['categories/notes', 'Category: Notes', 'Category: Notes · Minimal Folio', () => page.locator('.term-list').getByRole('link', { name: 'Notes' }).click()],
      ['posts/hello-world', 'Hello World', 'Hello World · Minimal Folio', () => page.getByRole('link', { name: 'Hello World' }).click()],
      ['no/such/page', 'There is nothing here', 'Not found (404) · Minimal Folio', () => page.goto(server.url + 'no/such/page')],
    ];
    const expectAt = async ([route, heading, title]) => {
      await expect(page).toHaveURL(server.url + route);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page).toHaveTitle(title);
    };
    await page.goto(server.url);
    for (const step of steps) {
      if (step[3]) await step[3]();
      await expectAt(step);
    }
    await backAndForth(page, steps, expectAt);
    // A numbered page as a deep link and after a reload.
    await page.goto(server.url + 'page/2');
    await expectAt(steps[1]);
    await page.reload();
    await expectAt(steps[1]);
    expect(await listedSlugs(page)).toEqual(['/posts/hello-world']);
  });

  test('a draft appears nowhere in the release build', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest posts');
    expect(await listedSlugs(page)).toEqual(['/posts/tables-and-code']);
    await page.goto(server.url + 'tags/intro');
    await expect(page.locator('main .count')).toHaveText('1 post');
    expect(await listedSlugs(page)).toEqual(['/posts/hello-world']);
    await page.goto(server.url + 'categories/notes');
    await expect(page.locator('main .count')).toHaveText('1 post');
    await page.goto(server.url + 'archive');
    await expect(page.locator('.archive-list a')).toHaveText(['Tables and Code', 'Hello World']);
    await page.goto(server.url + 'search?q=secret');
    await expect(page.locator('main')).toContainText('No posts match “secret”.');
    await page.goto(server.url + 'posts/secret-plans');
    await expect(page.getByRole('alert')).toContainText('There is no post called “secret-plans”.');
  });
});

test.describe('over folio serve', () => {
  // The CLI's preview server, as an author uses it: prerendered pages, the deep-link
  // fallback, the app taking over, the service worker and the live-reload stream. Every
  // route by its links, reloaded, then back and forward through all of them: more page
  // loads than the six connections a browser gives a site, so a stream left open by the
  // service worker after each page shows as a page whose app never starts.
  test('every route works by link, after a reload, and with back and forward', async ({ page, folioServe }) => {
    const { url } = folioServe;
    const steps = [
      ['', 'Latest posts', null],
      ['tags', 'Tags', () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click()],
      ['tags/intro', 'Tagged “Intro”', () => page.locator('.term-list').getByRole('link', { name: 'Intro' }).click()],
      ['categories', 'Categories', () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' }).click()],
      ['categories/notes', 'Category: Notes', () => page.locator('.term-list').getByRole('link', { name: 'Notes' }).click()],
      ['posts/hello-world', 'Hello World', () => page.getByRole('link', { name: 'Hello World' }).click()],
      ['archive', 'Archive', () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click()],
      ['no/such/page', 'There is nothing here', () => page.goto(url + 'no/such/page')],
    ];
    const expectAt = async ([route, heading]) => {
      await expect(page).toHaveURL(url + route);
      await expect(page.getByRole('heading', { level: 1 }), route).toHaveText(heading);
      await expect(page.locator('#prerendered'), `${route}: the app took over`).toHaveCount(0);
    };
    await page.goto(url);
    for (const step of steps) {
      if (step[2]) await step[2]();
      await expectAt(step);
      await page.reload();
      await expectAt(step);
    }
    await backAndForth(page, steps, expectAt);
    // A missing file stays a 404, not the app.
    expect((await page.request.get(url + 'posts/missing.md')).status()).toBe(404);
  });
});
