import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { countUpstreamCall } from '@/lib/ops/metrics';
import { readiness } from '@/lib/ops/readiness';
import { GET as health } from '../health/route';
import { GET } from './route';

const videos = () => path.join(process.env.DATA_DIR ?? '', 'videos');
const TOKEN = 'ops-token-for-the-ready-test-0123';
const answer = async (token: string | undefined = TOKEN) => {
  const response = await GET(new Request('http://localhost/api/ready', { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> } };
};

beforeAll(() => {
  process.env.METRICS_TOKEN = TOKEN;
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvForTests();
});
afterEach(() => {
  countUpstreamCall({ method: 'GET', route: '/statusTask/wan-2-5', status: 200, ms: 1, requestId: 'r' });
});

describe('GET /api/health and /api/ready', () => {
  it('health answers without reading anything; ready checks the database (migrations applied) and storage', async () => {
    expect(await (await health()).json()).toEqual({ status: 'ok' });
    expect(await answer()).toEqual({ status: 200, body: { status: 'ready', checks: { database: { ok: true }, storage: { ok: true }, upstream: { ok: true } } } });
    // The write probe leaves nothing behind.
    expect(fs.readdirSync(videos()).filter((name) => name.startsWith('.ready-'))).toEqual([]);
  });

  it('reports upstream trouble as degraded (still 200: this instance can serve), and clears it on the next good answer', async () => {
    for (let i = 0; i < 3; i++) countUpstreamCall({ method: 'GET', route: '/statusTask/wan-2-5', status: 503, ms: 10, requestId: 'r' });
    expect(await answer()).toEqual({
      status: 200,
      body: { status: 'degraded', checks: { database: { ok: true }, storage: { ok: true }, upstream: { ok: false, detail: 'the Wan API failed the last 3 calls (HTTP 503)' } } },
    });
    // A stranger learns that it is degraded, not why.
    expect((await answer('not-the-token-at-all-0000')).body).toEqual({ status: 'degraded', checks: { database: { ok: true }, storage: { ok: true }, upstream: { ok: false } } });
    countUpstreamCall({ method: 'GET', route: '/statusTask/wan-2-5', status: 200, ms: 10, requestId: 'r' });
    expect((await answer()).body.status).toBe('ready');
  });

  it('is degraded while the key is out of credit and sending is paused', async () => {
    expect(await readiness({ creditPaused: async () => true })).toMatchObject({ status: 'degraded', checks: { upstream: { ok: false, detail: 'the API key is out of credit; sending is paused' } } });
  });

  it('is down (503) when storage cannot take a write', async () => {
    fs.rmSync(videos(), { recursive: true, force: true });
    fs.writeFileSync(videos(), 'a file where the folder should be');
    try {
      expect(await answer()).toMatchObject({ status: 503, body: { status: 'down', checks: { storage: { ok: false, detail: 'storage is not writable' } } } });
    } finally {
      fs.rmSync(videos(), { force: true });
    }
  });
});
