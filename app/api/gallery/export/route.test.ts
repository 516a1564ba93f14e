import { describe, expect, it, vi } from 'vitest';
import type { StudioContext } from '@/lib/auth/session';
import { createOwner } from '@/test/fixtures';
import { countedStream, streamingRequest } from '@/test/streams';

const session = vi.hoisted(() => ({ context: null as StudioContext | null }));
vi.mock('@/lib/auth/session', () => ({
  authorize: async () => (session.context ? { ok: true, context: session.context } : { ok: false, status: 401 }),
}));

const { POST } = await import('./route');
const URL = 'http://localhost:3000/api/gallery/export';
const form = { 'content-type': 'multipart/form-data; boundary=x' };

describe('POST /api/gallery/export', () => {
  it('refuses a signed-out visitor before reading any of the body', async () => {
    session.context = null;
    const { stream, stats } = countedStream();
    expect((await POST(streamingRequest(URL, stream, form))).status).toBe(401);
    expect(stats.pulled).toBe(0);
  });

  it('reads at most a small form for a member: an endless one is stopped with 413', async () => {
    const owner = await createOwner('export@example.test');
    session.context = {
      user: { id: owner.userId, name: 'T', email: 'export@example.test', isAdmin: false },
      team: { teamId: owner.teamId, teamName: 'T', personal: true, role: 'owner' },
      member: { role: 'owner', userId: owner.userId },
      teams: [],
    };
    const { stream, stats } = countedStream();
    expect((await POST(streamingRequest(URL, stream, form))).status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024 * 2);
    expect((await POST(new Request(URL, { method: 'POST', body: 'garbage', headers: form }))).status).toBe(400);
  });
});
