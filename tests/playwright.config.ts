// Playwright: end-to-end specs in Debian's Chromium against `isnad serve`, and the Electron spec
// (which skips itself, saying why, where no Electron binary exists).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./skip-reason-reporter.ts']],
  projects: [
    {
      name: 'browser',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1400, height: 900 },
        launchOptions: { executablePath: process.env.ISNAD_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
        acceptDownloads: true,
      },
    },
    { name: 'electron', testMatch: 'electron/**/*.electron.spec.ts' },
  ],
});
