import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAccount, signInByRequest } from './personas';

const canvas = { light: 'rgb(246, 245, 243)', dark: 'rgb(13, 13, 16)' };
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('a theme picked in the account menu applies at once, is rendered by the server after a reload, and follows the person to a new sign-in', async ({ browser, playwright }, testInfo) => {
  // An account of its own: the worker's personas stay on the device's theme for every other test.
  const account = await createAccount(playwright.request, 'outsider', testInfo.workerIndex);
  const first = await browser.newContext({ storageState: account.storageState, colorScheme: 'light' });
  const page = await first.newPage();
  await page.goto('/');
  expect(await background(page)).toBe(canvas.light);

  await page.getByTestId('account-button').click();
  const choice = page.getByTestId('theme-choice');
  await expect(choice.getByRole('radio', { name: 'System' })).toBeChecked();
  await choice.getByText('Dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(canvas.dark);
  await page.screenshot({ path: testInfo.outputPath('studio-dark-by-choice.png') });

  // The server's HTML already carries it (no flash of the light theme), once the choice is saved.
  await expect.poll(async () => (await page.request.get('/')).text()).toContain('data-theme="dark"');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(canvas.dark);
  await first.close();

  // Another browser, no cookies: the account remembers.
  const second = await browser.newContext({ baseURL: test.info().project.use.baseURL, colorScheme: 'light' });
  await signInByRequest(second.request, account.email, account.password);
  const again = await second.newPage();
  await again.goto('/gallery');
  await expect(again.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(again)).toBe(canvas.dark);

  // Back to System: the device decides again.
  await again.getByTestId('account-button').click();
  await again.getByTestId('theme-choice').getByText('System').click();
  await expect(again.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await background(again)).toBe(canvas.light);
  await again.emulateMedia({ colorScheme: 'dark' });
  expect(await background(again)).toBe(canvas.dark);
  await expect.poll(async () => (await again.request.get('/gallery')).text()).not.toContain('data-theme=');
  await second.close();
});
