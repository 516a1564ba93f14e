import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The owner makes an invite link with this role on the team page. */
async function invite(owner: Page, role: 'editor' | 'viewer'): Promise<string> {
  await owner.goto('/team');
  await owner.getByTestId('invite-role').selectOption(role);
  await owner.getByTestId('invite-create').click();
  const link = await owner.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  return link;
}

async function join(page: Page, link: string) {
  await page.goto(link);
  await page.getByTestId('accept-invite').click();
  await page.waitForURL(/\/gallery$/);
}

test('owner invites an editor, the editor’s clip appears in the owner’s gallery; a viewer cannot generate', async ({ owner: { page: owner, name: ownerName }, editor: { page: editor, name: editorName }, viewer: { page: viewer }, outsider: { page: stranger } }) => {
  test.setTimeout(90_000);
  await owner.goto('/team');
  await owner.getByTestId('new-team-name').fill('Harbour Films');
  await owner.getByTestId('new-team-create').click();
  await expect(owner.getByTestId('team-title')).toHaveText('Harbour Films');

  const editorLink = await invite(owner, 'editor');
  await join(editor, editorLink);
  await expect(editor.getByTestId('team-switcher')).toHaveValue(/.+/);
  await expect(editor.getByTestId('team-switcher').locator('option:checked')).toHaveText('Harbour Films');

  // The editor generates in the shared team.
  await editor.goto('/');
  await editor.getByLabel('Prompt', { exact: true }).fill('A ferry leaving the harbour at dawn');
  await editor.getByRole('button', { name: 'Generate' }).click();
  await expect(editor.getByTestId('clip-card').filter({ hasText: 'A ferry leaving the harbour' })).toBeVisible();

  // It is in the owner's gallery, with its author, and the author filter finds it.
  await owner.goto('/gallery');
  const card = owner.getByTestId('gallery-card').filter({ hasText: 'A ferry leaving the harbour at dawn' });
  await expect(card).toContainText(editorName);
  await expect(owner.getByTestId('filter-author')).toBeVisible();
  await owner.getByTestId('filter-author').selectOption({ label: ownerName });
  await expect(owner.getByTestId('gallery-card')).toHaveCount(0);
  await owner.getByTestId('filter-author').selectOption({ label: editorName });
  await expect(owner.getByTestId('gallery-card')).toHaveCount(1);

  // A used invite does not work twice.
  await stranger.goto(editorLink);
  await expect(stranger.getByTestId('invite-invalid')).toBeVisible();

  // A viewer: no form, and the server refuses anyway.
  const viewerLink = await invite(owner, 'viewer');
  await join(viewer, viewerLink);
  await expect(viewer.getByTestId('gallery-card')).toHaveCount(1);
  await viewer.goto('/');
  await expect(viewer.getByTestId('viewer-notice')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Generate' })).toHaveCount(0);
  const refused = await viewer.request.post('/api/generations', { data: { prompt: 'viewer sneaks one in' } });
  expect(refused.status()).toBe(403);
  // Roles are the owner's to change, and the last owner cannot step down.
  await owner.goto('/team');
  const me = owner.getByTestId('member').filter({ hasText: '(you)' });
  await me.getByTestId('member-role').selectOption('editor');
  await expect(owner.getByText('A team always needs an owner: make someone else owner first.')).toBeVisible();
  await expect(me.getByTestId('member-role')).toHaveValue('owner');
});

test('a share link plays without signing in, unfurls with Open Graph tags, and is a plain 404 once revoked', async ({ owner: { page, name }, signedOut: anonymous }) => {
  const created = await page.request.post('/api/generations', { data: { prompt: 'Lanterns rising over a lake at night', seed: 77 } });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/gallery/${id}`);
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/s\/[\w-]{43}$/);

  // Signed out, in a browser of its own.
  await anonymous.goto(link);
  await expect(anonymous.getByTestId('shared-prompt')).toHaveText('Lanterns rising over a lake at night');
  const video = anonymous.getByTestId('shared-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(5);
  await expect(anonymous.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Lanterns rising over a lake at night');
  await expect(anonymous.locator('meta[property="og:video"]')).toHaveAttribute('content', /\/s\/[\w-]{43}\/video\?clip=/);
  const ogImage = await anonymous.locator('meta[property="og:image"]').getAttribute('content');
  const poster = await anonymous.request.get(ogImage ?? '');
  expect(poster.status()).toBe(200);
  expect(poster.headers()['content-type']).toBe('image/jpeg');
  // Nothing of the team leaks: no author on a public page.
  await expect(anonymous.getByText(name)).toHaveCount(0);

  await page.getByTestId('share-revoke').click();
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  const gone = await anonymous.goto(link);
  expect(gone?.status()).toBe(404);
  expect((await anonymous.request.get(`${link}/video?clip=${id}`)).status()).toBe(404);
  expect((await anonymous.request.get(ogImage ?? '')).status()).toBe(404);
});

test('the share box shows a clip’s link, and a second link only behind “Create another link”', async ({ owner: { page } }) => {
  const created = await page.request.post('/api/generations', { data: { prompt: 'Paper lanterns drifting over a calm bay' } });
  const { id } = (await created.json()) as { id: string };
  // A clip is shared once it is finished and saved (the action refuses before): wait for our copy.
  await expect.poll(async () => ((await (await page.request.get(`/api/generations/${id}`)).json()) as { sha256: string | null }).sha256, { timeout: 60_000 }).toMatch(/^[0-9a-f]{64}$/);
  await page.goto(`/gallery/${id}`);
  const panel = page.getByTestId('share-panel');
  const another = panel.getByRole('button', { name: 'Create another link' });

  // No link yet: the form is the box.
  await expect(panel.getByTestId('share-create')).toBeVisible();
  await expect(another).toHaveCount(0);
  await panel.getByTestId('share-create').click();

  // One link: the link, copy and revoke, and no second form until asked for.
  await expect(panel.getByTestId('share-link-row')).toHaveCount(1);
  await expect(panel.getByTestId('share-link-row')).toContainText('This clip · with prompt and settings');
  await expect(panel.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(panel.getByTestId('share-revoke')).toBeVisible();
  await expect(panel.getByTestId('share-create')).toHaveCount(0);
  await expect(another).toHaveAttribute('aria-expanded', 'false');

  // Asked for, then put away; then a second, video-only link.
  await another.click();
  await expect(panel.getByTestId('share-create')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('share-create')).toHaveCount(0);
  await another.click();
  await panel.getByTestId('share-show-recipe').uncheck();
  await panel.getByTestId('share-create').click();
  await expect(panel.getByTestId('share-link-row')).toHaveCount(2);
  await expect(panel.getByTestId('share-link-row').filter({ hasText: 'video only' })).toHaveCount(1);
  await expect(panel.getByTestId('share-create')).toHaveCount(0);

  // Every link revoked: the form is back on its own.
  await panel.getByTestId('share-revoke').first().click();
  await expect(panel.getByTestId('share-link-row')).toHaveCount(1);
  await panel.getByTestId('share-revoke').click();
  await expect(panel.getByTestId('share-link-row')).toHaveCount(0);
  await expect(panel.getByTestId('share-create')).toBeVisible();
  await expect(another).toHaveCount(0);
});
