import 'server-only';
import { applyCallbackStatus, getGenerationForWorker } from '@/db/queries/generations';
import { archiveGeneration } from '@/lib/storage/archive';
import { statusEnvelopeSchema } from '@/lib/wan/envelope';
import { applyTaskStatus } from './apply-status';
import { parseCallbackToken, secretsMatch } from './callback-url';
import { notifyChanged } from './notify';

export type CallbackOutcome =
  | { status: 200; result: 'applied' | 'unchanged' }
  | { status: 400; error: string }
  | { status: 404 };

/**
 * A webhook delivery: the URL's secret proves it is for this generation; the payload must be a valid
 * status envelope for this generation's task. Idempotent: replays and late duplicates change nothing.
 */
export async function handleCallback(token: string, body: unknown, { now, pollScale }: { now: () => Date; pollScale: number }): Promise<CallbackOutcome> {
  const parts = parseCallbackToken(token);
  if (!parts) return { status: 404 };
  const row = await getGenerationForWorker({ id: parts.generationId });
  if (!row?.callbackSecret || !secretsMatch(parts.secret, row.callbackSecret)) return { status: 404 };

  const parsed = statusEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { status: 400, error: 'Not a Wan status envelope' };
  const status = parsed.data.data;
  // A send whose answer was lost (`unknown`) is proven created by its own secret: adopt the task.
  const adopting = row.taskId === null && (row.state === 'unknown' || row.state === 'sending');
  if (status.taskId !== row.taskId && !adopting) return { status: 400, error: 'This callback is for another task' };
  if (status.state !== 'success' && status.state !== 'failed') return { status: 200, result: 'unchanged' };

  const values = {
    ...applyTaskStatus(row, status, now(), pollScale),
    pollCount: row.pollCount, // a delivery is not a poll
    taskId: status.taskId,
    failCode: status.failCode ?? null,
    failMsg: status.failMsg ?? null,
  };
  const applied = await applyCallbackStatus({ id: row.id, values });
  if (applied) notifyChanged(row.id);
  if (applied && status.state === 'success') void archiveGeneration(row.id).catch(() => undefined);
  return { status: 200, result: applied ? 'applied' : 'unchanged' };
}
