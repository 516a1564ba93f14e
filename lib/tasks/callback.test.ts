import { beforeAll, describe, expect, it } from 'vitest';
import { getGenerationForWorker } from '@/db/queries/generations';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import type { NewGeneration } from '@/db/schema';
import { handleCallback } from './callback';
import { newCallbackSecret } from './callback-url';

let owner: Owner;
const clock = { now: () => new Date(), pollScale: 1 };

async function webhookGeneration(values: Partial<NewGeneration> = {}) {
  const secret = newCallbackSecret();
  const row = await insertTestGeneration(owner, {
    requestType: 'callback',
    callbackSecret: secret,
    taskId: `task_${crypto.randomUUID()}`,
    state: 'processing',
    nextPollAt: new Date(Date.now() + 60_000),
    ...values,
  });
  return { row, token: `${row.id}.${secret}` };
}

const success = (taskId: string | null) => ({
  code: 200,
  message: 'success',
  data: { taskId, state: 'success', resultJson: JSON.stringify({ resultUrls: ['https://cdn.example/v.mp4'] }), createTime: 1, completeTime: 2, costTime: 1 },
});

beforeAll(async () => {
  owner = await createOwner('cb@example.test');
});

describe('handleCallback', () => {
  it('applies a delivery once; a replay changes nothing', async () => {
    const { row, token } = await webhookGeneration();
    expect(await handleCallback(token, success(row.taskId), clock)).toEqual({ status: 200, result: 'applied' });
    const after = await getGenerationForWorker({ id: row.id });
    expect(after).toMatchObject({ state: 'success', resultUrls: ['https://cdn.example/v.mp4'], pollCount: 0, nextPollAt: null });
    expect(await handleCallback(token, success(row.taskId), clock)).toEqual({ status: 200, result: 'unchanged' });
    expect(await getGenerationForWorker({ id: row.id })).toEqual(after);
  });

  it('answers 404 to a wrong or malformed secret, and changes nothing', async () => {
    const { row } = await webhookGeneration();
    expect(await handleCallback(`${row.id}.${newCallbackSecret()}`, success(row.taskId), clock)).toEqual({ status: 404 });
    expect(await handleCallback('nonsense', success(row.taskId), clock)).toEqual({ status: 404 });
    expect((await getGenerationForWorker({ id: row.id }))?.state).toBe('processing');
  });

  it('refuses a payload that is not a status envelope, or is for another task', async () => {
    const { row, token } = await webhookGeneration();
    expect(await handleCallback(token, { hello: 'world' }, clock)).toMatchObject({ status: 400 });
    expect(await handleCallback(token, success('task_other'), clock)).toMatchObject({ status: 400 });
    expect((await getGenerationForWorker({ id: row.id }))?.state).toBe('processing');
  });

  it('adopts the task of a send whose answer was lost: its own secret proves it was created', async () => {
    const { row, token } = await webhookGeneration({ state: 'unknown', taskId: null, failCode: 'OUTCOME_UNKNOWN' });
    expect(await handleCallback(token, success('task_recovered'), clock)).toEqual({ status: 200, result: 'applied' });
    expect(await getGenerationForWorker({ id: row.id })).toMatchObject({ state: 'success', taskId: 'task_recovered', failCode: null });
  });
});
