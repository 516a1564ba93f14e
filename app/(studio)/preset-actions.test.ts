import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listPresets } from '@/db/queries/presets';
import { keepImage } from '@/lib/images/start-image';
import { makeImage } from '@/lib/images/test-images';
import { signInAs } from '@/test/session';
import { createOwner, type Owner } from '@/test/fixtures';

vi.mock('@/lib/auth/session', () => import('@/test/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { savePreset } = await import('./preset-actions');

let owner: Owner;
let outsider: Owner;
const png = makeImage({ format: 'png', width: 320, height: 180, color: 'teal' });
const setup = (imageId: string) => ({
  kind: 'setup' as const,
  name: `Frame ${crypto.randomUUID().slice(0, 8)}`,
  shared: true,
  settings: { mode: 'image-to-video' as const, imageId, resolution: '720p' as const, aspectRatio: '16:9' as const, duration: 5 as const, enablePromptExpansion: true, provider: 'auto' as const, requestType: 'async' as const, negativePrompt: '', seed: null },
});
async function frameOf(team: Owner) {
  const kept = await keepImage(png, team);
  if (!kept.ok) throw new Error(kept.message);
  return kept.image.id;
}

beforeAll(async () => {
  owner = await createOwner(`${crypto.randomUUID()}@preset-actions.test`);
  outsider = await createOwner(`${crypto.randomUUID()}@preset-actions.test`);
  signInAs(owner, { email: 'o@preset-actions.test' });
});

describe('saving a setup with its start frame', () => {
  it('keeps one of the team’s frames with the shared preset', async () => {
    const imageId = await frameOf(owner);
    const input = setup(imageId);
    expect(await savePreset(input)).toMatchObject({ ok: true });
    const saved = (await listPresets(owner)).find((preset) => preset.name === input.name);
    expect(saved?.settings).toMatchObject({ mode: 'image-to-video', imageId });
  });

  it('refuses another team’s frame (a shared preset would hand it to every member), storing nothing', async () => {
    const input = setup(await frameOf(outsider));
    expect(await savePreset(input)).toEqual({ ok: false, message: 'That start image is not in this team’s storage. Choose it again, then save.' });
    expect((await listPresets(owner)).map((preset) => preset.name)).not.toContain(input.name);
  });
});
