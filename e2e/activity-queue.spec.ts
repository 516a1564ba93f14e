import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createUser, signIn, startHarness, type Harness } from '../scripts/bench/studio-harness';
import { activityItem, generateFromForm, signedInContext } from './own-studio';

// The activity panel's queue controls and its Team view against a studio of its own: one upstream slot, so
// clips really wait in the queue, and a team of two (the owner and an editor).

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const OWNER = { email: 'queue-owner@example.test', password: 'queue-owner-password' };
const EDITOR = { email: 'queue-editor@example.test', password: 'queue-editor-password' };
let harness: Harness;
let teamId = '';
const cookies = { owner: '', editor: '' };

/** The editor joins the owner's team, written where the invite's acceptance writes it. */
function joinOwnersTeam(): string {
  const db = new Database(path.join(harness.dataDir, 'studio.db'));
  try {
    const userOf = (email: string) => (db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
    const team = db.prepare('select team_id as id from memberships where user_id = ?').get(userOf(OWNER.email)) as { id: string };
    db.prepare("insert into memberships (team_id, user_id, role) values (?, ?, 'editor')").run(team.id, userOf(EDITOR.email));
    return team.id;
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  harness = await startHarness({
    dir: '.e2e/activity-queue',
    studioPort: 3270,
    emulatorPort: 8806,
    timeScale: 0.1,
    env: { WAN_MAX_CONCURRENT_TASKS: '1', HOURLY_QUOTA: '10' },
  });
  await createUser(harness.dataDir, OWNER.email, OWNER.password);
  await createUser(harness.dataDir, EDITOR.email, EDITOR.password);
  teamId = joinOwnersTeam();
  cookies.owner = await signIn(harness.studioUrl, OWNER.email, OWNER.password);
  cookies.editor = await signIn(harness.studioUrl, EDITOR.email, EDITOR.password);
});
test.afterAll(async () => {
  await harness?.stop();
});

function signedIn(browser: Browser, cookie: string): Promise<BrowserContext> {
  // Both work in the owner's team (the editor's own personal team would come first otherwise).
  return signedInContext(browser, harness.studioUrl, cookie, { cookies: [{ name: 'studio-team', value: teamId }] });
}

const generate = generateFromForm;
const item = activityItem;
const status = (page: Page, prompt: string) => item(page, prompt).getByTestId('activity-status');

test('the owner moves the last queued clip to the front from the panel: it is the next to be sent', async ({ browser }, testInfo) => {
  const context = await signedIn(browser, cookies.owner);
  const page = await context.newPage();
  await page.goto('/');
  for (const prompt of ['a kite over dunes', 'rain on a tin roof', 'a heron in reeds', 'lanterns on a river']) await generate(page, prompt);
  await expect(status(page, 'rain on a tin roof')).toContainText('1st to be sent');
  await expect(status(page, 'lanterns on a river')).toContainText('3rd to be sent');

  // The panel's controls are the queue's own: earlier, later, cancel, and now to the front.
  const last = item(page, 'lanterns on a river');
  for (const name of [/^Move earlier/, /^Move later/, /^Cancel/]) await expect(last.getByRole('button', { name })).toBeVisible();
  await last.getByRole('button', { name: /^Move to front/ }).click();
  await expect(status(page, 'lanterns on a river')).toContainText('1st to be sent');
  await expect(status(page, 'rain on a tin roof')).toContainText('2nd to be sent');
  await expect(status(page, 'a heron in reeds')).toContainText('3rd to be sent');
  // First already: nothing more to move.
  await expect(last.getByRole('button', { name: /^Move to front/ })).toBeDisabled();

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="activity-panel"]').analyze();
  expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  await page.getByTestId('activity-panel').screenshot({ path: testInfo.outputPath('activity-queue-1440-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('activity-panel').screenshot({ path: testInfo.outputPath('activity-queue-1440-dark.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('activity-toggle').click();
  await expect(page.getByTestId('activity-toggle')).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: testInfo.outputPath('activity-queue-390-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('activity-queue-390-light.png') });
  await context.close();
});

test('a teammate’s new clip appears in the owner’s Team view within seconds, without a reload', async ({ browser }) => {
  const [ownerContext, editorContext] = [await signedIn(browser, cookies.owner), await signedIn(browser, cookies.editor)];
  const owner = await ownerContext.newPage();
  await owner.goto('/');
  const team = owner.getByRole('group', { name: 'Whose clips' }).getByRole('button', { name: 'Team' });
  // A press before hydration does nothing: press until the panel has taken it.
  await expect(async () => {
    await team.click();
    await expect(team).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
  }).toPass();
  await expect(item(owner, 'a kite over dunes')).toBeVisible();
  await expect(item(owner, 'a teammate’s sketch of a bridge')).toHaveCount(0);

  const editor = await editorContext.newPage();
  await editor.goto('/');
  await generate(editor, 'a teammate’s sketch of a bridge');
  // Well before the list's own half-minute refresh: the tab's long poll said the team stored a clip.
  await expect(item(owner, 'a teammate’s sketch of a bridge')).toBeVisible({ timeout: 5_000 });
  await expect(status(owner, 'a teammate’s sketch of a bridge')).toContainText('Bench ·');
  await Promise.all([ownerContext.close(), editorContext.close()]);
});
