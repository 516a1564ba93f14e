import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { generations } from '@/db/schema';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { inTeamByIds, listGenerationsByIds, listGenerationStates } from './generations';

let team: Owner;
let other: Owner;
const ids: string[] = [];
let othersId = '';

beforeAll(async () => {
  team = await createOwner('by-ids@example.test');
  other = await createOwner('by-ids-other@example.test');
  for (let i = 0; i < 200; i++) ids.push((await insertTestGeneration(team, { seed: i, state: i % 2 ? 'success' : 'processing' })).id);
  othersId = (await insertTestGeneration(other, { seed: 1 })).id;
});

describe('reads by id (the long poll’s)', () => {
  it('return the asked clips of the team, never another team’s', async () => {
    const asked = [ids[3] ?? '', ids[150] ?? '', othersId];
    const states = await listGenerationStates({ ids: asked, teamId: team.teamId });
    expect(states.map((row) => row.id).sort()).toEqual([ids[3], ids[150]].sort());
    const views = await listGenerationsByIds({ ids: asked, teamId: team.teamId });
    expect(views.map((row) => row.id).sort()).toEqual([ids[3], ids[150]].sort());
  });

  it('look the clips up by primary key instead of reading every clip of the team', () => {
    const query = getDb().select({ id: generations.id }).from(generations).where(inTeamByIds).toSQL();
    const plan = getDb()
      .$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(JSON.stringify(ids.slice(0, 50)), team.teamId) as { detail: string }[];
    const details = plan.map((step) => step.detail).join('\n');
    expect(details).toMatch(/SEARCH generations USING (INDEX|PRIMARY KEY|COVERING INDEX) sqlite_autoindex_generations_1 \(id=\?\)/);
    expect(details).not.toContain('team_id=?');
  });
});
