import 'server-only';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { getQueuePosition } from '@/db/queries/queue';
import { getEnv } from '@/lib/env';
import { toView, type GenerationView } from '@/lib/generation/view';

/** A row as the browser sees it, with its place in the queue when it is waiting. */
export async function loadView(row: GenerationWithAuthor): Promise<GenerationView> {
  const queuePosition = row.state === 'queued' ? await getQueuePosition({ id: row.id }) : null;
  return toView(row, { pollScale: getEnv().pollScale, queuePosition });
}
