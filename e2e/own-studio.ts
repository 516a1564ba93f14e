import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

// Helpers for specs that run a studio of their own (scripts/bench/studio-harness): signing a browser context
// in with a session cookie, starting clips from the form, and reading the activity panel.

type Cookie = { name: string; value: string };

/** A browser context on `studioUrl`, signed in with `sessionCookie` ("name=value"), plus any further cookies. */
export async function signedInContext(
  browser: Browser,
  studioUrl: string,
  sessionCookie: string,
  { viewport = { width: 1440, height: 900 }, cookies = [] }: { viewport?: { width: number; height: number }; cookies?: Cookie[] } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: studioUrl, viewport });
  const [name, value] = sessionCookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: studioUrl }, ...cookies.map((cookie) => ({ ...cookie, url: studioUrl }))]);
  return context;
}

/** Starts a clip from the studio's form and waits for its card. */
export async function generateFromForm(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('clip-card').filter({ hasText: prompt })).toBeVisible();
}

/** The activity panel's entry for the clip of `prompt`. */
export const activityItem = (page: Page, prompt: string) => page.getByTestId('activity-item').filter({ hasText: prompt });
