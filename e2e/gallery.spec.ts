import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Stores a clip through the studio's JSON API (same schema and checks as the form). */
async function create(page: Page, body: Record<string, unknown>): Promise<{ id: string; seed: number }> {
  const response = await page.request.post('/api/generations', { data: body });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; seed: number };
}

const cards = (page: Page) => page.getByTestId('gallery-card');

test('search and filters live in the URL: reload, a shared link and Back all give the same view', async ({ owner: { page } }) => {
  await create(page, { prompt: 'An amber fox trotting through fresh snow', resolution: '720p' });
  await create(page, { prompt: 'Neon harbour at night, rain on the quay', resolution: '1080p' });
  await create(page, { prompt: 'Amber dunes at dawn, wind lifting sand', resolution: '1080p', negativePrompt: 'people' });

  await page.goto('/gallery');
  await expect(cards(page)).toHaveCount(3);

  await page.getByTestId('gallery-search').fill('amber');
  await page.waitForURL(/\/gallery\?q=amber$/);
  await expect(cards(page)).toHaveCount(2);

  await page.getByTestId('filter-res').selectOption('1080p');
  await page.waitForURL(/\/gallery\?q=amber&res=1080p$/);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('Amber dunes at dawn');

  // The negative prompt is searched too.
  await page.goto('/gallery?q=people');
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByTestId('gallery-search')).toHaveValue('people');

  // Back to the filtered view: the controls and the grid follow the URL.
  await page.goBack();
  await page.waitForURL(/\/gallery\?q=amber&res=1080p$/);
  await expect(page.getByTestId('gallery-search')).toHaveValue('amber');
  await expect(page.getByTestId('filter-res')).toHaveValue('1080p');
  await expect(cards(page)).toHaveCount(1);
  await page.goBack();
  await page.waitForURL(/\/gallery\?q=amber$/);
  await expect(cards(page)).toHaveCount(2);

  // A shared link opened in another tab shows the same clips.
  const shared = await page.context().newPage();
  await shared.goto('/gallery?q=amber&res=1080p');
  await expect(cards(shared)).toHaveCount(1);
  await expect(shared.getByTestId('filter-res')).toHaveValue('1080p');

  // A nonsense value is named and ignored; the rest of the filters still apply.
  await shared.goto('/gallery?q=amber&res=4k');
  await expect(shared.getByRole('status').filter({ hasText: 'Ignored res' })).toBeVisible();
  await expect(cards(shared)).toHaveCount(2);

  // Saved view: a name for the current filters, one click away.
  await page.goto('/gallery?q=amber&res=1080p');
  await page.getByTestId('save-view').click();
  await page.getByTestId('saved-view-name').fill('Amber in 1080p');
  await page.getByTestId('saved-view-save').click();
  await page.getByRole('link', { name: 'All clips' }).click();
  await expect(cards(page)).toHaveCount(3);
  await page.getByTestId('saved-view').filter({ hasText: 'Amber in 1080p' }).click();
  await page.waitForURL(/\/gallery\?q=amber&res=1080p$/);
  await expect(cards(page)).toHaveCount(1);
});

test('favourite, tag and filter by them; delete with Undo; restore from the trash', async ({ owner: { page } }) => {
  await create(page, { prompt: 'A red kite above green hills' });
  await create(page, { prompt: 'A paper lantern drifting on a river' });
  await page.goto('/gallery');
  const kite = cards(page).filter({ hasText: 'red kite' });
  const lantern = cards(page).filter({ hasText: 'paper lantern' });

  await kite.hover();
  await kite.getByTestId('favorite-toggle').click();
  await expect(kite.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('filter-fav').check();
  await page.waitForURL(/fav=1/);
  await expect(cards(page)).toHaveCount(1);
  await page.getByTestId('clear-filters').click();
  await page.waitForURL(/\/gallery$/);

  // Multi-select → bulk tag.
  await lantern.hover();
  await lantern.getByTestId('select-clip').click();
  await kite.hover();
  await kite.getByTestId('select-clip').click();
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await page.getByTestId('bulk-tag-input').fill('client-a, Final');
  await page.getByTestId('bulk-tag').click();
  await expect(kite.getByRole('list', { name: 'Tags' })).toHaveText(/client-a\s*final/);
  await page.goto('/gallery?tag=final');
  await expect(cards(page)).toHaveCount(2);

  // Delete one, undo, delete again, restore from the trash.
  await page.goto('/gallery');
  await lantern.hover();
  await lantern.getByTestId('select-clip').click();
  await page.getByTestId('bulk-delete').click();
  await expect(page.getByTestId('toast')).toContainText('1 clip moved to the trash');
  await expect(cards(page)).toHaveCount(1);
  await page.getByTestId('toast-action').click();
  await page.reload();
  await expect(cards(page)).toHaveCount(2);

  await lantern.hover();
  await lantern.getByTestId('select-clip').click();
  await page.getByTestId('bulk-delete').click();
  await expect(cards(page)).toHaveCount(1);
  await page.getByTestId('trash-link').click();
  await expect(cards(page)).toHaveCount(1);
  await cards(page).first().hover();
  await cards(page).first().getByTestId('select-clip').click();
  await page.getByTestId('bulk-restore').click();
  await expect(page.getByTestId('gallery-empty')).toBeVisible();
  await page.goto('/gallery');
  await expect(cards(page)).toHaveCount(2);
});
