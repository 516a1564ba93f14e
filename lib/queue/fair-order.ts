/** A queued clip as the dispatcher sees it; the list comes in queue order (lowest rank first). */
export type QueuedClip = { id: string; teamId: string; userId: string };

export const teamTurnKey = (teamId: string) => `team:${teamId}`;
export const personTurnKey = (teamId: string, userId: string) => `person:${teamId}:${userId}`;

/**
 * Which queued clips get the next `slots`: round-robin across teams, and across people within a team, each
 * in its own queue order. `turns` holds when each team and person was last served on a logical clock whose
 * latest value is `clock` (never served comes first), so one team's 10 000-clip backlog cannot hold anyone
 * else's clip behind it. Returns the chosen ids and the turns to store.
 */
export function fairOrder(
  queued: QueuedClip[],
  { turns, clock: latest }: { turns: ReadonlyMap<string, number>; clock: number },
  slots: number,
): { ids: string[]; turns: Map<string, number> } {
  const teams = new Map<string, Map<string, string[]>>();
  for (const clip of queued) {
    const people = teams.get(clip.teamId) ?? new Map<string, string[]>();
    teams.set(clip.teamId, people);
    const ids = people.get(clip.userId) ?? [];
    people.set(clip.userId, ids);
    ids.push(clip.id);
  }
  const served = new Map<string, number>();
  const turnOf = (key: string) => served.get(key) ?? turns.get(key) ?? -1;
  let clock = latest;
  const ids: string[] = [];
  while (ids.length < slots && teams.size > 0) {
    // Ties go to the first in queue order (Map keeps insertion order, and min keeps the first).
    const teamId = leastRecent(teams.keys(), (id) => turnOf(teamTurnKey(id)));
    const people = teams.get(teamId);
    if (!people) break;
    const userId = leastRecent(people.keys(), (id) => turnOf(personTurnKey(teamId, id)));
    const next = people.get(userId);
    const id = next?.shift();
    if (!id || !next) break;
    ids.push(id);
    clock += 1;
    served.set(teamTurnKey(teamId), clock);
    served.set(personTurnKey(teamId, userId), clock);
    if (next.length === 0) people.delete(userId);
    if (people.size === 0) teams.delete(teamId);
  }
  return { ids, turns: served };
}

function leastRecent(keys: Iterable<string>, turn: (key: string) => number): string {
  let best: string | undefined;
  let bestTurn = Infinity;
  for (const key of keys) {
    const value = turn(key);
    if (value < bestTurn) [best, bestTurn] = [key, value];
  }
  if (best === undefined) throw new Error('no candidates');
  return best;
}
