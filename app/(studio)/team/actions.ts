'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { acceptInvite, createInvite, revokeInvite } from '@/db/queries/invites';
import { createShare, revokeShare } from '@/db/queries/shares';
import { changeMembership, createTeam, getMembership, updateTeam } from '@/db/queries/teams';
import { roles } from '@/db/schema';
import { fail, ok, teamAction, userAction, type ActionResult } from '@/lib/actions';
import { CURRENT_TEAM_COOKIE } from '@/lib/auth/session';
import { rememberTeam } from '@/lib/auth/team-cookie';
import { instanceLimits } from '@/lib/start/limits';
import { inviteSchema, shareSchema, teamNameSchema, teamSettingsSchema } from '@/lib/teams/schemas';

const LAST_OWNER = 'A team always needs an owner: make someone else owner first.';
const INVALID = 'That request is not valid.';
const TEAM_NOT_FOUND = 'That team does not exist.';
const INVITE_NOT_FOUND = 'That invite does not exist.';
const INVITE_DEAD = 'This invite link does not work any more. Ask for a new one.';
const LINK_NOT_FOUND = 'That link does not exist.';

/** Works in another of the person's teams from now on (membership is checked, not assumed). */
export const switchTeam = userAction(
  z.uuid(),
  async (teamId, { user }): Promise<ActionResult<null>> => {
    if (!(await getMembership({ teamId, userId: user.id }))) return fail(TEAM_NOT_FOUND);
    await rememberTeam(teamId);
    revalidatePath('/', 'layout');
    return ok(null);
  },
  TEAM_NOT_FOUND,
);

export const createTeamAction = userAction(teamNameSchema, async (name, { user }): Promise<ActionResult<{ teamId: string }>> => {
  const teamId = await createTeam({ name, ownerId: user.id });
  await rememberTeam(teamId);
  revalidatePath('/', 'layout');
  return ok({ teamId });
});

/** Bounded by the studio's own limits, read when first used. */
const settingsSchema = z.lazy(() => teamSettingsSchema(instanceLimits()));

const OTHER_TEAM = 'These settings were opened for another team (the team was switched since). Reload the page to edit this team.';

/** `forTeamId` is the team the form was filled for: a form left open across a team switch changes nothing. */
export const updateTeamSettings = teamAction(
  'team:manage',
  [settingsSchema, z.uuid()],
  async ([settings, forTeamId], { team }): Promise<ActionResult<null>> => {
    if (forTeamId !== team.teamId) return fail(OTHER_TEAM);
    const { name, sweepBudgetUsd, hourlyQuota, dailyBudgetUsd } = settings;
    const cents = (usd: number | '') => (usd === '' ? null : Math.round(usd * 100));
    await updateTeam({
      teamId: team.teamId,
      values: {
        ...(name === undefined ? {} : { name }),
        sweepBudgetCents: cents(sweepBudgetUsd),
        hourlyQuota: hourlyQuota === '' ? null : hourlyQuota,
        dailyBudgetCents: cents(dailyBudgetUsd),
      },
    });
    revalidatePath('/', 'layout');
    return ok(null);
  },
);

export const changeMemberRole = teamAction(
  'team:manage',
  [z.uuid(), z.string().pipe(z.enum(roles))],
  async ([userId, role], { team }): Promise<ActionResult<null>> => {
    const changed = await changeMembership({ teamId: team.teamId, userId, role });
    if (!changed.ok) return fail(changed.reason === 'last-owner' ? LAST_OWNER : 'That person is not in this team.');
    revalidatePath('/team');
    return ok(null);
  },
  INVALID,
);

export const removeMember = teamAction(
  'team:manage',
  z.uuid(),
  async (userId, { team }): Promise<ActionResult<null>> => {
    const changed = await changeMembership({ teamId: team.teamId, userId, role: null });
    if (!changed.ok) return fail(changed.reason === 'last-owner' ? LAST_OWNER : 'That person is not in this team.');
    revalidatePath('/team');
    return ok(null);
  },
  INVALID,
);

/** Anyone may leave a team, except its last owner. Their clips stay with the team. */
export const leaveTeam = teamAction('team:read', [], async (_, { team, user, teams }): Promise<ActionResult<null>> => {
  if (teams.length <= 1) return fail('This is your only team; you cannot leave it.');
  const changed = await changeMembership({ teamId: team.teamId, userId: user.id, role: null });
  if (!changed.ok) return fail(changed.reason === 'last-owner' ? LAST_OWNER : 'You are not in this team.');
  (await cookies()).delete(CURRENT_TEAM_COOKIE);
  revalidatePath('/', 'layout');
  return ok(null);
});

/** A new invite link; its token is shown once (only a hash is kept). */
export const createInviteAction = teamAction('team:manage', inviteSchema, async (invite, { team, user }): Promise<ActionResult<{ path: string }>> => {
  const { token } = await createInvite({
    teamId: team.teamId,
    role: invite.role,
    maxUses: invite.maxUses,
    expiresAt: new Date(Date.now() + invite.expiresInDays * 24 * 60 * 60_000),
    createdBy: user.id,
  });
  revalidatePath('/team');
  return ok({ path: `/invite/${token}` });
});

export const revokeInviteAction = teamAction(
  'team:manage',
  z.uuid(),
  async (id, { team }): Promise<ActionResult<null>> => {
    if (!(await revokeInvite({ id, teamId: team.teamId, now: new Date() }))) return fail(INVITE_NOT_FOUND);
    revalidatePath('/team');
    return ok(null);
  },
  INVITE_NOT_FOUND,
);

/** Joins with an invite link; any invalid link gets the same answer, whatever the reason. */
export const acceptInviteAction = userAction(
  z.string().min(20).max(100),
  async (token, { user }): Promise<ActionResult<{ teamId: string }>> => {
    const accepted = await acceptInvite({ token, userId: user.id, now: new Date() });
    if (!accepted.ok) return fail(INVITE_DEAD);
    await rememberTeam(accepted.teamId);
    revalidatePath('/', 'layout');
    return ok({ teamId: accepted.teamId });
  },
  INVITE_DEAD,
);

/** A public link to a clip, or to the whole sweep it belongs to. */
export const createShareAction = teamAction(
  'share:manage',
  shareSchema,
  async (input, { team, user }): Promise<ActionResult<{ id: string; path: string }>> => {
    const clip = await getGenerationById({ id: input.generationId, teamId: team.teamId });
    if (!clip || clip.deletedAt) return fail('That clip does not exist.');
    if (input.scope === 'clip' && (clip.state !== 'success' || !clip.archivePath)) return fail('Share a clip once it is finished and saved.');
    if (input.scope === 'sweep' && !clip.sweepId) return fail('This clip is not part of a sweep.');
    const share = await createShare({
      teamId: team.teamId,
      generationId: input.scope === 'clip' ? clip.id : undefined,
      sweepId: input.scope === 'sweep' ? (clip.sweepId ?? undefined) : undefined,
      showRecipe: input.showRecipe,
      createdBy: user.id,
    });
    revalidatePath(`/gallery/${clip.id}`);
    return ok({ id: share.id, path: `/s/${share.token}` });
  },
  INVALID,
);

export const revokeShareAction = teamAction(
  'share:manage',
  z.uuid(),
  async (id, { team }): Promise<ActionResult<null>> => {
    if (!(await revokeShare({ id, teamId: team.teamId, now: new Date() }))) return fail(LINK_NOT_FOUND);
    revalidatePath('/gallery');
    return ok(null);
  },
  LINK_NOT_FOUND,
);
