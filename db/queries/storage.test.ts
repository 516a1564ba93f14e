import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOwner, insertTestGeneration } from '@/test/fixtures';
import { getTeamStorageUsage, insertAudioTrack, insertImage } from './storage';

describe('getTeamStorageUsage', () => {
  it('counts a team’s archived videos (trashed too), start frames and sound tracks, never another team’s', async () => {
    const team = await createOwner('usage@example.test');
    const other = await createOwner('usage-other@example.test');
    const archived = (bytes: number, extra = {}) =>
      insertTestGeneration(team, { state: 'success', archivePath: `${crypto.randomUUID()}.mp4`, archiveBytes: bytes, archivedAt: new Date(), ...extra });
    await archived(1_000);
    await archived(2_000, { deletedAt: new Date() });
    await insertTestGeneration(team, { state: 'success' });
    await insertTestGeneration(other, { state: 'success', archivePath: `${crypto.randomUUID()}.mp4`, archiveBytes: 50_000, archivedAt: new Date() });
    await insertImage({ id: crypto.randomUUID(), ...team, fileName: `${crypto.randomBytes(16).toString('base64url')}.png`, format: 'png', width: 200, height: 200, bytes: 300, sha256: 'x' });
    const track = { fileName: `${crypto.randomBytes(16).toString('base64url')}.wav`, format: 'wav', durationMs: 4_000, sha256: 'y', label: 'voice.wav' } as const;
    await insertAudioTrack({ id: crypto.randomUUID(), ...team, ...track, bytes: 40 });
    await insertAudioTrack({ id: crypto.randomUUID(), ...other, ...track, fileName: `${crypto.randomBytes(16).toString('base64url')}.wav`, bytes: 9_999 });
    expect(await getTeamStorageUsage({ teamId: team.teamId })).toEqual({ videoBytes: 3_000, imageBytes: 300, audioBytes: 40, totalBytes: 3_340 });
  });
});
