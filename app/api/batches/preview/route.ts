import { previewBatch } from '@/lib/batch/batch-plan';
import { readBatchCall } from '@/lib/batch/batch-route';
import { problem } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A batch file checked row by row, with its cost and whether it would be refused: nothing is stored or fetched. */
export async function POST(request: Request) {
  const read = await readBatchCall(request);
  if (!read.ok) return read.response;
  const previewed = await previewBatch(read.call);
  if (!previewed.ok) return problem(400, previewed.message);
  return Response.json(previewed.preview, { headers: { 'cache-control': 'no-store' } });
}
