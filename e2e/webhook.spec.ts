import { getStats } from '../emulator/admin-client';
import { countOpenGenerations, readGeneration } from './db';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

test('webhook delivery: the clip completes with no polling, only the one status call that confirms the callback; replayed and forged callbacks change nothing', async ({ owner: { page }, request }) => {
  await page.goto('/');
  // Other specs' clips must be finished, so the emulator's poll count is this clip's alone.
  await expect.poll(countOpenGenerations).toBe(0);

  await page.getByRole('radio', { name: 'Webhook' }).check({ force: true });
  const before = await getStats(E2E.emulatorUrl);
  const card = await generate(page, 'A hummingbird hovering at a feeder');
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  const after = await getStats(E2E.emulatorUrl);

  const id = (await card.getAttribute('data-generation-id')) ?? '';
  await expect.poll(() => readGeneration(id)?.archive_sha256 ?? null).not.toBeNull();
  const row = readGeneration(id);
  expect(row).toMatchObject({ state: 'success', poll_count: 0 });
  // A callback that says success is confirmed by exactly one status call before its result URLs are trusted.
  expect(after.statusCalls - before.statusCalls).toBe(1);
  expect(after.callbacksDelivered - before.callbacksDelivered).toBe(1);

  // Replay the real delivery: the same status envelope the service sent.
  const status = await request.get(`${E2E.emulatorUrl}/api/v1/statusTask/wan-2-5?taskId=${row?.task_id}`, {
    headers: { authorization: `Bearer ${E2E.apiKey}` },
  });
  const envelope = await status.json();
  const url = `/api/wan/callback/${id}.${row?.callback_secret}`;
  const replay = await request.post(url, { data: envelope });
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toEqual({ ok: true, result: 'unchanged' });

  // A "failed" payload for the same task, after success: still nothing changes.
  const forged = { ...envelope, data: { ...envelope.data, state: 'failed', failCode: 'CONTENT_VIOLATION', resultJson: undefined } };
  expect((await request.post(url, { data: forged })).status()).toBe(200);

  // The right secret but another task's payload: refused.
  const otherTask = { ...envelope, data: { ...envelope.data, taskId: 'task_someone_else' } };
  expect((await request.post(url, { data: otherTask })).status()).toBe(400);

  // A wrong secret: not found, and nothing learned.
  const wrong = await request.post(`/api/wan/callback/${id}.${'A'.repeat(43)}`, { data: envelope });
  expect(wrong.status()).toBe(404);
  expect(await wrong.text()).not.toContain(id);

  // Garbage: a clear 400, never a 500.
  expect((await request.post(url, { data: 'not json at all' })).status()).toBe(400);

  const unchanged = readGeneration(id);
  expect(unchanged).toEqual(row);
  await page.reload();
  await expect(page.getByTestId('clip-card').filter({ hasText: 'hummingbird' }).getByTestId('state')).toHaveAttribute('data-state', 'success');
});
