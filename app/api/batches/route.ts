import { startBatch } from '@/lib/batch/batch-plan';
import type { BatchStartedView } from '@/lib/batch/batch-preview';
import { readBatchCall } from '@/lib/batch/batch-route';
import { problem } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Starts every row of a batch file as one batch (201), or none: 400 with each row's problem, 429 over a limit. */
export async function POST(request: Request) {
  const read = await readBatchCall(request);
  if (!read.ok) return read.response;
  const started = await startBatch(read.call);
  if (!started.ok) return problem(started.kind === 'invalid' ? 400 : 429, started.message, { problems: started.problems });
  return Response.json(
    { batchId: started.batchId, ids: started.rows.map((row) => row.id), clips: started.rows.length, costCents: started.costCents } satisfies BatchStartedView,
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}
