import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type View = { id: string; archived: boolean };

async function create(page: Page, prompt: string): Promise<string> {
  const response = await page.request.post('/api/generations', { data: { prompt } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as View).id;
}

/** Waits until our copy of the clip exists (what a tile plays). */
async function archived(page: Page, id: string) {
  await expect.poll(async () => ((await (await page.request.get(`/api/generations/${id}`)).json()) as View).archived, { timeout: 45_000 }).toBe(true);
}

/** The page's keys attach at hydration; a key pressed before that would be the browser's. */
async function keysLive(page: Page, listeners: number) {
  await expect(page.locator('[data-keys="on"]')).toHaveCount(listeners);
}
/** The gallery grid's keys and the `?` dialog's. */
const galleryKeys = 2;

const cards = (page: Page) => page.getByTestId('gallery-card');
const cardLink = (page: Page, index: number) => cards(page).nth(index).locator('a[data-card-link]');

test('the gallery’s keys: / searches, j and k move, f favourites, Enter opens, r reproduces; ? lists them all', async ({ owner: { page } }) => {
  const oldest = await create(page, 'A tin robot watering a windowsill of herbs');
  await create(page, 'Koi circling under lily pads in the rain');
  const newest = await create(page, 'Fog rolling over a suspension bridge at dawn');
  await page.goto('/gallery');
  await expect(cards(page)).toHaveCount(3);
  await keysLive(page, galleryKeys);

  // `/` focuses the search; letters typed there are text, not shortcuts.
  await page.keyboard.press('/');
  const search = page.getByTestId('gallery-search');
  await expect(search).toBeFocused();
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  // The search lives in the URL: let both changes land, or the grid re-renders under the next keys.
  await expect(page).toHaveURL(/[?&]q=jk/);
  await search.fill('');
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(cards(page)).toHaveCount(3);
  await search.blur();

  // j and k move a visible focus through the cards; the ring is on the focused card.
  await page.keyboard.press('j');
  await expect(cardLink(page, 0)).toBeFocused();
  await expect(cards(page).first()).toHaveAttribute('data-generation-id', newest);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(cardLink(page, 2)).toBeFocused();
  await page.keyboard.press('j'); // the last card stays focused
  await expect(cardLink(page, 2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(cardLink(page, 1)).toBeFocused();
  await expect(cards(page).nth(1)).not.toHaveCSS('box-shadow', 'none');

  // With a modifier it is the browser's key, not ours.
  await page.keyboard.press('Control+j');
  await expect(cardLink(page, 1)).toBeFocused();

  // f favourites the focused card, and again takes it back; the server keeps it.
  await page.keyboard.press('k');
  await page.keyboard.press('f');
  await expect(cards(page).first().getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(cards(page).first().getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true');
  await keysLive(page, galleryKeys);

  // ? opens the list of every shortcut, the studio's Ctrl+Enter among them; Esc closes it and focus comes back.
  await page.keyboard.press('j');
  await expect(cardLink(page, 0)).toBeFocused();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(dialog.getByRole('region', { name: 'Studio' })).toContainText('Generate');
  await expect(dialog.getByRole('region', { name: 'Studio' })).toContainText('Ctrl');
  await expect(dialog.getByRole('region', { name: 'Gallery' })).toContainText('Favourite');
  // Keys do nothing behind the open dialog.
  await page.keyboard.press('j');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cardLink(page, 0)).toBeFocused();

  // Enter opens the focused card.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(cardLink(page, 2)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/gallery/${oldest}`);

  // r reproduces the focused card, as the clip page's Reproduce does: a new clip, the same seed, its page opens.
  await page.goto('/gallery');
  await keysLive(page, galleryKeys);
  await page.keyboard.press('j');
  await expect(cardLink(page, 0)).toBeFocused();
  await page.keyboard.press('r');
  await page.waitForURL((url) => /^\/gallery\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(newest));
  await expect(page.getByRole('main')).toContainText('Fog rolling over a suspension bridge at dawn');
});

test('? lists the shortcuts on every studio page', async ({ owner: { page } }) => {
  for (const path of ['/', '/team']) {
    await page.goto(path);
    await keysLive(page, 1);
    // From wherever focus is that is not a field (the studio page puts it in the prompt).
    const nav = page.getByRole('link', { name: 'Gallery', exact: true });
    await nav.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    // Focus stays inside the dialog while it is open.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(nav).toBeFocused();
  }
  // Typing a ? into the prompt is only text.
  await page.goto('/');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('');
  await prompt.press('?');
  await expect(prompt).toHaveValue('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('hovering or focusing a tile plays its clip muted from our copy; leaving pauses and rewinds it', async ({ owner: { page } }) => {
  const id = await create(page, 'Paper cranes turning slowly on threads');
  await create(page, 'A second clip, never hovered');
  await archived(page, id);
  await page.goto('/gallery');
  const card = cards(page).filter({ hasText: 'Paper cranes' });
  const video = card.getByTestId('tile-video');

  // Before any hover, only posters: real images, the first row's asked for first, and no video element at all.
  await expect(card.locator('img').first()).toHaveAttribute('fetchpriority', 'high');
  await expect(page.getByTestId('tile-video')).toHaveCount(0);

  await card.hover();
  await expect(video).toHaveAttribute('src', `/api/generations/${id}/video`);
  await expect(video).toHaveAttribute('preload', 'none');
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => !element.paused && element.muted && element.loop)).toBe(true);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(0);

  await page.getByRole('heading', { name: 'Gallery' }).hover();
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.paused && element.currentTime === 0)).toBe(true);
  // The other tile was never hovered: it never got a video.
  await expect(page.getByTestId('tile-video')).toHaveCount(1);

  // Keyboard focus plays too, and blur stops it.
  await card.locator('a[data-card-link]').focus();
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => !element.paused)).toBe(true);
  await card.locator('a[data-card-link]').blur();
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.paused)).toBe(true);
});

test('with reduced motion asked for, a hovered tile keeps its poster', async ({ owner: { page } }) => {
  const id = await create(page, 'Wind chimes in a slow breeze');
  await archived(page, id);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/gallery');
  await cards(page).first().hover();
  await expect(cards(page).first().locator('img').first()).toBeVisible();
  await expect(page.getByTestId('tile-video')).toHaveCount(0);
});
