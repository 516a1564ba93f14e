import { z } from 'zod';
import { roles } from '@/db/schema';

export const teamNameSchema = z.string().trim().min(1, 'Name the team').max(60, 'Team names are at most 60 characters');

export const inviteSchema = z.object({
  role: z.enum(roles, 'Choose a role'),
  expiresInDays: z.coerce.number().int().min(1, 'At least 1 day').max(30, 'At most 30 days'),
  maxUses: z.coerce.number().int().min(1, 'At least 1 use').max(100, 'At most 100 uses'),
});
export type InviteInput = z.input<typeof inviteSchema>;

export const teamSettingsSchema = z.object({
  name: teamNameSchema,
  /** Empty means the studio's default. */
  sweepBudgetUsd: z.union([z.literal(''), z.coerce.number().min(0, 'Zero or more').max(10_000, 'At most $10,000')]),
  hourlyQuota: z.union([z.literal(''), z.coerce.number().int('A whole number').min(1, 'At least 1').max(10_000, 'At most 10,000')]),
});
export type TeamSettingsInput = z.input<typeof teamSettingsSchema>;

export const shareSchema = z.object({
  generationId: z.uuid(),
  scope: z.enum(['clip', 'sweep']),
  showRecipe: z.boolean(),
});
export type ShareInput = z.input<typeof shareSchema>;
