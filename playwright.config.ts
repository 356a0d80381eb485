import { defineConfig } from '@playwright/test';
import { CHROMIUM, WITH_SCROLL_BARS } from './tests/support/chromium.js';

/**
 * What runs a second time in a browser set to en-US (the tests tagged @journey in these specs: first
 * run and every area, census, integrity, progress, sync): the office's Indonesian UI must not change
 * with the browser's locale (dates, numbers, no English leaking in; fixtures.ts fails any untranslated
 * text). The other tests run in id-ID only — the role walk too: who may do what does not depend on the
 * locale, and it is the longest test (each role on every screen).
 */
const IN_BOTH_LOCALES = [
  'e2e/spine.spec.ts',
  'e2e/census.spec.ts',
  'e2e/integrity.spec.ts',
  'e2e/progress.spec.ts',
  'e2e/sync.spec.ts',
];

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  // Two spec files at a time, each test with its own office server and database: a test waits on its
  // server and browser often enough that two share a 2-core machine well (measured: ~30% sooner than one).
  workers: 2,
  // Limits for a loaded 2-core machine (CI): a passing test takes no longer for them, a slow one does not fail.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: './test-results',
  projects: [
    { name: 'id-ID', use: { locale: 'id-ID' } },
    { name: 'en-US', testMatch: IN_BOTH_LOCALES, grep: /@journey/, use: { locale: 'en-US' } },
    // The layout checks tagged @scroll-bars again with the scroll bars of a Windows or Linux desktop, which take
    // room from the page and from every grid that scrolls.
    {
      name: 'scroll-bars',
      testMatch: 'e2e/layout.spec.ts',
      grep: /@scroll-bars/,
      use: { launchOptions: WITH_SCROLL_BARS },
    },
  ],
  use: {
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1366, height: 768 },
    // A failed test keeps its trace (DOM snapshots of each step); the screencast frames, which cost every
    // passing test CPU on a 2-core machine, are left out.
    trace: { mode: 'retain-on-failure', snapshots: true, screenshots: false, sources: true },
    launchOptions: CHROMIUM,
  },
});
