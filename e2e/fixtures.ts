import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export { expect };

/** Every page a test opens reports what the Content-Security-Policy blocked (inline script, a media host…). */
async function recordCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding('__cspViolation', ({ page }, report: string) => void violations.push(`${page.url()}: ${report}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation: (text: string) => Promise<void> }).__cspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  // Also what Chromium logs, e.g. a violation in a document that navigated away before the event arrived.
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`${message.page()?.url() ?? 'console'}: ${message.text()}`);
  });
}

/** Playwright's `test`, failing any test whose pages violated the CSP, in its own context or any it opens. */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      await recordCspViolations(context, violations);
      // Tests open more people with browser.newContext() (browser.newPage() goes through it too).
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        await recordCspViolations(opened, violations);
        return opened;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

let counter = 0;

/** A new person with a unique email, signed up through the real form and landed in the studio. */
export async function signUp(page: Page, name = 'Ada'): Promise<{ email: string; password: string }> {
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${process.pid}-${counter}@example.test`;
  const password = 'correct horse battery';
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'New clip' })).toBeVisible();
  return { email, password };
}

/** Fills the prompt and presses Generate; returns the new clip's task card. */
export async function generate(page: Page, prompt: string) {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  const card = page.getByTestId('task-card').filter({ hasText: prompt }).first();
  await expect(card).toBeVisible();
  return card;
}

export type VideoFacts = { readyState: number; duration: number; width: number; height: number };

export async function videoFacts(page: Page, testId = 'clip-video'): Promise<VideoFacts> {
  const video = page.getByTestId(testId).first();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  return video.evaluate((v: HTMLVideoElement) => ({
    readyState: v.readyState,
    duration: v.duration,
    width: v.videoWidth,
    height: v.videoHeight,
  }));
}
