import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAudioTrackById, getTeamStorageUsage } from '@/db/queries/storage';
import { buildSineWav, encodeSineMp3, startAudioHost, type AudioHost } from '@/emulator/test-audio-host';
import { resetEnvForTests } from '@/lib/env';
import { createOwner, type Owner } from '@/test/fixtures';
import { signInAs } from '@/test/session';

vi.mock('@/lib/auth/session', () => import('@/test/session'));

const { POST } = await import('./route');
const { GET } = await import('@/app/a/[name]/route');

const URL = 'http://localhost:3000/api/audio';
const audioDir = () => path.join(process.env.DATA_DIR ?? '', 'audio');
const audioFiles = () => (fs.existsSync(audioDir()) ? fs.readdirSync(audioDir()) : []);
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
let owner: Owner;
let host: AudioHost;

function upload(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'audio/mpeg' }));
  return POST(new Request(URL, { method: 'POST', body: form }));
}
const link = (url: string) => POST(new Request(URL, { method: 'POST', body: JSON.stringify({ url }), headers: { 'content-type': 'application/json' } }));

beforeAll(async () => {
  host = await startAudioHost();
  // The test host is on loopback: as this studio's own PUBLIC_URL it is the one private address a link may use.
  process.env.PUBLIC_URL = new globalThis.URL(host.url('/')).origin;
  resetEnvForTests();
  owner = await createOwner('audio@example.test');
  signInAs(owner, { email: 'audio@example.test' });
});
afterAll(() => host.close());

describe('POST /api/audio', () => {
  it('keeps an uploaded WAV with its measured length and name, serves it back, and counts it in the team’s storage', async () => {
    const wav = buildSineWav(4);
    const response = await upload(new Uint8Array(wav), 'voice take 2.wav');
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; seconds: number; label: string; format: string; previewUrl: string };
    expect(body).toMatchObject({ seconds: 4, label: 'voice take 2.wav', format: 'wav' });
    expect((await getTeamStorageUsage({ teamId: owner.teamId })).audioBytes).toBe(wav.byteLength);
    const served = await GET(new Request(`http://localhost${body.previewUrl}`), { params: Promise.resolve({ name: body.previewUrl.slice(3) }) });
    expect(served.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await served.arrayBuffer()).equals(wav)).toBe(true);
  });

  it('refuses a 40-second MP3 and a text file dressed as one, keeping nothing', async () => {
    const before = audioFiles();
    const long = await upload(new Uint8Array(await encodeSineMp3(40)), 'long.mp3');
    expect(long.status).toBe(400);
    expect(await errorOf(long)).toBe('The track is 40 s; it can be at most 30 s. Trim it first.');
    const text = await upload(new Uint8Array(Buffer.from('not a sound at all')), 'notes.mp3');
    expect(await errorOf(text)).toBe('That file is not a WAV or MP3 sound track.');
    expect(audioFiles()).toEqual(before);
  });

  it('keeps a linked track (sent as our checked copy, the link remembered), and refuses a link to a private address or one that is no audio', async () => {
    const response = await link(host.url('/voice-12s.mp3'));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; url: string; label: string; seconds: number };
    expect(body.label).toBe('voice-12s.mp3');
    expect(body.url).toMatch(/\/a\/[A-Za-z0-9_-]{22}\.mp3$/);
    expect(body.seconds).toBeCloseTo(12, 0);
    expect((await getAudioTrackById({ id: body.id, teamId: owner.teamId }))?.sourceUrl).toBe(host.url('/voice-12s.mp3'));

    const privateLink = await link('http://10.0.0.7/track.wav');
    expect(privateLink.status).toBe(400);
    expect(await errorOf(privateLink)).toBe('That link points to a private or local network address, which cannot be used.');
    expect(await errorOf(await link(host.url('/notes.mp3')))).toBe('That file is not a WAV or MP3 sound track.');
    expect(await errorOf(await link(host.url('/huge-declared.wav')))).toBe('The sound file is larger than 15 MB.');
  });

  it('answers a body that is neither a file nor a link with a 400 and a sentence', async () => {
    const response = await POST(new Request(URL, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe('Send a file (multipart/form-data) or a link (application/json).');
  });
});
