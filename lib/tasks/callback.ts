import 'server-only';
import crypto from 'node:crypto';
import { applyCallbackStatus, getGenerationForWorker } from '@/db/queries/tracker';
import type { Generation, NewGeneration } from '@/db/schema';
import { POLL_INTERVAL_MS } from '@/lib/generation/timings';
import { isOpen, isUnconfirmedSend } from '@/lib/generation/states';
import { archiveGeneration } from '@/lib/storage/archive';
import type { TaskStatus, WanClient } from '@/lib/wan';
import { statusEnvelopeSchema } from '@/lib/wan/envelope';
import { applyTaskStatus } from './apply-status';
import { notifyChanged } from './notify';
import { log } from '@/lib/ops/log';

/** A fresh unguessable per-task secret (256 bits). */
export function newCallbackSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The webhook address of one generation: its id (to find the row) and its secret (to prove the sender). */
export function callbackUrl(publicUrl: string, generationId: string, secret: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/wan/callback/${generationId}.${secret}`;
}

/** Splits the token of a callback URL; undefined when it is not of our shape. */
export function parseCallbackToken(token: string): { generationId: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match?.[1] && match[2] ? { generationId: match[1], secret: match[2] } : undefined;
}

export function secretsMatch(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export type CallbackOutcome =
  | { status: 200; result: 'applied' | 'unchanged' | 'deferred' }
  | { status: 400; message: string }
  | { status: 404 };

export type CallbackDeps = { wan: Pick<WanClient, 'getTask'>; now: () => Date; pollScale: number };

/** The generation a webhook URL's token names, only when its secret matches: looked up before any body is read. */
export async function findCallbackTarget(token: string): Promise<Generation | undefined> {
  const parts = parseCallbackToken(token);
  if (!parts) return undefined;
  const row = await getGenerationForWorker({ id: parts.generationId });
  return row?.callbackSecret && secretsMatch(parts.secret, row.callbackSecret) ? row : undefined;
}

/**
 * A delivery for `row`: the payload must be a valid status envelope for its task. A failure is applied as
 * sent; a success is only believed after one status call of our own, whose result URLs are the ones stored.
 * Idempotent: replays and late duplicates change nothing.
 */
export async function applyCallback(row: Generation, body: unknown, deps: CallbackDeps): Promise<CallbackOutcome> {
  const parsed = statusEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { status: 400, message: 'Not a Wan status envelope' };
  const claimed = parsed.data.data;
  // A send whose answer was lost (`unknown`) is proven created by its own secret: adopt the task.
  const adopting = row.taskId === null && isUnconfirmedSend(row.state);
  if (claimed.taskId !== row.taskId && !adopting) return { status: 400, message: 'This callback is for another task' };
  if (claimed.state !== 'success' && claimed.state !== 'failed') return { status: 200, result: 'unchanged' };
  // A replay for a finished clip changes nothing: no status call for it either.
  if (!adopting && !isOpen(row.state)) return { status: 200, result: 'unchanged' };

  let status: TaskStatus = claimed;
  if (claimed.state === 'success') {
    try {
      status = await deps.wan.getTask(claimed.taskId, row.model);
    } catch (error) {
      log().warn({ event: 'callback', task_id: claimed.taskId, error: error instanceof Error ? error.message : String(error) }, 'confirming a callback failed');
      return deferToPoll(row, claimed.taskId, adopting, deps);
    }
  }
  const values = {
    ...applyTaskStatus(row, status, deps.now(), deps.pollScale),
    // A delivery is not a poll, its one confirming status call included: the poll schedule is the tracker's.
    pollCount: row.pollCount,
    taskId: claimed.taskId,
    failCode: status.failCode ?? null,
    failMsg: status.failMsg ?? null,
  };
  const applied = await applyCallbackStatus({ id: row.id, values });
  if (applied) notifyChanged(row.id);
  if (applied && values.state === 'success') void archiveGeneration(row.id, { onChange: notifyChanged, now: deps.now }).catch(() => undefined);
  return { status: 200, result: applied ? 'applied' : 'unchanged' };
}

/** The success could not be confirmed: trust nothing of it, but have the tracker ask soon. */
async function deferToPoll(row: Generation, taskId: string, adopting: boolean, { now, pollScale }: CallbackDeps): Promise<CallbackOutcome> {
  const at = now();
  const values: Partial<NewGeneration> = { taskId, nextPollAt: new Date(at.getTime() + POLL_INTERVAL_MS * pollScale), leaseUntil: null, updatedAt: at };
  // An adopted task is open from now on (its secret proves it was created), so the tracker polls it.
  if (adopting) Object.assign(values, { state: 'processing', failCode: null, failMsg: null, submittedAt: row.submittedAt ?? at });
  const applied = await applyCallbackStatus({ id: row.id, values });
  if (applied) notifyChanged(row.id);
  return { status: 200, result: applied ? 'deferred' : 'unchanged' };
}
