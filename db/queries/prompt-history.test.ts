import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { memberships } from '@/db/schema';
import { createOwner, insertTestGeneration } from '@/test/fixtures';
import { listPromptHistory, promptHistoryQuery } from './prompt-history';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe('prompt history', () => {
  it('lists one member’s distinct prompts in the team, most recently used first, with counts and the latest negative prompt', async () => {
    const me = await createOwner(`${crypto.randomUUID()}@history.test`);
    const colleague = await createOwner(`${crypto.randomUUID()}@history.test`);
    getDb().insert(memberships).values({ teamId: me.teamId, userId: colleague.userId, role: 'editor' }).run();
    await insertTestGeneration(me, { prompt: 'a fox in the snow', negativePrompt: 'old', createdAt: at(1) });
    await insertTestGeneration(me, { prompt: 'a lighthouse at night', createdAt: at(2) });
    await insertTestGeneration(me, { prompt: 'a fox in the snow', negativePrompt: 'blurry', createdAt: at(3) });
    await insertTestGeneration(me, { prompt: 'a trashed idea', createdAt: at(4), deletedAt: at(5) });
    await insertTestGeneration({ ...colleague, teamId: me.teamId }, { prompt: 'a colleague’s prompt', createdAt: at(6) });
    // The same person in another team: not this team's history.
    await insertTestGeneration(colleague, { prompt: 'elsewhere', createdAt: at(7) });

    expect(await listPromptHistory({ ...me, limit: 30 })).toEqual([
      { prompt: 'a fox in the snow', negativePrompt: 'blurry', uses: 2, lastUsedAt: at(3).getTime() },
      { prompt: 'a lighthouse at night', negativePrompt: '', uses: 1, lastUsedAt: at(2).getTime() },
    ]);
    expect(await listPromptHistory({ ...me, limit: 1 })).toHaveLength(1);
    expect(await listPromptHistory({ userId: colleague.userId, teamId: colleague.teamId, limit: 30 })).toMatchObject([{ prompt: 'elsewhere' }]);
  });

  it('searches the prompt (not the negative prompt), word by word, the last word as a prefix', async () => {
    const me = await createOwner(`${crypto.randomUUID()}@history.test`);
    await insertTestGeneration(me, { prompt: 'a fox in the snow', negativePrompt: 'lighthouse', createdAt: at(1) });
    await insertTestGeneration(me, { prompt: 'a lighthouse at night', createdAt: at(2) });
    const prompts = async (q: string) => (await listPromptHistory({ ...me, q, limit: 30 })).map((entry) => entry.prompt);
    expect(await prompts('lightho')).toEqual(['a lighthouse at night']);
    expect(await prompts('fox sn')).toEqual(['a fox in the snow']);
    expect(await prompts('fox night')).toEqual([]);
    expect(await prompts('"*')).toEqual([]);
  });

  it.each(['', 'fox sn'])('groups by walking a covering index, without reading the clips or sorting them (q=%j)', (q) => {
    const query = promptHistoryQuery({ teamId: 't', userId: 'u', q, limit: 30 });
    const plan = getDb()
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
      .map((row) => row.detail);
    expect(plan).toContain('SEARCH generations USING COVERING INDEX generations_team_user_prompt_idx (team_id=? AND user_id=?)');
    expect(plan).not.toContain('USE TEMP B-TREE FOR GROUP BY');
    // Only the page's prompts read a clip each, by the same index.
    expect(plan).toContain('SEARCH g USING INDEX generations_team_user_prompt_idx (team_id=? AND user_id=? AND prompt=?)');
  });
});
