// Screenshots of the main pages, light and dark, desktop and phone, for a person to look at.
// Usage: with the studio running (`npm start`, ideally EMULATOR_TIME_SCALE=0.1 WAN_POLL_SCALE=0.1):
//   node scripts/screenshots.mjs [outDir]     (BASE_URL defaults to http://localhost:3000)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const outDir = process.argv[2] ?? 'screenshots';
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'],
});

const prompts = [
  ['A paper boat drifting down a rain-soaked street at dusk, neon reflections', '16:9'],
  ['Macro shot of a dandelion releasing seeds in slow motion', '9:16'],
  ['A forbidden temple', '1:1'],
];

for (const scheme of ['light', 'dark']) {
  const shot = (page, name) => page.screenshot({ path: path.join(outDir, `${scheme}-${name}.png`) });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`${base}/sign-up`);
  await shot(page, 'sign-up');
  await page.getByLabel('Name').fill('Mira Okafor');
  await page.getByLabel('Email').fill(`mira-${scheme}-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'New clip' }).waitFor();
  await shot(page, 'studio-empty');

  for (const [prompt, ratio] of prompts) {
    await page.getByRole('radio', { name: ratio }).check({ force: true });
    await page.getByLabel('Prompt', { exact: true }).fill(prompt);
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByTestId('clip-card').filter({ hasText: prompt }).waitFor();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'studio-running');
  await page.getByTestId('clip-video').nth(1).waitFor({ timeout: 120_000 });
  await page.getByTestId('failure').waitFor({ timeout: 120_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'studio-done');

  await page.goto(`${base}/gallery`);
  await page.getByTestId('gallery-card').first().waitFor();
  await shot(page, 'gallery');
  const href = await page.getByTestId('gallery-card').last().locator('a').getAttribute('href');
  await page.goto(`${base}${href}`);
  await page.getByTestId('sha256').waitFor({ timeout: 60_000 });
  await shot(page, 'detail');

  // A seed sweep of that clip, its compare view, the stack in the gallery, a share link, the team page.
  await page.getByTestId('share-create').click();
  const shareLink = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('sweep-run').click();
  await page.waitForURL(/\/compare/);
  await shot(page, 'compare-waiting');
  await page.getByTestId('compare-video').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1_000);
  await shot(page, 'compare');
  await page.goto(`${base}/gallery`);
  await page.getByTestId('stack-toggle').first().click();
  await page.waitForTimeout(500);
  await shot(page, 'gallery-stack');
  await page.goto(`${base}/gallery?q=zzzz`);
  await shot(page, 'gallery-no-match');
  await page.goto(`${base}/team`);
  await page.getByTestId('invite-create').click();
  await page.getByTestId('invite-link').waitFor();
  await shot(page, 'team');
  const anonymous = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  const visitor = await anonymous.newPage();
  await visitor.goto(shareLink);
  await visitor.getByTestId('shared-video').waitFor();
  await visitor.waitForTimeout(500);
  await visitor.screenshot({ path: path.join(outDir, `${scheme}-share.png`) });
  await anonymous.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme, storageState: await context.storageState() });
  const mobile = await phone.newPage();
  await mobile.goto(`${base}/`);
  await mobile.getByRole('heading', { name: 'New clip' }).waitFor();
  await mobile.screenshot({ path: path.join(outDir, `${scheme}-phone-studio.png`) });
  await mobile.goto(`${base}/gallery`);
  await mobile.screenshot({ path: path.join(outDir, `${scheme}-phone-gallery.png`) });
  await phone.close();
  await context.close();
}
await browser.close();
console.log(`screenshots in ${outDir}/`);
