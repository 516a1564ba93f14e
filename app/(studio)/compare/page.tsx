import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { listBatch, listStack } from '@/db/queries/gallery';
import { listGenerationsByIds } from '@/db/queries/generations';
import { AbWipe } from '@/components/compare/ab-wipe';
import { CompareGrid, type CompareClip } from '@/components/compare/compare-grid';
import { RecipeDiffTable } from '@/components/compare/recipe-diff-table';
import { requireStudioContext } from '@/lib/auth/session';
import { stackKeySchema } from '@/lib/gallery/schemas';
import { compareOrder } from '@/lib/gallery/stack-groups';
import { hasSound } from '@/lib/generation/models';
import { requestOf } from '@/lib/generation/recipe';
import { diffRecipes, type RecipeDiffRow } from '@/lib/generation/recipe-diff';
import { settled } from '@/lib/generation/states';
import { loadView } from '@/lib/gallery/load';
import { CompareModeLinks } from '@/components/compare/compare-controls';
import { CompareWaiting } from '@/components/compare/compare-waiting';
import { shownPrompt } from '@/components/format';

export const metadata: Metadata = { title: 'Compare' };

const idsSchema = z
  .string()
  .transform((value) => [...new Set(value.split(',').filter(Boolean))])
  .pipe(z.array(z.uuid()).min(2).max(16));

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 2–16 clips side by side, in sync, with what differs between their recipes. */
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const { team } = await requireStudioContext();
  const params = await searchParams;
  // A stack card links here with its key: its clips (at most 16), the first made first, a sweep in seed order.
  const stack = stackKeySchema.safeParse(params.stack);
  const stackRows = stack.success ? await listStack({ teamId: team.teamId, stackKey: stack.data, limit: 16 }) : [];
  const stackIds = compareOrder(stackRows, (row) => row.sweepId).map((row) => row.id);
  // A batch links here too: its first 16 clips that are done or on their way, in the file's row order.
  const batch = z.uuid().safeParse(params.batch);
  const batchRows = batch.success && !stack.success ? await listBatch({ teamId: team.teamId, batchId: batch.data }) : [];
  const batchIds = batchRows.filter((row) => row.state === 'success' || !settled(row.state)).slice(0, 16).map((row) => row.id);
  const chosen = stack.success ? stackIds.join(',') : batch.success ? batchIds.join(',') : typeof params.ids === 'string' ? params.ids : '';
  const parsed = idsSchema.safeParse(chosen);
  const rows = parsed.success ? await listGenerationsByIds({ ids: parsed.data, teamId: team.teamId }) : [];
  // Keep the order the caller asked for; drop what is not this team's or cannot play yet.
  const order = parsed.success ? parsed.data : [];
  const live = rows.filter((row) => row.deletedAt === null).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  if (live.some((row) => !settled(row.state))) {
    return (
      <div className="space-y-6">
        <h1 className="text-xl font-semibold tracking-tight">Compare {live.length} clips</h1>
        <CompareWaiting views={await Promise.all(live.map(loadView))} />
      </div>
    );
  }
  const ready = rows.filter((row) => row.state === 'success' && row.deletedAt === null).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const views = await Promise.all(ready.map(loadView));
  const diff = diffRecipes(ready.map(requestOf));
  const clips: CompareClip[] = views.flatMap((view, index) =>
    view.videoUrl ? [{ id: view.id, src: view.videoUrl, aspectRatio: view.aspectRatio, label: labelOf(diff, index, view.seed), href: `/gallery/${view.id}`, sound: hasSound(view.model) }] : [],
  );
  const wipe = params.view === 'wipe' && clips.length === 2;

  if (clips.length < 2) {
    return (
      <div className="mx-auto max-w-lg space-y-3 py-16 text-center" data-testid="compare-empty">
        <h1 className="text-xl font-semibold tracking-tight">Pick two to sixteen finished clips</h1>
        <p className="text-sm text-muted">
          {parsed.success ? 'Fewer than two of these clips are finished and in this team’s gallery.' : 'Select clips in the gallery and choose Compare.'}
        </p>
        <Link href="/gallery" className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the gallery
        </Link>
      </div>
    );
  }

  const [a, b] = clips;
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold tracking-tight">Compare {clips.length} clips</h1>
          <p className="max-w-2xl text-sm text-muted line-clamp-2">{views[0] ? shownPrompt(views[0].prompt) : null}</p>
        </div>
        {clips.length === 2 && <CompareModeLinks ids={clips.map((clip) => clip.id)} wipe={wipe} />}
      </header>
      {wipe && a && b ? <AbWipe a={a} b={b} /> : <CompareGrid clips={clips} />}
      <RecipeDiffTable clips={clips} rows={diff} />
    </div>
  );
}

/** A tile's name: what sets it apart (seed, and the sweep's second axis when there is one). */
function labelOf(diff: RecipeDiffRow[], index: number, seed: number): string {
  const parts = diff.filter((row) => row.differs && labelled.has(row.field)).map((row) => `${row.field === 'seed' ? 'seed' : row.label.toLowerCase()} ${row.values[index]}`);
  return parts.length ? parts.join(' · ') : `seed ${seed}`;
}

const labelled = new Set<RecipeDiffRow['field']>(['seed', 'duration', 'resolution', 'enablePromptExpansion']);
