import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/env';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: E2E.baseUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  webServer: [
    {
      name: 'emulator',
      // A fresh emulator too: it keeps its tasks across restarts, and no run should see another's.
      command: `node scripts/e2e-reset.mjs ${E2E.dir}/emulator && node_modules/.bin/tsx emulator/main.ts`,
      url: `${E2E.emulatorUrl}/api/v1/apikeys/current-balance`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        EMULATOR_PORT: String(E2E.emulatorPort),
        EMULATOR_API_KEYS: E2E.apiKey,
        EMULATOR_TIME_SCALE: String(E2E.timeScale),
        EMULATOR_DATA_DIR: `${E2E.dir}/emulator`,
      },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      name: 'studio',
      // A fresh database every run: no state is shared between runs.
      command: `node scripts/e2e-reset.mjs ${E2E.dir}/data && node_modules/.bin/next start -p ${E2E.port}`,
      url: `${E2E.baseUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATA_DIR: `${E2E.dir}/data`,
        EMULATOR_PORT: String(E2E.emulatorPort),
        EMULATOR_API_KEYS: E2E.apiKey,
        WAN_API_KEY: '',
        WAN_POLL_SCALE: String(E2E.timeScale),
        // No PUBLIC_URL: the default install. Uploads and webhooks reach the studio on loopback (lib/env.ts reachableUrl).
        NEXTAUTH_URL: E2E.baseUrl,
        NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production',
        // The persona fixtures sign their accounts up by request (the emulator's default, said out loud).
        SIGNUP: 'open',
        // The personas live for the whole run, so one owner starts well over the default 100 clips an hour; the
        // per-person quota has its own tests (lib/start/limits.test.ts, e2e/activity.spec.ts with a studio of its own).
        HOURLY_QUOTA: '1000',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
