import { expect, test } from './fixtures';

// The sign-up and sign-in forms, each driven once; every other spec signs its personas in by request.

test('signing up through the form lands in the studio and leaves an httpOnly device cookie for sign-in requests only', async ({ signedOut: page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Ada');
  await page.getByLabel('Email').fill(`ada-${Date.now()}-${process.pid}@example.test`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'New clip' })).toBeVisible();

  const device = (await page.context().cookies()).find((cookie) => cookie.name === 'studio-device');
  expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
  expect(device?.value).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
});

test('signing in through the form goes back where the visitor was heading', async ({ signedOut: page, outsider }) => {
  await page.goto('/gallery?q=fox');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email').fill(outsider.email);
  await page.getByLabel('Password').fill(outsider.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/gallery\?q=fox$/);
  await expect(page.getByTestId('gallery-search')).toHaveValue('fox');
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toContain('studio-device');
});

test('a sign-in body over 16 KiB is refused with 413 by the production server', async ({ request }) => {
  const response = await request.post('/api/auth/callback/credentials', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=a%40example.test&password=${'x'.repeat(20_000)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ error: 'A sign-in request is at most 16 KiB.' });
});
