import type { BatchFormat } from './batch-format';
import type { BatchRowResult } from './batch-requests';

// What the preview route answers (JSON) and the batch page shows: plain data, safe for the browser.

export type BatchPreviewRow = BatchRowResult & { costCents: number | null };
export type BatchPreview = {
  format: BatchFormat;
  columns: string[];
  /** Columns that set nothing (shot numbers, notes): ignored. */
  ignored: string[];
  rows: BatchPreviewRow[];
  /** Rows with a problem; nothing can start while any has one. */
  invalid: number;
  costCents: number;
  capCents: number;
  /** What the key has left, when the service says. */
  balanceCents: number | null;
  /** Why these rows would be refused as they are (the cap per batch, the hourly or daily limits, the balance), if they would. */
  refusal: string | null;
};

/** What the start route answers: the batch and its clips, stored and queued. */
export type BatchStartedView = { batchId: string; ids: string[]; clips: number; costCents: number };
