import type { Role } from '@/db/schema';

export type Action =
  | 'generation:read'
  | 'generation:create'
  | 'generation:manage'
  | 'generation:watch'
  | 'video:play';

const rolesAllowed: Record<Action, readonly Role[]> = {
  'generation:read': ['owner', 'editor', 'viewer'],
  'generation:watch': ['owner', 'editor', 'viewer'],
  'video:play': ['owner', 'editor', 'viewer'],
  'generation:create': ['owner', 'editor'],
  'generation:manage': ['owner', 'editor'],
};

/** The one authorization rule of the studio: may a member with this role do this? */
export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && rolesAllowed[action].includes(role);
}
