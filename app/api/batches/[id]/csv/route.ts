import { z } from 'zod';
import { listBatch } from '@/db/queries/gallery';
import { authorize } from '@/lib/auth/session';
import { batchCsv } from '@/lib/batch/batch-csv';
import { getEnv } from '@/lib/env';
import { denied, missing } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A batch as CSV: each row's recipe, state, our links and the service's result link, for spreadsheets. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize('gallery:export');
  if (!auth.ok) return denied(auth.status);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return missing();
  const rows = await listBatch({ teamId: auth.context.team.teamId, batchId: id.data });
  if (rows.length === 0) return missing();
  const origin = getEnv().publicUrl ?? new URL(request.url).origin;
  return new Response(batchCsv(rows, origin.replace(/\/$/, '')), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="batch-${id.data.slice(0, 8)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
