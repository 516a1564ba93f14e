import { z } from 'zod';

// Shared by the admin page's form (browser) and its action (server).
export const instanceInviteSchema = z.object({
  expiresInDays: z.coerce.number().int().min(1, 'At least 1 day').max(30, 'At most 30 days'),
  maxUses: z.coerce.number().int().min(1, 'At least 1 use').max(100, 'At most 100 uses'),
});
export type InstanceInviteInput = z.input<typeof instanceInviteSchema>;
