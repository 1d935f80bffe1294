import { defineConfig } from '@playwright/test';

// The release dist/ served like a static host, under a subpath.
// EVIDENT_PORT and EVIDENT_DIST let parallel checkouts test their own build.
const port = Number(process.env.EVIDENT_PORT ?? 4173);
const dist = process.env.EVIDENT_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${port}/evident/`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // One retry: on this 2-core machine two tests (drills two tabs, a11y reflow) failed once under
  // parallel load and passed 6 of 6 alone; Playwright still reports a retried pass as "flaky".
  retries: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'phone',
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent:
          'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
      },
    },
    {
      name: 'desktop',
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: `python3 scripts/serve_dist.py --port ${port} --base /evident/ --dir ${dist}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
