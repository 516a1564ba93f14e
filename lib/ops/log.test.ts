import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createWanClient } from '@/lib/wan/client';
import { toWanCreateBody } from '@/lib/wan/request-body';
import { createLog, logUpstreamCall } from './log';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

/** A log whose lines are kept, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  let raw = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLog(destination, 'info'), lines, raw: () => raw };
}

describe('the studio log', () => {
  it('writes one JSON line per upstream call, with route, task id, status, latency and the request id the service was sent', async () => {
    const { logger, lines, raw } = capture();
    const seen: string[] = [];
    const client = createWanClient({
      baseUrl: emulator.apiBaseUrl,
      apiKey: KEY_A,
      timeoutMs: 5_000,
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers).get('x-request-id') ?? '');
        return fetch(input, init);
      },
      onCall: (call) => logUpstreamCall(call, logger),
    });
    const { taskId } = await client.createTask(toWanCreateBody({ ...generationRequestSchema.parse({ prompt: 'a logged fox' }), seed: 1 }));
    await client.getTask(taskId);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'upstream', method: 'POST', route: '/generateTask/wan-2-5', status: 200, task_id: taskId, request_id: seen[0] });
    expect(lines[1]).toMatchObject({ event: 'upstream', method: 'GET', route: '/statusTask/wan-2-5', status: 200, task_id: taskId, request_id: seen[1] });
    expect(typeof lines[0]?.ms).toBe('number');
    expect(lines[0]).toHaveProperty('instance_id');
    expect(lines[0]).toHaveProperty('time');
    // The key, the prompt and the bodies stay out of it.
    expect(raw()).not.toContain(KEY_A);
    expect(raw()).not.toContain('a logged fox');
  });

  it('never writes a key, secret, password, token or cookie it is handed, at any depth it might come in', () => {
    const { logger, raw } = capture();
    const secrets = { authorization: `Bearer ${KEY_A}`, cookie: 'next-auth.session-token=abc123session', apiKey: KEY_A, password: 'hunter2-password', token: 'share-token-xyz', secret: 'cb-secret-1' };
    logger.info(secrets, 'top level');
    logger.info({ request: secrets, headers: { authorization: `Bearer ${KEY_A}`, cookie: 'next-auth.session-token=abc123session' } }, 'nested');
    for (const value of [KEY_A, 'abc123session', 'hunter2-password', 'share-token-xyz', 'cb-secret-1']) expect(raw()).not.toContain(value);
    expect(raw()).toContain('[redacted]');
  });
});
