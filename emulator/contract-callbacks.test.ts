import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_RETRY_DELAYS_MS } from './callbacks';
import { startCallbackReceiver, type CallbackReceiver } from './test-callback-receiver';
import { startTestEmulator, waitUntil, type TestEmulator } from './test-kit';

/** Contract § Callback mode. */
const SCALE = 0.005;
let emulator: TestEmulator;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [emulator, receiver] = await Promise.all([startTestEmulator({ timeScale: SCALE }), startCallbackReceiver()]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), receiver.close()]);
});

async function createWithCallback(prompt: string, path: string): Promise<string> {
  return emulator.createTask({ prompt, seed: 99 }, { request_type: 'callback', callback_url: receiver.url(path) });
}

describe.concurrent('Callback mode: the service POSTs the exact status response, envelope included', () => {
  it('on success, as JSON, to the callback URL with its per-task secret path', async () => {
    const path = '/ok/secret-success';
    const taskId = await createWithCallback('a kite over the dunes', path);
    await waitUntil(() => receiver.deliveriesTo(path).length === 1, 'the success callback');
    const [delivery] = receiver.deliveriesTo(path);
    const status = await emulator.status(taskId);
    expect(status.state).toBe('success');
    expect(delivery?.contentType).toMatch(/^application\/json/);
    expect(delivery?.body).toEqual({ code: 200, message: 'success', data: status });
  });

  it('on failure too (success or failure only, never for pending/processing)', async () => {
    const path = '/ok/secret-failure';
    const taskId = await createWithCallback('a forbidden kite', path);
    await waitUntil(() => receiver.deliveriesTo(path).length === 1, 'the failure callback');
    const status = await emulator.status(taskId);
    expect(status.state).toBe('failed');
    expect(receiver.deliveriesTo(path).map((delivery) => delivery.body)).toEqual([{ code: 200, message: 'success', data: status }]);
  });

  it('a receiver answering 500 twice then 200 gets 3 attempts, with growing delays', async () => {
    const path = '/flaky/secret-retry';
    await createWithCallback('a forbidden retry', path);
    await waitUntil(() => receiver.deliveriesTo(path).length === 3, 'three attempts');
    const times = receiver.deliveriesTo(path).map((delivery) => delivery.at);
    const [first = 0, second = 0, third = 0] = times;
    const [firstDelay = 0, secondDelay = 0] = CALLBACK_RETRY_DELAYS_MS;
    expect(second - first).toBeGreaterThanOrEqual(firstDelay * SCALE - 5);
    expect(third - second).toBeGreaterThanOrEqual(secondDelay * SCALE - 5);
    expect(third - second).toBeGreaterThan(second - first);
    const bodies = receiver.deliveriesTo(path).map((delivery) => JSON.stringify(delivery.body));
    expect(new Set(bodies).size).toBe(1);
  });

  it('a receiver that never answers 200 gets the first attempt and 3 retries, then nothing', async () => {
    const path = '/down/secret-gone';
    await createWithCallback('a forbidden silence', path);
    await waitUntil(() => receiver.deliveriesTo(path).length === 4, 'four attempts');
    const lastRetry = CALLBACK_RETRY_DELAYS_MS.at(-1) ?? 0;
    await new Promise((resolve) => setTimeout(resolve, lastRetry * SCALE * 2));
    expect(receiver.deliveriesTo(path)).toHaveLength(4);
  });
});

describe('Callback mode: stats count attempts and deliveries', () => {
  it('counts every attempt and each delivered callback once', async () => {
    const before = emulator.stats();
    const path = '/flaky/secret-stats';
    await createWithCallback('a forbidden counter', path);
    await waitUntil(() => emulator.stats().callbacksDelivered === before.callbacksDelivered + 1, 'the delivery');
    const after = emulator.stats();
    expect(after.callbackAttempts - before.callbackAttempts).toBe(3);
  });
});
