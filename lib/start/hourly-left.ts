import 'server-only';
import { getHourlyUse } from '@/db/queries/spend';
import { limitsFor } from './limits';

/**
 * How many more clips this member may start in this team before the hourly limits refuse one: the lower of
 * the team's limit per member and the studio's limit per person (counted across all of their teams).
 * `nextAt`: when the binding limit frees a clip again (null while none has been started in the hour).
 */
export type HourlyLeft = { left: number; limit: number; scope: 'member' | 'person'; nextAt: number | null };

const HOUR_MS = 60 * 60_000;

export async function hourlyLeft({ teamId, userId, now }: { teamId: string; userId: string; now: Date }): Promise<HourlyLeft> {
  const [limits, use] = await Promise.all([limitsFor(teamId), getHourlyUse({ teamId, userId, now })]);
  const member = { scope: 'member' as const, limit: limits.memberHourly, ...use.member };
  const person = { scope: 'person' as const, limit: limits.personHourly, ...use.person };
  const left = (bound: typeof member | typeof person) => Math.max(0, bound.limit - bound.used);
  // The member's own limit names the team; the person's counts every team: the tighter one is what the form says.
  const binding = left(person) < left(member) ? person : member;
  return { left: left(binding), limit: binding.limit, scope: binding.scope, nextAt: binding.oldest ? binding.oldest.getTime() + HOUR_MS : null };
}
