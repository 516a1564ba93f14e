import { expect, type Page } from '@playwright/test';
import type { Scene } from './scene';

/** Who opens a page: a member of the scene's team by role, the owner as the studio's administrator, or nobody signed in. */
export type Visitor = 'owner' | 'editor' | 'viewer' | 'signedOut';

export type StudioPage = {
  name: string;
  path: (scene: Scene) => string;
  /** Everyone who can open it; the a11y spec checks it as each of them. */
  visitors: readonly Visitor[];
  /** Waits until the page shows what it is for (beyond `load`). */
  ready?: (page: Page) => Promise<void>;
  /** Saved as a screenshot by e2e/screenshots.spec.ts (as its first visitor). */
  screenshot?: boolean;
};

const members = ['owner', 'editor', 'viewer'] as const;
const everyone = [...members, 'signedOut'] as const;
const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { name }).first()).toBeVisible();
};
const videoReady = (testId: string) => async (page: Page) => {
  await expect.poll(() => page.getByTestId(testId).first().evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
};

/**
 * Every page of the studio, once. New pages (the usage page, the activity panel open, …) are a row here:
 * the a11y spec then checks them for every visitor, light and dark, desktop and phone; the screenshot spec saves them.
 */
export const studioPages: readonly StudioPage[] = [
  { name: 'studio', path: () => '/', visitors: members, ready: heading('New clip'), screenshot: true },
  // The form on the second model (a remix of the scene's clip with sound): its Sound section, 480p and 4:3 offered.
  {
    name: 'studio-sound-model',
    path: (scene) => `/?remix=${scene.soundClipId}`,
    // A viewer may not make clips: the studio shows them no form.
    visitors: ['owner', 'editor'],
    ready: async (page) => void (await expect(page.getByTestId('sound-track')).toBeVisible()),
    screenshot: true,
  },
  {
    name: 'gallery',
    path: () => '/gallery',
    visitors: members,
    ready: async (page) => {
      await expect(page.getByTestId('gallery-card')).toHaveCount(5);
    },
    screenshot: true,
  },
  { name: 'gallery-filtered', path: () => '/gallery?q=paper&res=720p', visitors: members, ready: async (page) => void (await expect(page.getByTestId('gallery-card')).toHaveCount(1)) },
  {
    name: 'clip',
    path: (scene) => `/gallery/${scene.clipId}`,
    visitors: members,
    ready: async (page) => {
      await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/);
      await videoReady('clip-video')(page);
    },
    screenshot: true,
  },
  {
    name: 'sound-clip',
    path: (scene) => `/gallery/${scene.soundClipId}`,
    visitors: members,
    ready: async (page) => {
      await expect(page.getByTestId('sound-toggle')).toBeVisible();
      await videoReady('clip-video')(page);
    },
    screenshot: true,
  },
  { name: 'compare', path: (scene) => `/compare?ids=${scene.clipIds.join(',')}`, visitors: members, ready: async (page) => void (await expect(page.getByTestId('compare-video')).toHaveCount(3)), screenshot: true },
  {
    name: 'usage',
    path: () => '/usage',
    visitors: members,
    ready: async (page) => {
      // The numbers come first, then the chart (next/dynamic): wait for its drawn bars, not the heading
      // (or, for a member with no clips, the empty state).
      const bars = page.getByTestId('usage-chart').locator('.recharts-wrapper > svg .recharts-bar-rectangle');
      await expect(bars.first().or(page.getByTestId('usage-empty'))).toBeVisible();
    },
    screenshot: true,
  },
  {
    name: 'activity-open',
    path: () => '/gallery',
    visitors: members,
    ready: async (page) => {
      // Until hydration the server's guess (open on desktop) shows; the phone's sheet starts closed after it,
      // so wait for the layout the window really has (data-layout) before opening it.
      const sheet = (page.viewportSize()?.width ?? 1440) < 1024;
      await expect(page.getByTestId('activity-panel')).toHaveAttribute('data-layout', sheet ? 'sheet' : 'side');
      const toggle = page.getByTestId('activity-toggle');
      await expect(async () => {
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        await expect(page.locator('#activity-body')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
    },
    screenshot: true,
  },
  { name: 'trash', path: () => '/gallery/trash', visitors: members, ready: heading('Trash') },
  { name: 'import', path: () => '/gallery/import', visitors: members, ready: heading('Import') },
  { name: 'batch', path: () => '/batch', visitors: members, ready: heading('Batch'), screenshot: true },
  { name: 'team', path: () => '/team', visitors: members, ready: async (page) => void (await expect(page.getByTestId('team-title')).toBeVisible()), screenshot: true },
  // The scene's owner is the studio's administrator; nobody else may open it (a 404 for them, see access.spec.ts).
  { name: 'admin', path: () => '/admin', visitors: ['owner'], ready: async (page) => void (await expect(page.getByTestId('admin-title')).toBeVisible()) },
  { name: 'invite', path: (scene) => `/invite/${scene.inviteToken}`, visitors: members },
  { name: 'share', path: (scene) => `/s/${scene.shareToken}`, visitors: everyone, ready: videoReady('shared-video') },
  { name: 'sign-in', path: () => '/sign-in', visitors: ['signedOut'], ready: heading('Welcome back') },
  { name: 'sign-up', path: () => '/sign-up', visitors: ['signedOut'], ready: heading('Create your studio') },
  { name: 'failed-clip', path: (scene) => `/gallery/${scene.failedId}`, visitors: members, ready: async (page) => void (await expect(page.getByTestId('failure')).toBeVisible()) },
  // Signed out, an unknown page is behind the sign-in gate like every other (proxy.ts): members only.
  { name: 'not-found', path: () => '/no-such-page', visitors: members, ready: heading('Nothing here') },
];

export const viewports = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
export const colorSchemes = ['light', 'dark'] as const;

/** Console errors and uncaught exceptions of a page, as text (each with the URL it happened on). */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // A page that answers 404 (the not-found page) logs its own document's status: that is its answer, not an error.
    if (message.location().url === page.url() && message.text().includes('status of 404')) return;
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()} (${message.location().url}:${message.location().lineNumber})`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  return errors;
}
