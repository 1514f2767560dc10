// End-to-end tests: the release build in Chromium over loopback. No retries, so a flaky
// test shows up as a failure instead of hiding behind a rerun.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  retries: 0,
  workers: process.env.CI ? 2 : 2,
  timeout: 20_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
