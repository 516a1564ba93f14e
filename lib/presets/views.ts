import 'server-only';
import type { PresetWithAuthor } from '@/db/queries/presets';
import type { Preset } from '@/db/schema';
import { can, type Member } from '@/lib/auth/authz';
import type { PresetView } from './schemas';

/** A personal preset is its author's alone; a shared one is managed per the team's roles (preset:share). */
export function mayManagePreset(member: Member, preset: Pick<Preset, 'shared' | 'userId'>): boolean {
  return preset.shared ? can(member, 'preset:share', preset) : preset.userId === member.userId && can(member, 'preset:save');
}

export function toPresetView(row: PresetWithAuthor, member: Member): PresetView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shared: row.shared,
    mine: row.userId === member.userId,
    mayManage: mayManagePreset(member, row),
    authorName: row.authorName,
    settings: row.settings,
    updatedAt: (row.updatedAt ?? row.createdAt).getTime(),
  };
}
