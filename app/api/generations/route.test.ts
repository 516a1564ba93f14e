import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { memberships } from '@/db/schema';
import type { StudioContext } from '@/lib/auth/session';
import { createOwner } from '@/test/fixtures';
import { countedStream, streamingRequest } from '@/test/streams';
import { session } from '@/test/session';

vi.mock('@/lib/auth/session', () => import('@/test/session'));

const { POST } = await import('./route');

const URL = 'http://localhost:3000/api/generations';
let editor: StudioContext;

const postJson = (body: string) => POST(new Request(URL, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));

beforeAll(async () => {
  const owner = await createOwner('gen-route-owner@example.test');
  const teammate = await createOwner('gen-route-editor@example.test');
  await getDb().insert(memberships).values({ teamId: owner.teamId, userId: teammate.userId, role: 'editor' });
  editor = {
    user: { id: teammate.userId, name: 'E', email: 'gen-route-editor@example.test', isAdmin: false },
    team: { teamId: owner.teamId, teamName: 'T', personal: false, role: 'editor' },
    member: { role: 'editor', userId: teammate.userId },
    teams: [],
  };
});

describe('POST /api/generations', () => {
  it('stops a 1.5 GB chunked body from an editor at 64 KiB and one chunk, answering 413', async () => {
    session.context = editor;
    const { stream, stats } = countedStream();
    const response = await POST(streamingRequest(URL, stream));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('A generation request is at most 64 KiB of JSON.');
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024 + 64 * 1024);
    expect(stats.cancelled).toBe(true);
  });

  it('answers a signed-out caller 401 without reading a byte of the body', async () => {
    session.context = null;
    const { stream, stats } = countedStream();
    const response = await POST(streamingRequest(URL, stream));
    expect(response.status).toBe(401);
    expect(stats.pulled).toBe(0);
  });

  it('answers malformed JSON 400, saying so', async () => {
    session.context = editor;
    const response = await postJson('{"prompt":');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('Expected a JSON body.');
  });

  it('refuses a prompt with a NUL 400, naming U+0000 NUL', async () => {
    session.context = editor;
    const response = await postJson(JSON.stringify({ prompt: 'a cat\u0000 on a roof' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: { prompt?: string[] } };
    expect(body.fieldErrors.prompt?.join(' ')).toContain('U+0000 NUL');
  });
});
