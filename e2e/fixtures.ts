import { expect, type Page } from '@playwright/test';

let counter = 0;

/** A new person with a unique email, signed up through the real form and landed in the studio. */
export async function signUp(page: Page, name = 'Ada'): Promise<{ email: string; password: string }> {
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${process.pid}-${counter}@example.test`;
  const password = 'correct horse battery';
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'New clip' })).toBeVisible();
  return { email, password };
}

/** Fills the prompt and presses Generate; returns the new clip's task card. */
export async function generate(page: Page, prompt: string) {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  const card = page.getByTestId('task-card').filter({ hasText: prompt }).first();
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
