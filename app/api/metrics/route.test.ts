import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { resetEnvForTests } from '@/lib/env';
import { generationRequestSchema } from '@/lib/generation/schema';
import { countUpstreamCall } from '@/lib/ops/metrics';
import { createWanClient } from '@/lib/wan/client';
import { toWanCreateBody } from '@/lib/wan/request-body';
import { createOwner, insertTestGeneration } from '@/test/fixtures';
import { GET } from './route';

const TOKEN = 'metrics-token-for-tests-0123456789';
const scrape = (authorization?: string) => GET(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }));
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  resetEnvForTests();
  await emulator.close();
});

describe('GET /api/metrics', () => {
  it('does not exist without METRICS_TOKEN, and asks for the token when it is set', async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvForTests();
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  });

  it('counts real upstream calls by route and status, 429s apart, and the clips by stage; never the key', async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    const client = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 5_000, onCall: countUpstreamCall });
    const request = { ...generationRequestSchema.parse({ prompt: 'a lighthouse counted once' }), seed: 4 };
    const { taskId } = await client.createTask(toWanCreateBody(request));
    await client.getTask(taskId);
    await client.getTask(taskId, 'wan-2-5-video').catch(() => undefined);
    countUpstreamCall({ method: 'POST', route: '/generateTask/wan-2-5', status: 429, ms: 3, requestId: 'r' });
    const owner = await createOwner('metrics@example.test');
    await insertTestGeneration(owner, { state: 'queued' });
    await insertTestGeneration(owner, { state: 'processing', taskId: crypto.randomUUID() });

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/wan_upstream_calls_total\{route="\/generateTask\/wan-2-5",status="200",instance_id="[^"]+"\} 1\n/);
    expect(text).toMatch(/wan_upstream_calls_total\{route="\/statusTask\/wan-2-5",status="200",instance_id="[^"]+"\} 1\n/);
    // The task is not the second model's: that endpoint does not know it.
    expect(text).toMatch(/wan_upstream_calls_total\{route="\/statusTask\/wan-2-5-video",status="404",instance_id="[^"]+"\} 1\n/);
    expect(text).toMatch(/wan_upstream_429_total\{route="\/generateTask\/wan-2-5",instance_id="[^"]+"\} 1\n/);
    expect(text).toMatch(/studio_clips\{stage="queued",instance_id="[^"]+"\} 1\n/);
    expect(text).toMatch(/studio_clips\{stage="in_flight",instance_id="[^"]+"\} 1\n/);
    expect(text).toMatch(/studio_long_polls_held\{instance_id="[^"]+"\} 0\n/);
    expect(text).toContain('studio_process_resident_memory_bytes');
    expect(text).not.toContain(KEY_A);
    expect(text).not.toContain(TOKEN);
  });
});
