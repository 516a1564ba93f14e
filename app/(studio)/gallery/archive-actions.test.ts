import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getGenerationForWorker } from '@/db/queries/tracker';
import type { Role } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { RESULT_URL_LIFETIME_MS } from '@/lib/generation/timings';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { session } from '@/test/session';

vi.mock('@/lib/auth/session', () => import('@/test/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { retryArchive } = await import('./archive-actions');

// The service's file host, on the configured API host; down until a test brings it back.
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(2_000)]);
let up = false;
let requests = 0;
const host = http.createServer((_req, res) => {
  requests += 1;
  if (!up) return res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': mp4.length }).end(mp4);
});
let base = '';
let owner: Owner;
let outsider: Owner;

function as(who: Owner, role: Role) {
  session.context = {
    user: { id: who.userId, name: 'x', email: 'x@example.test', isAdmin: false },
    team: { teamId: who.teamId, teamName: 'team', personal: false, role },
    member: { role, userId: who.userId },
    teams: [],
  };
}

/** A finished clip whose first copy attempt failed, the next one planned in 10 minutes. */
function unsavedClip(completedAt = new Date()) {
  return insertTestGeneration(owner, {
    state: 'success',
    resultUrls: [`${base}/result.mp4`],
    completedAt,
    archiveAttempts: 1,
    archiveError: 'The link answered HTTP 503',
    archiveNextAt: new Date(Date.now() + 10 * 60_000),
  });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  process.env.WAN_BASE_URL = `${base}/api/v1`;
  delete process.env.WAN_API_KEY;
  resetEnvForTests();
  owner = await createOwner('retry-owner@example.test');
  outsider = await createOwner('retry-outsider@example.test');
});
afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

describe('retryArchive (Retry now)', () => {
  it('saves the copy at once, without waiting for the planned attempt', async () => {
    up = true;
    as(owner, 'editor');
    const clip = await unsavedClip();
    const result = await retryArchive(clip.id);
    expect(result.ok && result.data).toMatchObject({ archived: true, sha256: crypto.createHash('sha256').update(mp4).digest('hex'), archiveError: null, archiveNextAt: null });
    expect((await getGenerationForWorker({ id: clip.id }))?.archiveAttempts).toBe(2);
  });

  it('while the host is still down: one more attempt, the new error and the next attempt shown', async () => {
    up = false;
    as(owner, 'owner');
    const clip = await unsavedClip();
    const result = await retryArchive(clip.id);
    expect(result.ok && result.data).toMatchObject({ archived: false, archiveAttempts: 2, archiveError: 'The link answered HTTP 503' });
    expect(result.ok && (result.data.archiveNextAt ?? 0) > Date.now()).toBe(true);
  });

  it('is refused to a viewer, a signed-out caller and another team, and changes nothing', async () => {
    up = true;
    const clip = await unsavedClip();
    const seen = requests;
    as(owner, 'viewer');
    expect(await retryArchive(clip.id)).toEqual({ ok: false, message: 'Your role in this team cannot do that.' });
    session.context = null;
    expect(await retryArchive(clip.id)).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    as(outsider, 'owner');
    expect(await retryArchive(clip.id)).toEqual({ ok: false, message: 'That clip does not exist.' });
    expect(await retryArchive('not-an-id')).toEqual({ ok: false, message: 'That clip does not exist.' });
    expect(requests).toBe(seen);
    expect(await getGenerationForWorker({ id: clip.id })).toMatchObject({ archiveAttempts: 1, archivedAt: null });
  });

  it('says so, without a download, once the service’s link has expired', async () => {
    up = true;
    as(owner, 'owner');
    const clip = await unsavedClip(new Date(Date.now() - RESULT_URL_LIFETIME_MS - 60_000));
    const seen = requests;
    const result = await retryArchive(clip.id);
    expect(result).toEqual({ ok: false, message: 'The service’s link expired before a copy could be saved; it can no longer be saved.' });
    expect(requests).toBe(seen);
  });
});
