import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setBalance } from './admin-client';
import { DEFAULT_PRICES } from './billing';
import { parseEmulatorEnv } from './emulator-env';
import { PROVIDER_PROFILES } from './providers';
import { KEY_A, KEY_B, startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § Also on the same host: GET /apikeys/current-balance (USD, a bare number) and 402 on create. */
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ startingBalance: 10, prices: { 'wan-2-5-video': { '480p': 0.04 } } });
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.setBalance(10));

// Blocklisted prompts finish without a render: only their price matters here.
const probe = { prompt: 'forbidden balance probe', seed: 1 };
const VIDEO = 'wan-2-5-video';

async function spentOn(model: 'wan-2-5' | 'wan-2-5-video', input: Record<string, unknown>, provider = 'value'): Promise<number> {
  const before = await emulator.balance();
  await emulator.createTask({ ...probe, ...input }, { provider }, KEY_A, model);
  return Math.round((before - (await emulator.balance())) * 10_000) / 10_000;
}

describe('GET /apikeys/current-balance: {"code":200,"message":"success","data":<USD>}', () => {
  it('answers the configured starting balance as a bare number', async () => {
    expect(await emulator.call('/apikeys/current-balance', { key: KEY_B })).toEqual({ httpStatus: 200, envelope: { code: 200, message: 'success', data: 10 } });
  });

  it('drops by price per second × duration × the provider’s factor, per model and resolution', async () => {
    const value = PROVIDER_PROFILES.value.priceFactor;
    expect(await spentOn('wan-2-5', { resolution: '720p', duration: 5 })).toBe(Math.round(0.06 * 5 * value * 10_000) / 10_000);
    expect(await spentOn('wan-2-5', { resolution: '1080p', duration: 10 })).toBe(Math.round((DEFAULT_PRICES['wan-2-5']['1080p'] ?? 0) * 10 * value * 10_000) / 10_000);
    // 480p is configured at 0.04 for this emulator; 1080p keeps its default 0.15.
    expect(await spentOn(VIDEO, { resolution: '480p', duration: 5 })).toBe(Math.round(0.04 * 5 * value * 10_000) / 10_000);
    expect(await spentOn(VIDEO, { resolution: '1080p', duration: 5 }, 'official')).toBe(Math.round(0.15 * 5 * PROVIDER_PROFILES.official.priceFactor * 10_000) / 10_000);
  });

  it('is per key', async () => {
    emulator.setBalance(3, KEY_B);
    await emulator.createTask(probe);
    expect(await emulator.balance(KEY_B)).toBe(3);
  });
});

describe('402: a create the balance cannot cover', () => {
  it('answers 402 "Insufficient balance", creates nothing and charges nothing', async () => {
    emulator.setBalance(0.2);
    const tasksBefore = emulator.stats().tasksCreated;
    // 720p 5 s on value costs 0.24.
    const reply = await emulator.call('/generateTask/wan-2-5', { body: { provider: 'value', input: probe } });
    expect(reply).toEqual({
      httpStatus: 402,
      envelope: { code: 402, message: 'Insufficient balance', data: { error: 'The balance (0.2000 USD) does not cover this task (0.2400 USD)' } },
    });
    expect(emulator.stats().tasksCreated).toBe(tasksBefore);
    expect(await emulator.balance()).toBe(0.2);
  });

  it('a cheaper task still fits: 480p on the second model costs 0.16', async () => {
    emulator.setBalance(0.2);
    expect((await emulator.call(`/generateTask/${VIDEO}`, { body: { provider: 'value', input: { ...probe, resolution: '480p' } } })).httpStatus).toBe(200);
    expect(await emulator.balance()).toBe(0.04);
    expect((await emulator.call(`/generateTask/${VIDEO}`, { body: { input: { ...probe, resolution: '480p' } } })).httpStatus).toBe(402);
  });

  it('validation comes first: a bad body is 400 even without credit', async () => {
    emulator.setBalance(0);
    expect((await emulator.call('/generateTask/wan-2-5', { body: { input: {} } })).httpStatus).toBe(400);
  });

  it('creates work again once the balance is back (admin PUT /__admin/balance)', async () => {
    await setBalance(emulator.url, 0);
    expect((await emulator.call('/generateTask/wan-2-5', { body: { input: probe } })).httpStatus).toBe(402);
    expect(await emulator.balance(KEY_B)).toBe(0);
    await setBalance(emulator.url, 5, { key: KEY_A });
    expect((await emulator.call('/generateTask/wan-2-5', { body: { input: probe } })).httpStatus).toBe(200);
    expect((await emulator.call('/generateTask/wan-2-5', { key: KEY_B, body: { input: probe } })).httpStatus).toBe(402);
  });

  it('a task the service cannot serve (MODEL_UNAVAILABLE) costs nothing, so it needs no balance', async () => {
    emulator.setBalance(0);
    emulator.setFaults({ providerFault: true });
    try {
      expect((await emulator.call('/generateTask/wan-2-5', { body: { provider: 'value', input: probe } })).httpStatus).toBe(200);
    } finally {
      emulator.setFaults({});
    }
  });
});

describe('PUT /__admin/balance', () => {
  async function put(body: string) {
    const response = await fetch(`${emulator.url}/__admin/balance`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('sets every key, or one key, and answers what it set', async () => {
    expect(await put('{"balance": 7.5}')).toEqual({ status: 200, body: { balance: 7.5 } });
    expect(await emulator.balance(KEY_B)).toBe(7.5);
    expect(await put(`{"balance": 1, "key": "${KEY_B}"}`)).toEqual({ status: 200, body: { key: KEY_B, balance: 1 } });
    expect(await emulator.balance(KEY_A)).toBe(7.5);
  });

  it.each([
    ['{"balance": -1}', 'balance must not be negative'],
    ['{"balance": "5"}', 'balance must be a number (USD)'],
    ['{}', 'balance must be a number (USD)'],
    ['{"balance": 1, "keys": []}', 'Unrecognized key: "keys"'],
    ['[]', 'the body must be an object like {"balance": 0}'],
    ['{"balance": ', 'Invalid JSON body'],
  ])('%s answers 400 with a clear message', async (body, error) => {
    expect(await put(body)).toEqual({ status: 400, body: { error } });
  });
});

describe('EMULATOR_BALANCE and EMULATOR_PRICES', () => {
  it('parse into the starting balance and per-model price overrides', () => {
    expect(parseEmulatorEnv({ EMULATOR_BALANCE: '2.5', EMULATOR_PRICES: '{"wan-2-5-video":{"480p":0.03}}' })).toMatchObject({
      ok: true,
      env: { EMULATOR_BALANCE: 2.5, EMULATOR_PRICES: { 'wan-2-5-video': { '480p': 0.03 } } },
    });
  });

  it('refuse a price for a resolution the model does not have, or a negative one', () => {
    expect(parseEmulatorEnv({ EMULATOR_PRICES: '{"wan-2-5":{"480p":0.03}}' })).toEqual({ ok: false, problems: ['EMULATOR_PRICES.wan-2-5.480p: wan-2-5 has no 480p'] });
    expect(parseEmulatorEnv({ EMULATOR_PRICES: '{"wan-2-5":{"720p":-1}}' })).toEqual({ ok: false, problems: ['EMULATOR_PRICES.wan-2-5.720p: a price must not be negative'] });
    expect(parseEmulatorEnv({ EMULATOR_BALANCE: '-3' })).toMatchObject({ ok: false });
  });
});
