import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { toMatchQuery } from './gallery';

export type PromptHistoryRow = { prompt: string; negativePrompt: string; uses: number; lastUsedAt: number };

/**
 * One member's distinct prompts in one team (trashed clips aside), most recently used first, with how often.
 * Grouping walks generations_team_user_prompt_idx in prompt order without reading a row (a covering index);
 * the search is the gallery's FTS5 index, restricted to the prompt column; only the page's prompts read one
 * row each, for their latest negative prompt.
 */
export async function listPromptHistory(params: HistoryParams): Promise<PromptHistoryRow[]> {
  const query = promptHistoryQuery(params);
  return query ? getDb().all<PromptHistoryRow>(query) : [];
}

type HistoryParams = { teamId: string; userId: string; q?: string; limit: number };

/** The statement (exported for its query plan's test); undefined when the search has no words to look for. */
export function promptHistoryQuery({ teamId, userId, q, limit }: HistoryParams): SQL | undefined {
  const match = q ? toMatchQuery(q) : undefined;
  if (q && !match) return undefined;
  const search = match ? sql`AND +rowid IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ${`prompt : (${match})`})` : sql``;
  return sql`
    SELECT h.prompt AS prompt, h.uses AS uses, h.last AS lastUsedAt,
      coalesce((SELECT g.negative_prompt FROM generations g
        WHERE g.team_id = ${teamId} AND g.user_id = ${userId} AND g.prompt = h.prompt AND g.deleted_at IS NULL
        ORDER BY g.created_at DESC LIMIT 1), '') AS negativePrompt
    FROM (
      SELECT prompt, max(created_at) AS last, count(*) AS uses FROM generations
      WHERE team_id = ${teamId} AND user_id = ${userId} AND deleted_at IS NULL AND prompt <> '' ${search}
      GROUP BY prompt ORDER BY last DESC, prompt LIMIT ${limit}
    ) h
    ORDER BY h.last DESC, h.prompt`;
}
