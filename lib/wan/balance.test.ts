import { closedPort } from '@/test/net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { parseBalanceAnswer, readBalanceUsd } from './balance';

// The balance is a nicety: the header shows it when the service says a plain number, and nothing otherwise.

describe('parseBalanceAnswer', () => {
  it('reads the documented answer, a bare USD number', () => {
    expect(parseBalanceAnswer(200, '{"code":200,"message":"success","data":74.8700}')).toBe(74.87);
    expect(parseBalanceAnswer(200, '{"code":200,"message":"success","data":0}')).toBe(0);
  });

  it.each([
    ['an empty body', 200, ''],
    ['HTML', 200, '<html>Bad gateway</html>'],
    ['JSON that is not an envelope', 200, '74.87'],
    ['no data', 200, '{"code":200,"message":"success"}'],
    ['data as a string', 200, '{"code":200,"message":"success","data":"74.87"}'],
    ['data as an object', 200, '{"code":200,"message":"success","data":{"balance":74.87}}'],
    ['data null', 200, '{"code":200,"message":"success","data":null}'],
    ['an absurd amount', 200, '{"code":200,"message":"success","data":1e300}'],
    ['another envelope code', 200, '{"code":500,"message":"error","data":74.87}'],
    ['an HTTP error with a number in it', 500, '{"code":200,"message":"success","data":74.87}'],
    ['a 401', 401, '{"code":401,"message":"Unauthorized"}'],
    ['an array', 200, '[74.87]'],
  ])('is no balance for %s', (_label, status, text) => {
    expect(parseBalanceAnswer(status, text)).toBeUndefined();
  });
});

describe('readBalanceUsd against the emulator', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.stop());
  const read = (apiKey = KEY_A, baseUrl = emulator.apiBaseUrl) => readBalanceUsd({ baseUrl, apiKey, timeoutMs: 2_000 });

  it('follows the balance the admin sets, and is nothing for a refused key', async () => {
    emulator.setBalance(12.5);
    expect(await read()).toBe(12.5);
    emulator.setBalance(0);
    expect(await read()).toBe(0);
    expect(await read('not-a-key')).toBeUndefined();
    emulator.setBalance(1000);
  });

  it('is nothing, not an error, when the service fails or is unreachable', async () => {
    for (const fault of [{ errorRate: 1 }, { malformedRate: 1 }]) {
      emulator.setFaults({ ...fault, routes: ['balance'] });
      try {
        expect(await read()).toBeUndefined();
      } finally {
        emulator.setFaults({});
      }
    }
    expect(await read()).toBe(1000);
    expect(await read(KEY_A, `http://127.0.0.1:${await closedPort()}/api/v1`)).toBeUndefined();
  });
});
