import { expect, test } from './fixtures';

test('right after Create team, the settings form is the new team’s: saving a limit keeps its name', async ({ owner: { page } }) => {
  await page.goto('/team');
  const firstName = await page.getByTestId('team-title').innerText();
  await expect(page.getByTestId('team-name')).toHaveValue(firstName);

  await page.getByTestId('new-team-name').fill('Night Shift');
  await page.getByTestId('new-team-create').click();
  await expect(page.getByTestId('team-title')).toHaveText('Night Shift');
  await expect(page.getByTestId('team-name')).toHaveValue('Night Shift');

  await page.getByTestId('team-quota').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('team-title')).toHaveText('Night Shift');
  await expect(page.getByTestId('team-quota')).toHaveValue('5');
  // Each team once in the switcher, under its own name.
  const names = await page.getByTestId('team-switcher').locator('option').allInnerTexts();
  expect(names.filter((name) => name === 'Night Shift')).toHaveLength(1);
  expect(names.filter((name) => name === firstName)).toHaveLength(1);
});

test('a settings form left open for one team cannot change another team after a switch in another tab', async ({ owner: { page } }) => {
  await page.goto('/team');
  const firstName = await page.getByTestId('team-title').innerText();
  await page.getByTestId('new-team-name').fill('Second Unit');
  await page.getByTestId('new-team-create').click();
  await expect(page.getByTestId('team-name')).toHaveValue('Second Unit');

  // Another tab of the same browser switches back to the first team.
  const other = await page.context().newPage();
  await other.goto('/team');
  await other.getByTestId('team-switcher').selectOption({ label: firstName });
  await other.waitForURL(/\/gallery$/);

  // The first tab still shows Second Unit's form; saving it must not rename the first team.
  await page.getByTestId('team-quota').fill('4');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'another team' })).toBeVisible();
  await other.goto('/team');
  await expect(other.getByTestId('team-title')).toHaveText(firstName);
  await expect(other.getByTestId('team-quota')).toHaveValue('');
});
