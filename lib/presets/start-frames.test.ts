import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepImage } from '@/lib/images/start-image';
import { makeImage } from '@/lib/images/test-images';
import { createOwner } from '@/test/fixtures';
import { presetStartFrames, startImageOf } from './start-frames';

const png = makeImage({ format: 'png', width: 320, height: 180, color: 'teal' });
const setupWith = (imageId: string, mode = 'image-to-video') => ({ mode, imageId, resolution: '720p' });

async function keptFrame(owner: { teamId: string; userId: string }) {
  const kept = await keepImage(png, owner);
  if (!kept.ok) throw new Error(kept.message);
  return kept.image;
}

describe('the start frames presets name, read for the member’s team', () => {
  it('gives the team’s frame, and `missing` for another team’s, a deleted file, or an unknown id', async () => {
    const owner = await createOwner(`${crypto.randomUUID()}@frames.test`);
    const outsider = await createOwner(`${crypto.randomUUID()}@frames.test`);
    const ours = await keptFrame(owner);
    const theirs = await keptFrame(outsider);
    const gone = await keptFrame(owner);
    fs.rmSync(path.join(process.env.DATA_DIR ?? '', 'images', gone.fileName));
    const settings = [setupWith(ours.id), setupWith(theirs.id), setupWith(gone.id), setupWith(crypto.randomUUID()), { mode: 'text-to-video' }];

    const frames = await presetStartFrames(settings, owner.teamId);
    expect([...frames.keys()]).toEqual([ours.id]);
    expect(settings.map((saved) => startImageOf(saved, frames))).toEqual([
      { id: ours.id, previewUrl: `/i/${ours.fileName}`, width: 320, height: 180 },
      'missing',
      'missing',
      'missing',
      null,
    ]);
    // The same setup, read for the other team, gives that team nothing of ours.
    expect(startImageOf(setupWith(ours.id), await presetStartFrames([setupWith(ours.id)], outsider.teamId))).toBe('missing');
  });

  it('reads no frame from a text-to-video setup, even one naming an image', async () => {
    const owner = await createOwner(`${crypto.randomUUID()}@frames.test`);
    const image = await keptFrame(owner);
    const frames = await presetStartFrames([setupWith(image.id, 'text-to-video')], owner.teamId);
    expect(frames.size).toBe(0);
    expect(startImageOf(setupWith(image.id, 'text-to-video'), frames)).toBeNull();
  });
});
