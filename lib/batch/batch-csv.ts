import 'server-only';
import type { Generation } from '@/db/schema';
import { requestOf } from '@/lib/generation/recipe';
import { BATCH_COLUMNS } from './batch-format';
import { toCsv } from './csv-cell';

// A batch back as a spreadsheet: the file's own columns (so it can be edited and run again), then what
// became of each row: its state, its links, and why it failed.

const header = ['row', ...BATCH_COLUMNS, 'state', 'task_id', 'clip_link', 'video_link', 'result_url', 'fail_code', 'fail_message'] as const;

/** The CSV of a batch's clips, in row order; links are absolute from `origin` (our own pages: members sign in to open them). */
export function batchCsv(rows: Generation[], origin: string): string {
  return toCsv(
    header,
    rows.map((row) => {
      const recipe = requestOf(row);
      const done = row.state === 'success';
      return [
        row.batchRow, recipe.prompt, recipe.negativePrompt, recipe.seed, recipe.model, recipe.mode, recipe.resolution,
        recipe.mode === 'image-to-video' ? '' : recipe.aspectRatio, recipe.duration, recipe.enablePromptExpansion, recipe.provider, recipe.requestType,
        row.imageUrls?.[0], row.audioUrls?.[0], row.state, row.taskId,
        `${origin}/gallery/${row.id}`,
        done && row.archivePath ? `${origin}/api/generations/${row.id}/video` : '',
        done ? row.resultUrls?.[0] : '', row.failCode, row.failMsg,
      ];
    }),
  );
}
