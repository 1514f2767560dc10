// Shared fixtures: a server per test over the release build, and a page that fails the
// test on any uncaught error or console error (a Rust panic shows up as both).
import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const dist = path.join(repo, 'dist');
export const distBlog = path.join(repo, 'target', 'dist-blog');
export const folioBlog = path.join(repo, 'target', 'folio-blog');
export const folioRoot = path.join(repo, 'target', 'folio-root');
export const folioIntegrations = path.join(repo, 'target', 'folio-integrations');
export const sites = path.join(repo, 'tests', 'sites');

export const test = base.extend({
  // Options for the server; override with test.use({ serve: {...} }).
  serve: [{}, { option: true }],
  // Console messages and page errors that are expected (for example the 404 of a missing file).
  allowedConsole: [/$^/, { option: true }],
  server: async ({ serve }, use) => {
    const server = await startServer({ root: dist, ...serve });
    await use(server);
    await server.close();
  },
  // `folio serve` (the CLI's preview server, built by cargo) on a copy of a test site:
  // { url, dir } where dir is the copy, which a test may edit. test.use({ served: 'minimal' }).
  served: ['minimal', { option: true }],
  folioServe: async ({ served }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-serve-'));
    fs.cpSync(site(served), dir, { recursive: true });
    const child = spawn(path.join(repo, 'target', 'debug', 'folio'), ['serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(chunk)); if (m) resolve(m[0]); });
        child.on('exit', (code) => reject(new Error(`folio serve exited with ${code}`)));
      });
      await use({ url, dir });
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  page: async ({ page, allowedConsole }, use) => {
    // One pattern or several (test.use takes a bare array as [value, options], so pass one RegExp).
    const allowed = [].concat(allowedConsole);
    const problems = [];
    page.on('pageerror', (error) => {
      if (!allowed.some((pattern) => pattern.test(error.message))) problems.push(`pageerror: ${error.message}`);
    });
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(text))) {
        problems.push(`console.error: ${text}`);
      }
      if (/panicked/.test(text)) problems.push(`panic: ${text}`);
    });
    await use(page);
    expect(problems, 'no errors or panics in the browser').toEqual([]);
  },
});

export { expect };

/** The site served from tests/sites/NAME over the release build. */
export function site(name) {
  return path.join(sites, name);
}

/** Hrefs of the post links in the listing, in order, once the listing has rendered. */
export async function listedSlugs(page) {
  await page.locator('main article h2 a').first().waitFor();
  return page.locator('main article h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}
