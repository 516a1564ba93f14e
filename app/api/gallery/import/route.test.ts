import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listGenerationsByIds } from '@/db/queries/generations';
import { resetEnvForTests } from '@/lib/env';
import { exportZip } from '@/lib/export/export-clips';
import { setStatfsForTests } from '@/lib/storage/disk-space';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { streamingRequest } from '@/test/streams';
import { withEnv, zipBombOf } from '@/test/zip-bomb';
import { session } from '@/test/session';

vi.mock('@/lib/auth/session', () => import('@/test/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { POST } = await import('./route');

const dataDir = () => process.env.DATA_DIR ?? '';
const videoFiles = () => fs.readdirSync(path.join(dataDir(), 'videos')).sort();
const tmpFiles = () => (fs.existsSync(path.join(dataDir(), 'tmp')) ? fs.readdirSync(path.join(dataDir(), 'tmp')) : []);
let source: Owner;
let target: Owner;
let zip: Buffer<ArrayBuffer>;

function signInAs(owner: Owner, role: 'owner' | 'viewer') {
  session.context = {
    user: { id: owner.userId, name: 'T', email: 't@example.test', isAdmin: false },
    team: { teamId: owner.teamId, teamName: 'T', personal: true, role },
    member: { role, userId: owner.userId },
    teams: [],
  };
}

function upload(body: Buffer<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request('http://localhost:3000/api/gallery/import', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/zip', 'content-length': String(body.byteLength), ...headers },
  });
  return POST(request);
}

afterEach(() => setStatfsForTests());

beforeAll(async () => {
  source = await createOwner('import-source@example.test');
  target = await createOwner('import-target@example.test');
  const id = crypto.randomUUID();
  const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(5000)]);
  fs.mkdirSync(path.join(dataDir(), 'videos'), { recursive: true });
  fs.writeFileSync(path.join(dataDir(), 'videos', `${id}.mp4`), video);
  await insertTestGeneration(source, { id, state: 'success', archivePath: `${id}.mp4`, archiveSha256: crypto.createHash('sha256').update(video).digest('hex'), archivedAt: new Date() });
  zip = Buffer.from(await new Response(exportZip(await listGenerationsByIds({ ids: [id], teamId: source.teamId }), new Date())).arrayBuffer());
});

describe('POST /api/gallery/import', () => {
  it('re-creates the zip’s clips in the caller’s team and deletes the upload', async () => {
    signInAs(target, 'owner');
    const response = await upload(zip);
    expect(response.status).toBe(201);
    const { ids } = (await response.json()) as { ids: string[] };
    expect(ids).toHaveLength(1);
    expect((await listGenerationsByIds({ ids, teamId: target.teamId }))[0]?.state).toBe('success');
    expect(tmpFiles()).toEqual([]);

    // The same zip again: its clip is already in the gallery, so nothing is added, and the answer says so.
    const again = await upload(zip);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ids: [], skipped: 1 });
  });

  it('answers a cut-short zip with 400 and what is wrong', async () => {
    signInAs(target, 'owner');
    const response = await upload(zip.subarray(0, zip.length - 30));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'This is not a zip file, or it is cut short: its end-of-archive record is missing.', problems: [] });
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a body longer or shorter than its Content-Length, keeping no temp file', async () => {
    signInAs(target, 'owner');
    const longer = await upload(zip, { 'content-length': String(zip.length - 100) });
    expect(longer.status).toBe(413);
    expect(await longer.json()).toEqual({ error: 'The upload is longer than its Content-Length.' });
    const shorter = await upload(zip, { 'content-length': String(zip.length + 100) });
    expect(shorter.status).toBe(400);
    expect(tmpFiles()).toEqual([]);
  });

  it('needs a Content-Length of at most 4 GiB and a zip content type', async () => {
    signInAs(target, 'owner');
    expect((await POST(new Request('http://localhost:3000/api/gallery/import', { method: 'POST', headers: { 'content-type': 'application/zip' } }))).status).toBe(411);
    expect((await upload(zip, { 'content-length': String(4 * 1024 ** 3 + 1) })).status).toBe(413);
    expect((await upload(zip, { 'content-type': 'application/json' })).status).toBe(415);
  });

  it('refuses viewers, signed-out visitors and other sites', async () => {
    signInAs(target, 'viewer');
    expect((await upload(zip)).status).toBe(403);
    session.context = null;
    expect((await upload(zip)).status).toBe(401);
    signInAs(target, 'owner');
    expect((await upload(zip, { origin: 'https://evil.example' })).status).toBe(400);
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a zip bomb (100 MB of video in a small zip, over a 10 MB cap) with no file left under videos or tmp', async () => {
    signInAs(target, 'owner');
    const exported = path.join(dataDir(), 'export.zip');
    fs.writeFileSync(exported, zip);
    const bomb = fs.readFileSync(zipBombOf(exported, dataDir(), 100 * 1024 ** 2));
    const before = videoFiles();
    await withEnv({ IMPORT_MAX_TOTAL_BYTES: String(10 * 1024 ** 2) }, resetEnvForTests, async () => {
      const response = await upload(bomb);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toMatch(/^This zip expands to 100 MB, more than the 10 MB one import may hold/);
    });
    expect(videoFiles()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses an import when the disk is almost full, or fills up during the upload, keeping no file', async () => {
    signInAs(target, 'owner');
    const before = videoFiles();
    setStatfsForTests(async () => ({ bavail: 1000, bsize: 4096 }));
    const refused = await upload(zip);
    expect(refused.status).toBe(507);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^The studio's disk is almost full/);

    // Room when the upload starts, none 8 MB into it.
    let checks = 0;
    setStatfsForTests(async () => ({ bavail: ++checks === 1 ? 1024 ** 4 : 0, bsize: 1 }));
    const big = Buffer.alloc(20 * 1024 * 1024);
    const filling = await upload(big);
    expect(filling.status).toBe(507);
    expect(checks).toBe(2);
    expect(videoFiles()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('runs one import at a time per team: a second one meanwhile is answered 409', async () => {
    signInAs(target, 'owner');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(zip.subarray(0, 100));
        await held;
        controller.enqueue(zip.subarray(100));
        controller.close();
      },
    });
    const first = POST(streamingRequest('http://localhost:3000/api/gallery/import', body, { 'content-type': 'application/zip', 'content-length': String(zip.length) }));
    const second = await upload(zip);
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ error: 'Another import into this team is still running. Wait for it to finish, then try again.' });
    release();
    // The clip is in the team's gallery since the first test: nothing new, but no refusal either.
    expect((await first).status).toBe(200);
    // Once the first is done, the team may import again.
    expect((await upload(zip)).status).toBe(200);
    expect(tmpFiles()).toEqual([]);
  });
});
