import { defineConfig } from '@playwright/test';
import { systemChromium } from './scripts/chromium.ts';

/** CREDITDESK_CHROMIUM or a system Chromium where present; Playwright's own elsewhere (scripts/chromium.ts). */
const chromiumPath = systemChromium();
/** Several checkouts on one machine each set their own port. */
const rendererPort = Number(process.env.CREDITDESK_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  // A step's answer can take seconds on a CI machine running every test project at once.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${rendererPort}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Offices run on China time and the app's dates are China dates: so are the browser's, whatever the
    // hour the tests run at (in UTC evenings the two calendars differ by a day).
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
  webServer: {
    command: `npx vite preview --port ${rendererPort} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${rendererPort}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
