import { expect, test } from './fixtures';

test('the icons exist: favicon.ico is a real icon, the SVG and touch icons and the manifest answer', async ({ signedOut: page }) => {
  const ico = await page.request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO file starts with reserved 0, type 1 (icon).
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  for (const [path, type] of [['/icon.svg', /^image\/svg\+xml/], ['/apple-touch-icon.png', /^image\/png/], ['/manifest.webmanifest', /manifest\+json|json/]] as const) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
  }
});

test('a first load names its icons and logs no 404 (signed out and signed in)', async ({ signedOut, owner: { page } }) => {
  for (const [visitor, path] of [[signedOut, '/sign-in'], [page, '/'], [page, '/gallery']] as const) {
    const missing: string[] = [];
    visitor.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    const consoleErrors: string[] = [];
    visitor.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await visitor.goto(path);
    await expect(visitor.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(visitor.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
    await expect(visitor.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
    // The browser asks for the icon itself; wait for that request to have been answered.
    await visitor.waitForLoadState('load');
    const icon = await visitor.request.get(new URL('/favicon.ico', visitor.url()).href);
    expect(icon.status()).toBe(200);
    expect(missing, `404s on ${path}`).toEqual([]);
    expect(consoleErrors.filter((text) => /404|Failed to load resource/.test(text)), `console on ${path}`).toEqual([]);
  }
});
