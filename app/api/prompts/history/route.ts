import { listPromptHistory } from '@/db/queries/prompt-history';
import { authorize } from '@/lib/auth/session';
import { denied } from '@/lib/http';
import { promptHistoryQuerySchema, type PromptHistoryEntry } from '@/lib/prompts/history-schema';

export const dynamic = 'force-dynamic';

/** The member's own distinct prompts in this team, most recent first, searchable with `?q=`. */
export async function GET(request: Request) {
  const auth = await authorize('generation:read');
  if (!auth.ok) return denied(auth.status);
  const { q, limit } = promptHistoryQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const entries: PromptHistoryEntry[] = await listPromptHistory({ teamId: auth.context.team.teamId, userId: auth.context.member.userId, q, limit });
  return Response.json({ entries }, { headers: { 'cache-control': 'no-store' } });
}
