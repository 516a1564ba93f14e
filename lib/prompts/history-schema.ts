import { z } from 'zod';
import '@/lib/zod-jitless';

// The prompt history's boundary: the route's query, and each entry it answers.

export const PROMPT_HISTORY_PAGE = 30;
const SEARCH_MAX = 200;

/** `?q=` (searched word by word, the last as a prefix) and `?limit=`; anything malformed falls back to the default. */
export const promptHistoryQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_MAX).catch('').default(''),
  limit: z.coerce.number().int().min(1).max(100).catch(PROMPT_HISTORY_PAGE).default(PROMPT_HISTORY_PAGE),
});

export type PromptHistoryEntry = {
  prompt: string;
  /** The negative prompt of the latest clip with this prompt ('' when it had none). */
  negativePrompt: string;
  /** How many of the member's clips in this team used it. */
  uses: number;
  lastUsedAt: number;
};
