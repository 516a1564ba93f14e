import type { z } from 'zod';
import { inviteLinkSchema } from '@/lib/teams/schemas';

// Shared by the admin page's form (browser) and its action (server).
export const instanceInviteSchema = inviteLinkSchema;
export type InstanceInviteInput = z.input<typeof instanceInviteSchema>;
