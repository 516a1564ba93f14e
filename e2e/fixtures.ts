import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { watchCsp } from './csp';
import { createAccount, joinTeam, startTeam, type Account, type Role } from './personas';

export { expect };

/** A person in a test: a page of their own, already signed in, and who they are. */
export type Persona = { page: Page; name: string; email: string; password: string };

type TestFixtures = {
  cspViolations: string[];
  /** Owns a team made for this test alone, so every test starts from an empty gallery. */
  owner: Persona;
  /** An editor of the owner's team of this test. */
  editor: Persona;
  /** A viewer of the owner's team of this test. */
  viewer: Persona;
  /** Signed in, but only a member of their own personal team: another team's user. */
  outsider: Persona;
  /** A visitor with no session (the test's own page). */
  signedOut: Page;
};
type WorkerFixtures = { accounts: Record<Role, Account> };

let teams = 0;

/** A page signed in as the account, in a context of its own (its cookies are that person's alone). */
async function personaOf(browser: Browser, account: Account): Promise<Persona> {
  const context = await browser.newContext({ storageState: account.storageState });
  return { page: await context.newPage(), name: account.name, email: account.email, password: account.password };
}

/**
 * Playwright's `test`, failing any test whose pages violated the CSP, with one fixture per persona. The
 * accounts sign up and sign in by request once per worker (the sign-in and sign-up throttles never see a
 * burst); each test gets fresh pages from their cookies and a new team of its own.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      const stop = await watchCsp(context, browser, violations);
      try {
        await provide(violations);
      } finally {
        stop();
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  accounts: [
    async ({ playwright }, provide, workerInfo) => {
      const roles: Role[] = ['owner', 'editor', 'viewer', 'outsider'];
      const accounts = {} as Record<Role, Account>;
      // One after another: the first account of a fresh studio administers it, and that should be the owner.
      for (const role of roles) accounts[role] = await createAccount(playwright.request, role, workerInfo.workerIndex);
      await provide(accounts);
    },
    { scope: 'worker' },
  ],
  owner: async ({ browser, accounts, cspViolations: _watched }, provide) => {
    const owner = await personaOf(browser, accounts.owner);
    teams += 1;
    await startTeam(owner.page.request, `${owner.name}'s team ${teams}`);
    await provide(owner);
    await owner.page.context().close();
  },
  editor: async ({ browser, accounts, owner }, provide) => {
    const editor = await personaOf(browser, accounts.editor);
    await joinTeam({ owner: owner.page.request, member: editor.page.request, role: 'editor' });
    await provide(editor);
    await editor.page.context().close();
  },
  viewer: async ({ browser, accounts, owner }, provide) => {
    const viewer = await personaOf(browser, accounts.viewer);
    await joinTeam({ owner: owner.page.request, member: viewer.page.request, role: 'viewer' });
    await provide(viewer);
    await viewer.page.context().close();
  },
  outsider: async ({ browser, accounts, cspViolations: _watched }, provide) => {
    const outsider = await personaOf(browser, accounts.outsider);
    await provide(outsider);
    await outsider.page.context().close();
  },
  signedOut: async ({ page }, provide) => {
    await provide(page);
  },
});

/** Fills the prompt and presses Generate; returns the new clip's task card. */
export async function generate(page: Page, prompt: string) {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  const card = page.getByTestId('clip-card').filter({ hasText: prompt }).first();
  await expect(card).toBeVisible();
  return card;
}

export type VideoFacts = { readyState: number; duration: number; width: number; height: number };

export async function videoFacts(page: Page, testId = 'clip-video'): Promise<VideoFacts> {
  const video = page.getByTestId(testId).first();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  return video.evaluate((v: HTMLVideoElement) => ({
    readyState: v.readyState,
    duration: v.duration,
    width: v.videoWidth,
    height: v.videoHeight,
  }));
}
