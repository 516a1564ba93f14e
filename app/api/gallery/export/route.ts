import { z } from 'zod';
import { listGenerationsByIds } from '@/db/queries/generations';
import { authorize } from '@/lib/auth/session';
import { exportZip } from '@/lib/export/export-clips';
import { clipIdsSchema } from '@/lib/gallery/schemas';
import { crossSite, denied, missing, problem, sameOrigin } from '@/lib/http';
import { bodyRefused, readForm } from '@/lib/read-body';

export const dynamic = 'force-dynamic';

const idsSchema = z
  .string()
  .max(40 * 500)
  .transform((value) => [...new Set(value.split(',').filter(Boolean))])
  .pipe(clipIdsSchema);

/** Download the selected clips as a zip (videos + recipes.json), streamed: memory stays flat at any size. */
export async function POST(request: Request) {
  // A form post from our own pages only (the session cookie is SameSite=Lax, this is belt and braces).
  if (!sameOrigin(request)) return crossSite();
  // Who is asking comes before reading what they sent.
  const auth = await authorize('gallery:export');
  if (!auth.ok) return denied(auth.status);
  const form = await readForm(request, { maxBytes: 64 * 1024, tooLarge: 'Select at most 500 clips to download.' });
  if (!form.ok) return bodyRefused(form);
  return exportFor(auth.context.team.teamId, String(form.value.get('ids') ?? ''));
}

export async function GET(request: Request) {
  const auth = await authorize('gallery:export');
  if (!auth.ok) return denied(auth.status);
  return exportFor(auth.context.team.teamId, new URL(request.url).searchParams.get('ids') ?? '');
}

async function exportFor(teamId: string, rawIds: string): Promise<Response> {
  const ids = idsSchema.safeParse(rawIds);
  if (!ids.success) return problem(400, ids.error.issues[0]?.message ?? 'Select clips to download');
  const rows = await listGenerationsByIds({ ids: ids.data, teamId });
  if (rows.length === 0) return missing();
  // Keep the order the clips were selected in.
  rows.sort((a, b) => ids.data.indexOf(a.id) - ids.data.indexOf(b.id));
  const now = new Date();
  const name = `wan-studio-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.zip`;
  return new Response(exportZip(rows, now), {
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  });
}
