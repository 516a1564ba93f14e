import { describe, expect, it } from 'vitest';
import { fairOrder, personTurnKey, teamTurnKey, type QueuedClip } from './fair-order';

const clips = (teamId: string, userId: string, n: number): QueuedClip[] => Array.from({ length: n }, (_, i) => ({ id: `${teamId}-${userId}-${i}`, teamId, userId }));

describe('fair dispatch order', () => {
  it('a 1 000-clip backlog of one team holds nobody else behind it: three teams take turns', () => {
    // Team A queued first and most; B and C arrived later with a few each.
    const queued = [...clips('A', 'a1', 1_000), ...clips('B', 'b1', 3), ...clips('C', 'c1', 2)];
    const { ids } = fairOrder(queued, { turns: new Map(), clock: 0 }, 8);
    expect(ids).toEqual(['A-a1-0', 'B-b1-0', 'C-c1-0', 'A-a1-1', 'B-b1-1', 'C-c1-1', 'A-a1-2', 'B-b1-2']);
  });

  it('turns carry over between rounds: one free slot at a time still rotates across the teams', () => {
    let turns = new Map<string, number>();
    let clock = 0;
    let queued = [...clips('A', 'a1', 10), ...clips('B', 'b1', 10), ...clips('C', 'c1', 10)];
    const order: string[] = [];
    for (let round = 0; round < 6; round++) {
      const picked = fairOrder(queued, { turns, clock }, 1);
      turns = new Map([...turns, ...picked.turns]);
      clock = Math.max(clock, ...picked.turns.values());
      order.push(...picked.ids);
      queued = queued.filter((clip) => !picked.ids.includes(clip.id));
    }
    expect(order.map((id) => id[0])).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
  });

  it('within a team, people take turns too, each in their own queue order', () => {
    const queued = [...clips('A', 'ann', 5), ...clips('A', 'bob', 2), ...clips('B', 'cat', 1)];
    const { ids } = fairOrder(queued, { turns: new Map(), clock: 0 }, 6);
    expect(ids).toEqual(['A-ann-0', 'B-cat-0', 'A-bob-0', 'A-ann-1', 'A-bob-1', 'A-ann-2']);
  });

  it('a team never served goes before teams that were, and the stored turns say who was served', () => {
    const turns = new Map([
      [teamTurnKey('A'), 10],
      [personTurnKey('A', 'a1'), 10],
    ]);
    const picked = fairOrder([...clips('A', 'a1', 2), ...clips('B', 'b1', 1)], { turns, clock: 10 }, 2);
    expect(picked.ids).toEqual(['B-b1-0', 'A-a1-0']);
    expect(picked.turns.get(teamTurnKey('B'))).toBe(11);
    expect(picked.turns.get(teamTurnKey('A'))).toBe(12);
  });
});
