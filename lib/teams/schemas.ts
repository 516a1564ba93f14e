import { z } from 'zod';
import '@/lib/zod-jitless';
import { roles } from '@/db/schema';
import { formatUsd } from '@/lib/generation/schema';

export const teamNameSchema = z.string().trim().min(1, 'Name the team').max(60, 'Team names are at most 60 characters');

/** How long an invite link works and how many times it may be used: team invites and the administrator's sign-up links. */
export const inviteLinkSchema = z.object({
  expiresInDays: z.coerce.number().int().min(1, 'At least 1 day').max(30, 'At most 30 days'),
  maxUses: z.coerce.number().int().min(1, 'At least 1 use').max(100, 'At most 100 uses'),
});

/** The administrator's sign-up links: the same bounds, shared by the admin page's form (browser) and its action (server). */
export const instanceInviteSchema = inviteLinkSchema;
export type InstanceInviteInput = z.input<typeof instanceInviteSchema>;

export const inviteSchema = inviteLinkSchema.extend({ role: z.enum(roles, 'Choose a role') });
export type InviteInput = z.input<typeof inviteSchema>;

/** The instance's own limits: a team may set lower ones, never higher. */
export type InstanceLimits = { sweepBudgetCents: number; hourlyQuota: number; dailyBudgetCents: number };

/**
 * Team settings, bounded by the instance's limits (the form shows them; the action enforces them). Empty means
 * the studio's value. No name: the name is left as it is (the form sends it only when it was edited).
 */
export function teamSettingsSchema(instance: InstanceLimits) {
  return z.object({
    name: teamNameSchema.optional(),
    sweepBudgetUsd: z.union([
      z.literal(''),
      z.coerce.number('A number of dollars').min(0, 'Zero or more').max(instance.sweepBudgetCents / 100, `At most ${formatUsd(instance.sweepBudgetCents)}, this studio’s cap per sweep`),
    ]),
    hourlyQuota: z.union([
      z.literal(''),
      z.coerce.number('A whole number').int('A whole number').min(1, 'At least 1').max(instance.hourlyQuota, `At most ${instance.hourlyQuota}, this studio’s limit per person`),
    ]),
    dailyBudgetUsd: z.union([
      z.literal(''),
      z.coerce.number('A number of dollars').min(0, 'Zero or more').max(instance.dailyBudgetCents / 100, `At most ${formatUsd(instance.dailyBudgetCents)}, this studio’s daily budget`),
    ]),
  });
}
export type TeamSettingsInput = z.input<ReturnType<typeof teamSettingsSchema>>;

export const shareSchema = z.object({
  generationId: z.uuid(),
  scope: z.enum(['clip', 'sweep']),
  showRecipe: z.boolean(),
});
export type ShareInput = z.input<typeof shareSchema>;
