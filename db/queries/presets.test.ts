import { describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema';
import { getDb } from '@/db/index';
import { createOwner } from '@/test/fixtures';
import { deletePreset, findPresetByName, getPresetById, listPresets, renamePreset, savePreset } from './presets';

const now = new Date();
const settings = { resolution: '1080p' };

async function team() {
  const owner = await createOwner(`${crypto.randomUUID()}@presets.test`);
  const editor = await createOwner(`${crypto.randomUUID()}@presets.test`);
  getDb().insert(memberships).values({ teamId: owner.teamId, userId: editor.userId, role: 'editor' }).run();
  return { owner, editor: { ...editor, teamId: owner.teamId } };
}

describe('preset queries', () => {
  it('show a member their personal presets and the team’s shared ones, never a colleague’s personal ones', async () => {
    const { owner, editor } = await team();
    const mine = await savePreset({ ...owner, kind: 'setup', name: 'Mine', shared: false, settings, now });
    const shared = await savePreset({ ...owner, kind: 'setup', name: 'For all', shared: true, settings, now });
    const theirs = await savePreset({ ...editor, kind: 'negative', name: 'Editor only', shared: false, settings: { negativePrompt: 'blurry' }, now });

    expect((await listPresets(owner)).map((preset) => preset.name)).toEqual(['For all', 'Mine']);
    // Negative-prompt presets after setups; shared before personal; then by name.
    expect((await listPresets(editor)).map((preset) => preset.name)).toEqual(['For all', 'Editor only']);
    expect(await getPresetById({ id: mine.id, ...editor })).toBeUndefined();
    expect(await getPresetById({ id: shared.id, ...editor })).toMatchObject({ name: 'For all' });
    expect(await getPresetById({ id: theirs.id, ...owner })).toBeUndefined();
  });

  it('keep another team out: it can neither see, rename nor delete them', async () => {
    const { owner } = await team();
    const outsider = await createOwner(`${crypto.randomUUID()}@elsewhere.test`);
    const shared = await savePreset({ ...owner, kind: 'setup', name: 'Team look', shared: true, settings, now });

    expect(await listPresets(outsider)).toEqual([]);
    expect(await getPresetById({ id: shared.id, ...outsider })).toBeUndefined();
    expect(await renamePreset({ id: shared.id, teamId: outsider.teamId, name: 'Stolen', now })).toBe('missing');
    expect(await deletePreset({ id: shared.id, teamId: outsider.teamId })).toBe(false);
    expect(await getPresetById({ id: shared.id, ...owner })).toMatchObject({ name: 'Team look' });
  });

  it('replace by name within one scope, and refuse a rename onto a taken name', async () => {
    const { owner, editor } = await team();
    const first = await savePreset({ ...owner, kind: 'setup', name: 'Look', shared: false, settings, now });
    // The same name may exist once personally per member and once shared.
    await savePreset({ ...editor, kind: 'setup', name: 'Look', shared: false, settings, now });
    await savePreset({ ...owner, kind: 'setup', name: 'Look', shared: true, settings, now });
    const existing = await findPresetByName({ ...owner, kind: 'setup', name: 'Look', shared: false });
    expect(existing?.id).toBe(first.id);
    const replaced = await savePreset({ ...owner, kind: 'setup', name: 'Look', shared: false, settings: { resolution: '720p' }, replacing: existing?.id, now });
    expect(replaced).toMatchObject({ id: first.id, settings: { resolution: '720p' } });

    const other = await savePreset({ ...owner, kind: 'setup', name: 'Other', shared: false, settings, now });
    expect(await renamePreset({ id: other.id, teamId: owner.teamId, name: 'Look', now })).toBe('taken');
    expect(await renamePreset({ id: other.id, teamId: owner.teamId, name: 'Fresh', now })).toBe('renamed');
    expect(await deletePreset({ id: other.id, teamId: owner.teamId })).toBe(true);
    expect(await getPresetById({ id: other.id, ...owner })).toBeUndefined();
  });
});
