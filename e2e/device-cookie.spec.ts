import { expect, signUp, test } from './fixtures';

test('signing in through the form leaves an httpOnly device cookie for sign-in requests only', async ({ page, context }) => {
  await signUp(page);
  const device = (await context.cookies()).find((cookie) => cookie.name === 'studio-device');
  expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
  expect(device?.value).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
});

test('a sign-in body over 16 KiB is refused with 413 by the production server', async ({ request }) => {
  const response = await request.post('/api/auth/callback/credentials', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=a%40example.test&password=${'x'.repeat(20_000)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ error: 'A sign-in request is at most 16 KiB.' });
});
