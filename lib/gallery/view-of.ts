import 'server-only';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { getQueuePosition } from '@/db/queries/queue';
import { getEnv } from '@/lib/env';
import { toGenerationView, type GenerationView } from './view';

/** A row as the browser sees it, with its place in the queue when it is waiting. */
export async function viewOf(row: GenerationWithAuthor): Promise<GenerationView> {
  const queuePosition = row.state === 'queued' ? await getQueuePosition({ id: row.id }) : null;
  return toGenerationView(row, { timeScale: getEnv().pollScale, queuePosition });
}
