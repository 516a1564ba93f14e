'use server';

import { deletePreset as deletePresetRow, findPresetByName, getPresetById, renamePreset as renamePresetRow, savePreset as savePresetRow } from '@/db/queries/presets';
import { getImageById } from '@/db/queries/storage';
import { fail, ok, teamAction, type ActionResult } from '@/lib/actions';
import { can } from '@/lib/auth/authz';
import { presetIdSchema, renamePresetSchema, savePresetSchema } from '@/lib/presets/schemas';
import { mayManagePreset } from '@/lib/presets/views';

const NOT_FOUND = 'That preset does not exist.';
const NOT_YOURS = 'Only the member who shared this preset, or a team owner, can change it.';

/** Saves the form's setup (or a negative prompt) under a name; the member's preset of that name is replaced. */
export const savePreset = teamAction('preset:save', savePresetSchema, async (input, { team, user, member }): Promise<ActionResult<{ id: string; replaced: boolean }>> => {
  if (input.shared && !can(member, 'preset:share')) return fail('Your role cannot share presets with the team; save it for yourself.');
  const named = { teamId: team.teamId, userId: user.id, kind: input.kind, name: input.name, shared: input.shared };
  // A setup's start frame must be one of this team's images: a shared preset hands it to every member.
  if (input.kind === 'setup' && input.settings.imageId && !(await getImageById({ id: input.settings.imageId, teamId: team.teamId })))
    return fail('That start image is not in this team’s storage. Choose it again, then save.');
  const existing = await findPresetByName(named);
  if (existing && !mayManagePreset(member, existing)) return fail(`The team already has a shared preset named “${input.name}”. Choose another name.`);
  // Undefined values are left out, so what is stored is exactly what was chosen.
  const settings = JSON.parse(JSON.stringify(input.settings)) as Record<string, unknown>;
  const saved = await savePresetRow({ ...named, settings, replacing: existing?.id, now: new Date() });
  return ok({ id: saved.id, replaced: existing !== undefined });
});

export const renamePreset = teamAction('preset:save', renamePresetSchema, async ({ id, name }, { team, user, member }): Promise<ActionResult<null>> => {
  const preset = await getPresetById({ id, teamId: team.teamId, userId: user.id });
  if (!preset) return fail(NOT_FOUND);
  if (!mayManagePreset(member, preset)) return fail(NOT_YOURS);
  const outcome = await renamePresetRow({ id, teamId: team.teamId, name, now: new Date() });
  if (outcome === 'taken') return fail(`There is already a ${preset.shared ? 'shared' : 'personal'} preset named “${name}”.`);
  return outcome === 'renamed' ? ok(null) : fail(NOT_FOUND);
});

export const deletePreset = teamAction(
  'preset:save',
  presetIdSchema,
  async (id, { team, user, member }): Promise<ActionResult<null>> => {
    const preset = await getPresetById({ id, teamId: team.teamId, userId: user.id });
    if (!preset) return fail(NOT_FOUND);
    if (!mayManagePreset(member, preset)) return fail(NOT_YOURS);
    return (await deletePresetRow({ id, teamId: team.teamId })) ? ok(null) : fail(NOT_FOUND);
  },
  NOT_FOUND,
);
