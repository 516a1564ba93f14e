import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGenerationForWorker, listSuccessesWithoutArchive, listUnarchivedSuccessIds, updateGeneration } from '@/db/queries/tracker';
import { resetEnvForTests } from '@/lib/env';
import { LINK_EXPIRED, RESULT_URL_LIFETIME_MS } from '@/lib/generation/timings';
import { toView } from '@/lib/generation/view';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { archiveGeneration, MAX_RETRY_MS, type ArchiveDeps } from './archive';

// A 1 MB cap for this file; real waits (no time scale), since the clock is injected below.
process.env.ARCHIVE_MAX_BYTES = String(1024 * 1024);
process.env.WAN_POLL_SCALE = '1';

// A stand-in for the service's CDN whose answers each test chooses. It lives on the configured API
// host (the local emulator's place), the one host plain http and a loopback address are allowed for.
type Answer = { status: number; type: string; body: Buffer; location?: string };
let serve: (req: http.IncomingMessage) => Answer = () => ({ status: 200, type: 'video/mp4', body: Buffer.alloc(0) });
let requests = 0;
const server = http.createServer((req, res) => {
  requests += 1;
  const answer = serve(req);
  res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': answer.body.length, ...(answer.location ? { location: answer.location } : {}) });
  res.end(answer.body);
});
// Anything else on this machine a redirect might aim at.
let inside = 0;
const internal = http.createServer((_req, res) => {
  inside += 1;
  res.writeHead(200, { 'content-type': 'video/mp4' }).end(mp4);
});
let base = '';
let owner: Owner;
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(4_000)]);
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const always = (answer: Answer) => () => answer;

async function finishedClip(completedAt = new Date()) {
  return insertTestGeneration(owner, { state: 'success', resultUrls: [`${base}/result.mp4`], completedAt });
}

// The tracker passes its notifier; here each change is recorded.
const changed: string[] = [];
const archive = (id: string, deps: Partial<ArchiveDeps> = {}) => archiveGeneration(id, { onChange: (changedId: string) => changed.push(changedId), ...deps });

const videosDir = () => path.join(process.env.DATA_DIR ?? '', 'videos');
const due = (now: Date) => listUnarchivedSuccessIds({ limit: 1_000, now, completedAfter: new Date(now.getTime() - RESULT_URL_LIFETIME_MS) });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WAN_BASE_URL = `${base}/api/v1`;
  delete process.env.WAN_API_KEY;
  resetEnvForTests();
  owner = await createOwner('ar@example.test');
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => internal.close(() => resolve()));
});

describe('archiveGeneration', () => {
  it('stores the exact bytes with their sha256 and size', async () => {
    serve = always({ status: 200, type: 'video/mp4', body: mp4 });
    const row = await finishedClip();
    await archive(row.id);
    const archived = await getGenerationForWorker({ id: row.id });
    expect(archived?.archiveSha256).toBe(sha256(mp4));
    expect(archived?.archiveBytes).toBe(mp4.length);
    expect(fs.readFileSync(path.join(videosDir(), archived?.archivePath ?? '')).equals(mp4)).toBe(true);
    // Members watching the clip are told through the caller's callback.
    expect(changed).toContain(row.id);
  });

  it.each([
    ['an HTML error page', { status: 200, type: 'text/html', body: Buffer.from('<html>oops</html>') }, /content-type text\/html/],
    ['bytes that are not a video', { status: 200, type: 'video/mp4', body: Buffer.from('definitely not an mp4 file') }, /not a video file/],
    ['a WebM file (only MP4/MOV is kept)', { status: 200, type: 'video/webm', body: Buffer.from([0x1a, 0x45, 0xdf, 0xa3, ...crypto.randomBytes(100)]) }, /not a video file/],
    ['a 404', { status: 404, type: 'text/plain', body: Buffer.from('gone') }, /HTTP 404/],
  ])('refuses %s, keeps no partial file, and schedules a retry', async (_name, answer, reason) => {
    serve = always(answer);
    const row = await finishedClip();
    await expect(archive(row.id)).rejects.toThrow(reason);
    const after = await getGenerationForWorker({ id: row.id });
    expect(after).toMatchObject({ archivedAt: null, archiveAttempts: 1 });
    expect(after?.archiveError).toMatch(reason);
    expect(after?.archiveNextAt?.getTime()).toBeGreaterThan(Date.now());
    expect(fs.readdirSync(videosDir()).filter((name) => name.startsWith(row.id))).toEqual([]);
    // Not retried before its backoff; listed by the expiry guard meanwhile.
    expect(await due(new Date())).not.toContain(row.id);
    expect((await listSuccessesWithoutArchive({ limit: 100 })).map((r) => r.id)).toContain(row.id);
    expect(await due(new Date(Date.now() + 60 * 60_000))).toContain(row.id);
  });

  it('refuses a file over the size cap while streaming', async () => {
    serve = always({ status: 200, type: 'video/mp4', body: Buffer.concat([mp4, Buffer.alloc(1024 * 1024)]) });
    const row = await finishedClip();
    await expect(archive(row.id)).rejects.toThrow(/larger than 1048576 bytes/);
    expect(fs.readdirSync(videosDir()).filter((name) => name.startsWith(row.id))).toEqual([]);
  });
});

/**
 * Runs the sweeper's part with an injected clock: jumps to each planned attempt, checks the row is
 * due then (and not a moment before), and runs it. Returns the times of the attempts made.
 */
async function driveAttempts(id: string, clock: { now: Date }, until: Date): Promise<Date[]> {
  const attempts: Date[] = [];
  for (;;) {
    const row = await getGenerationForWorker({ id });
    if (!row || row.archivedAt) return attempts;
    if (attempts.length > 0) {
      // Given up (the link expires before another attempt could be made): nothing more is planned.
      if (!row.archiveNextAt || row.archiveError?.startsWith(LINK_EXPIRED)) return attempts;
      expect(await due(new Date(row.archiveNextAt.getTime() - 1))).not.toContain(id);
      clock.now = row.archiveNextAt;
    }
    if (clock.now > until) return attempts;
    expect(await due(clock.now)).toContain(id);
    attempts.push(clock.now);
    await archive(id, { now: () => clock.now }).catch(() => undefined);
  }
}

const gaps = (times: Date[]) => times.slice(1).map((time, i) => time.getTime() - (times[i]?.getTime() ?? 0));

describe('archiving outlasts an outage, until the service’s link expires', () => {
  it('an archive that succeeds after 30 minutes of outage (time injected)', async () => {
    const start = new Date();
    const clock = { now: start };
    const outageEnds = start.getTime() + 30 * 60_000;
    serve = () => (clock.now.getTime() < outageEnds ? { status: 503, type: 'text/plain', body: Buffer.from('down for maintenance') } : { status: 200, type: 'video/mp4', body: mp4 });
    const row = await finishedClip(start);

    const attempts = await driveAttempts(row.id, clock, new Date(start.getTime() + 2 * 60 * 60_000));

    const archived = await getGenerationForWorker({ id: row.id });
    expect(archived?.archiveSha256).toBe(sha256(mp4));
    expect(archived).toMatchObject({ archiveError: null, archiveNextAt: null, archiveAttempts: attempts.length });
    expect(fs.readFileSync(path.join(videosDir(), archived?.archivePath ?? '')).equals(mp4)).toBe(true);
    // The old limit gave up after 8 attempts (about 21 minutes); the waits now stop growing at 15 minutes.
    expect(attempts.length).toBeGreaterThan(8);
    expect(gaps(attempts)[0]).toBe(10_000);
    expect(Math.max(...gaps(attempts))).toBe(MAX_RETRY_MS);
    // Saved at the first attempt after the outage: within 15 minutes of its end.
    expect((attempts.at(-1)?.getTime() ?? 0) - outageEnds).toBeLessThanOrEqual(MAX_RETRY_MS);
  });

  it('keeps trying every 15 minutes until the link expires, then stops with a clear reason', async () => {
    const start = new Date();
    const clock = { now: start };
    const completedAt = new Date(start.getTime() - RESULT_URL_LIFETIME_MS + 2 * 60 * 60_000);
    const expiresAt = completedAt.getTime() + RESULT_URL_LIFETIME_MS;
    serve = always({ status: 503, type: 'text/plain', body: Buffer.from('down') });
    const row = await finishedClip(completedAt);

    const attempts = await driveAttempts(row.id, clock, new Date(expiresAt + 24 * 60 * 60_000));

    const stopped = await getGenerationForWorker({ id: row.id });
    // Not due again before the link expires, and after that the sweeper's 15-day window leaves it out.
    expect(stopped).toMatchObject({ archivedAt: null, archiveNextAt: new Date(expiresAt) });
    expect(stopped?.archiveError).toBe(`${LINK_EXPIRED} (last try: The link answered HTTP 503)`);
    // Two hours of tries: the backoff's first 21 minutes, then one every 15 minutes up to the expiry.
    expect(attempts.length).toBeGreaterThanOrEqual(13);
    expect(Math.max(...gaps(attempts))).toBeLessThanOrEqual(MAX_RETRY_MS);
    expect(expiresAt - (attempts.at(-1)?.getTime() ?? 0)).toBeLessThanOrEqual(MAX_RETRY_MS);
    // Nothing is attempted after the expiry: not by the sweeper, and not by a direct call.
    const after = new Date(expiresAt + 60_000);
    expect(await due(after)).not.toContain(row.id);
    const seen = requests;
    await archive(row.id, { now: () => after });
    expect(requests).toBe(seen);
    expect((await getGenerationForWorker({ id: row.id }))?.archiveAttempts).toBe(attempts.length);
  });

  it('a clip given up on shortly before its link expires is not due again until then: the sweeper does not spin on it', async () => {
    const now = new Date();
    serve = always({ status: 503, type: 'text/plain', body: Buffer.from('down') });
    // The link has 5 s left, less than the first backoff: this attempt is the last.
    const row = await finishedClip(new Date(now.getTime() - RESULT_URL_LIFETIME_MS + 5_000));
    await archive(row.id, { now: () => now }).catch(() => undefined);
    expect((await getGenerationForWorker({ id: row.id }))?.archiveError).toMatch(new RegExp(`^${LINK_EXPIRED}`));
    expect(await due(new Date(now.getTime() + 1_000))).not.toContain(row.id);
    expect(await due(new Date(now.getTime() + 4_000))).not.toContain(row.id);
  });

  it('a clip that expired before any attempt is marked so, without a download', async () => {
    const row = await finishedClip(new Date(Date.now() - RESULT_URL_LIFETIME_MS - 60_000));
    expect(await due(new Date())).not.toContain(row.id);
    const seen = requests;
    await archive(row.id);
    expect(requests).toBe(seen);
    expect(await getGenerationForWorker({ id: row.id })).toMatchObject({ archiveError: LINK_EXPIRED, archiveNextAt: null, archivedAt: null });
  });
});

describe('a crash in the middle of an attempt', () => {
  it('does not end the retries: the clip is due again at once after a restart, and is not shown as given up', async () => {
    const row = await finishedClip();
    // What an attempt writes before it downloads; then the process dies, writing nothing more.
    await updateGeneration({ id: row.id, values: { archiveAttempts: 1 } });
    expect(await due(new Date())).toContain(row.id);
    const stored = await getGenerationForWorker({ id: row.id });
    expect(stored && toView({ ...stored, authorName: 'A' })).toMatchObject({ archiveStopped: false, archiveAttempts: 1 });
  });
});

describe('archive downloads cannot be pointed at our own network', () => {
  it.each([
    ['another port on loopback', () => `http://127.0.0.1:${(internal.address() as AddressInfo).port}/video.mp4`, /plain http/],
    ['another port on loopback, over https', () => `https://127.0.0.1:${(internal.address() as AddressInfo).port}/video.mp4`, /private or local network address/],
    ['localhost by name', () => `http://localhost:${(internal.address() as AddressInfo).port}/video.mp4`, /plain http|private or local network address/],
    ['the cloud metadata service', () => 'http://169.254.169.254/latest/meta-data/', /plain http|private or local network address/],
    ['the metadata service over https', () => 'https://169.254.169.254/latest/meta-data/', /private or local network address/],
    ['a plain-http host that is not the API', () => 'http://example.com/video.mp4', /Only https links can be used/],
    ['a file: URL', () => 'file:///etc/passwd', /Only http and https links/],
  ])('a result URL redirecting to %s is refused, and stays retryable', async (_name, target, reason) => {
    serve = always({ status: 302, type: 'text/plain', body: Buffer.alloc(0), location: target() });
    const row = await finishedClip();
    await expect(archive(row.id)).rejects.toThrow(reason);
    const after = await getGenerationForWorker({ id: row.id });
    expect(after?.archivedAt).toBeNull();
    expect(after?.archiveError).toMatch(reason);
    expect(await due(new Date(Date.now() + 60 * 60_000))).toContain(row.id);
    expect(inside).toBe(0);
  });

  it('follows at most 3 redirects', async () => {
    serve = (req) => (req.url === '/final.mp4' ? { status: 200, type: 'video/mp4', body: mp4 } : { status: 302, type: 'text/plain', body: Buffer.alloc(0), location: `/hop${Number(req.url?.slice(4) ?? 0) + 1}` });
    const row = await finishedClip();
    await expect(archive(row.id)).rejects.toThrow('The link redirects too many times.');
  });
});
