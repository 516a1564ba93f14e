import 'server-only';
import type { PresetWithAuthor } from '@/db/queries/presets';
import type { Preset } from '@/db/schema';
import { can, type Member } from '@/lib/auth/authz';
import type { PresetStartImage, PresetView } from './schemas';
import { startImageOf } from './start-frames';

/** A personal preset is its author's alone; a shared one is managed per the team's roles (preset:share). */
export function mayManagePreset(member: Member, preset: Pick<Preset, 'shared' | 'userId'>): boolean {
  return preset.shared ? can(member, 'preset:share', preset) : preset.userId === member.userId && can(member, 'preset:save');
}

/** `frames`: the team's start frames the listed setups name (presetStartFrames). */
export function toPresetView(row: PresetWithAuthor, member: Member, frames: ReadonlyMap<string, PresetStartImage>): PresetView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shared: row.shared,
    mine: row.userId === member.userId,
    mayManage: mayManagePreset(member, row),
    authorName: row.authorName,
    settings: row.settings,
    startImage: row.kind === 'setup' ? startImageOf(row.settings, frames) : null,
    updatedAt: (row.updatedAt ?? row.createdAt).getTime(),
  };
}
