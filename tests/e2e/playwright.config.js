// End-to-end tests: the release build in Chromium over loopback. No retries locally, so a
// flaky test shows up as a failure. CI (CI=true) retries a failed test once: the list
// reporter still names it "flaky" in the log, but one slow moment on a shared 2-core
// machine does not fail the whole submission. Two tests flaked that way under load on
// 2026-11-23 (offline reading; newer/older navigation) and passed on every rerun.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  retries: process.env.CI ? 1 : 0,
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
