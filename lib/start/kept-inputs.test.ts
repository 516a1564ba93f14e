import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAudioTrack } from '@/db/queries/storage';
import { resetEnvForTests } from '@/lib/env';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createOwner, type Owner } from '@/test/fixtures';
import { TRACK_NOT_KEPT } from '@/lib/audio/sound-track';
import { resolveKeptInputs } from './kept-inputs';

let team: Owner;
let other: Owner;
const trackOf = async (owner: Owner, sourceUrl: string | null) =>
  insertAudioTrack({
    id: crypto.randomUUID(),
    ...owner,
    fileName: `${crypto.randomBytes(16).toString('base64url')}.wav`,
    format: 'wav',
    durationMs: 4_000,
    bytes: 10,
    sha256: 'x',
    sourceUrl,
    label: 'voice.wav',
  });

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://studio.example';
  resetEnvForTests();
  team = await createOwner('kept-inputs@example.test');
  other = await createOwner('kept-inputs-other@example.test');
});

describe('resolveKeptInputs: the sound track’s URL comes from the team’s record, never from the browser', () => {
  const request = (input: Record<string, unknown>) => generationRequestSchema.parse({ prompt: 'a choir', model: 'wan-2-5-video', ...input });

  it('sends our checked copy of an uploaded or a linked track, whatever URL the browser sent', async () => {
    const uploaded = await trackOf(team, null);
    const linked = await trackOf(team, 'https://sounds.example/voice.wav');
    const sent = async (id: string, preferCopy = false) => {
      const resolved = await resolveKeptInputs(request({ audioId: id, audioUrls: ['https://evil.example/other.wav'] }), team.teamId, { preferCopy });
      return resolved.ok ? resolved.request.audioUrls : resolved.message;
    };
    expect(await sent(uploaded.id)).toEqual([`https://studio.example/a/${uploaded.fileName}`]);
    expect(await sent(linked.id)).toEqual([`https://studio.example/a/${linked.fileName}`]);
    expect(await sent(linked.id, true)).toEqual([`https://studio.example/a/${linked.fileName}`]);
  });

  it('refuses another team’s track, and a track URL with no kept track behind it (never sends it, never drops it silently)', async () => {
    const theirs = await trackOf(other, null);
    const refused = await resolveKeptInputs(request({ audioId: theirs.id }), team.teamId);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { audioId: ['That sound track is not in the team’s storage: add it again.'] } });
    const smuggled = await resolveKeptInputs(request({ audioUrls: ['http://169.254.169.254/latest'] }), team.teamId);
    expect(smuggled).toMatchObject({ ok: false, fieldErrors: { audioId: [TRACK_NOT_KEPT] } });
    // The silent model sends none, whatever came with the request.
    const silent = await resolveKeptInputs({ ...request({}), model: 'wan-2-5', audioUrls: ['https://a.example/x.wav'] }, team.teamId);
    expect(silent.ok && silent.request.audioUrls).toBeUndefined();
  });
});
