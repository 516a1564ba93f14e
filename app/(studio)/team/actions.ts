'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { acceptInvite, createInvite, revokeInvite } from '@/db/queries/invites';
import { createShare, revokeShare } from '@/db/queries/shares';
import { changeMembership, createTeam, getMembership, updateTeam } from '@/db/queries/teams';
import { roles } from '@/db/schema';
import { firstError, refusal, type ActionResult } from '@/lib/action-result';
import { authorize, CURRENT_TEAM_COOKIE, getSessionUser } from '@/lib/auth/session';
import { rememberTeam } from '@/lib/auth/team-cookie';
import { instanceLimits } from '@/lib/spend/instance-limits';
import { inviteSchema, shareSchema, teamNameSchema, teamSettingsSchema, type InviteInput, type ShareInput, type TeamSettingsInput } from '@/lib/teams/schemas';


const LAST_OWNER = 'A team always needs an owner: make someone else owner first.';

/** Works in another of the person's teams from now on (membership is checked, not assumed). */
export async function switchTeam(teamId: string): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: refusal[401] };
  const parsed = z.uuid().safeParse(teamId);
  if (!parsed.success || !(await getMembership({ teamId: parsed.data, userId: user.id }))) return { ok: false, error: 'That team does not exist.' };
  await rememberTeam(parsed.data);
  revalidatePath('/', 'layout');
  return { ok: true, data: null };
}

export async function createTeamAction(name: string): Promise<ActionResult<{ teamId: string }>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: refusal[401] };
  const parsed = teamNameSchema.safeParse(name);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const teamId = await createTeam({ name: parsed.data, ownerId: user.id });
  await rememberTeam(teamId);
  revalidatePath('/', 'layout');
  return { ok: true, data: { teamId } };
}

export async function updateTeamSettings(input: TeamSettingsInput): Promise<ActionResult<null>> {
  const auth = await authorize('team:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = teamSettingsSchema(instanceLimits()).safeParse(input);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const { name, sweepBudgetUsd, hourlyQuota, dailyBudgetUsd } = parsed.data;
  const cents = (usd: number | '') => (usd === '' ? null : Math.round(usd * 100));
  await updateTeam({
    teamId: auth.context.team.teamId,
    values: { name, sweepBudgetCents: cents(sweepBudgetUsd), hourlyQuota: hourlyQuota === '' ? null : hourlyQuota, dailyBudgetCents: cents(dailyBudgetUsd) },
  });
  revalidatePath('/', 'layout');
  return { ok: true, data: null };
}

export async function changeMemberRole(userId: string, role: string): Promise<ActionResult<null>> {
  const auth = await authorize('team:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = z.object({ userId: z.uuid(), role: z.enum(roles) }).safeParse({ userId, role });
  if (!parsed.success) return { ok: false, error: 'That request is not valid.' };
  const changed = await changeMembership({ teamId: auth.context.team.teamId, ...parsed.data });
  if (!changed.ok) return { ok: false, error: changed.reason === 'last-owner' ? LAST_OWNER : 'That person is not in this team.' };
  revalidatePath('/team');
  return { ok: true, data: null };
}

export async function removeMember(userId: string): Promise<ActionResult<null>> {
  const auth = await authorize('team:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = z.uuid().safeParse(userId);
  if (!parsed.success) return { ok: false, error: 'That request is not valid.' };
  const changed = await changeMembership({ teamId: auth.context.team.teamId, userId: parsed.data, role: null });
  if (!changed.ok) return { ok: false, error: changed.reason === 'last-owner' ? LAST_OWNER : 'That person is not in this team.' };
  revalidatePath('/team');
  return { ok: true, data: null };
}

/** Anyone may leave a team, except its last owner. Their clips stay with the team. */
export async function leaveTeam(): Promise<ActionResult<null>> {
  const auth = await authorize('team:read');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const { team, user, teams } = auth.context;
  if (teams.length <= 1) return { ok: false, error: 'This is your only team; you cannot leave it.' };
  const changed = await changeMembership({ teamId: team.teamId, userId: user.id, role: null });
  if (!changed.ok) return { ok: false, error: changed.reason === 'last-owner' ? LAST_OWNER : 'You are not in this team.' };
  (await cookies()).delete(CURRENT_TEAM_COOKIE);
  revalidatePath('/', 'layout');
  return { ok: true, data: null };
}

/** A new invite link; its token is shown once (only a hash is kept). */
export async function createInviteAction(input: InviteInput): Promise<ActionResult<{ path: string }>> {
  const auth = await authorize('team:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const { team, user } = auth.context;
  const { token } = await createInvite({
    teamId: team.teamId,
    role: parsed.data.role,
    maxUses: parsed.data.maxUses,
    expiresAt: new Date(Date.now() + parsed.data.expiresInDays * 24 * 60 * 60_000),
    createdBy: user.id,
  });
  revalidatePath('/team');
  return { ok: true, data: { path: `/invite/${token}` } };
}

export async function revokeInviteAction(id: string): Promise<ActionResult<null>> {
  const auth = await authorize('team:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success || !(await revokeInvite({ id: parsed.data, teamId: auth.context.team.teamId, now: new Date() }))) return { ok: false, error: 'That invite does not exist.' };
  revalidatePath('/team');
  return { ok: true, data: null };
}

/** Joins with an invite link; any invalid link gets the same answer, whatever the reason. */
export async function acceptInviteAction(token: string): Promise<ActionResult<{ teamId: string }>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: refusal[401] };
  const parsed = z.string().min(20).max(100).safeParse(token);
  const accepted = parsed.success ? await acceptInvite({ token: parsed.data, userId: user.id, now: new Date() }) : { ok: false as const };
  if (!accepted.ok) return { ok: false, error: 'This invite link does not work any more. Ask for a new one.' };
  await rememberTeam(accepted.teamId);
  revalidatePath('/', 'layout');
  return { ok: true, data: { teamId: accepted.teamId } };
}

/** A public link to a clip, or to the whole sweep it belongs to. */
export async function createShareAction(input: ShareInput): Promise<ActionResult<{ id: string; path: string }>> {
  const auth = await authorize('share:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = shareSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'That request is not valid.' };
  const { team, user } = auth.context;
  const clip = await getGenerationById({ id: parsed.data.generationId, teamId: team.teamId });
  if (!clip || clip.deletedAt) return { ok: false, error: 'That clip does not exist.' };
  if (parsed.data.scope === 'clip' && (clip.state !== 'success' || !clip.archivePath)) return { ok: false, error: 'Share a clip once it is finished and saved.' };
  if (parsed.data.scope === 'sweep' && !clip.sweepId) return { ok: false, error: 'This clip is not part of a sweep.' };
  const share = await createShare({
    teamId: team.teamId,
    generationId: parsed.data.scope === 'clip' ? clip.id : undefined,
    sweepId: parsed.data.scope === 'sweep' ? (clip.sweepId ?? undefined) : undefined,
    showRecipe: parsed.data.showRecipe,
    createdBy: user.id,
  });
  revalidatePath(`/gallery/${clip.id}`);
  return { ok: true, data: { id: share.id, path: `/s/${share.token}` } };
}

export async function revokeShareAction(id: string): Promise<ActionResult<null>> {
  const auth = await authorize('share:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success || !(await revokeShare({ id: parsed.data, teamId: auth.context.team.teamId, now: new Date() }))) return { ok: false, error: 'That link does not exist.' };
  revalidatePath('/gallery');
  return { ok: true, data: null };
}
