import type { Role } from '@/db/schema';

export type Action =
  | 'generation:read'
  | 'generation:watch'
  | 'video:play'
  | 'generation:create'
  | 'generation:manage'
  | 'generation:favorite'
  | 'generation:curate'
  | 'generation:delete'
  | 'gallery:export'
  | 'gallery:save-view'
  | 'trash:empty'
  | 'team:read'
  | 'team:manage'
  | 'share:manage'
  | 'preset:save'
  | 'preset:share'
  | 'usage:team';

/** 'any': on every clip of the team; 'own': only on clips the member made. */
export type Reach = 'any' | 'own';

const rules: Record<Action, Partial<Record<Role, Reach>>> = {
  'generation:read': { owner: 'any', editor: 'any', viewer: 'any' },
  'generation:watch': { owner: 'any', editor: 'any', viewer: 'any' },
  'video:play': { owner: 'any', editor: 'any', viewer: 'any' },
  'gallery:export': { owner: 'any', editor: 'any', viewer: 'any' },
  'gallery:save-view': { owner: 'any', editor: 'any', viewer: 'any' },
  'generation:favorite': { owner: 'any', editor: 'any', viewer: 'any' },
  'generation:create': { owner: 'any', editor: 'any' },
  'generation:manage': { owner: 'any', editor: 'own' },
  'generation:curate': { owner: 'any', editor: 'any' },
  'generation:delete': { owner: 'any', editor: 'own' },
  'trash:empty': { owner: 'any' },
  'team:read': { owner: 'any', editor: 'any', viewer: 'any' },
  'team:manage': { owner: 'any' },
  // The whole team's clips and spend: owners, who also set the team's budgets. Everyone sees their own.
  'usage:team': { owner: 'any' },
  'share:manage': { owner: 'any', editor: 'any' },
  // Personal presets go with generating; a shared one is the team's: editors manage those they shared, owners any.
  'preset:save': { owner: 'any', editor: 'any' },
  'preset:share': { owner: 'any', editor: 'own' },
};

export type Member = { role: Role; userId: string };

/**
 * The one authorization rule of the studio: may this member do this, on this clip when one is named?
 * Without a clip, 'own' reach counts as allowed (the member may act on their own clips).
 */
export function can(member: Member | undefined, action: Action, item?: { userId: string }): boolean {
  const reach = member && rules[action][member.role];
  if (!reach) return false;
  return reach === 'any' || item === undefined || item.userId === member.userId;
}

/** How far an action reaches for this member, for pages deciding which controls to show. */
export function reachOf(member: Member | undefined, action: Action): Reach | null {
  return (member && rules[action][member.role]) ?? null;
}
