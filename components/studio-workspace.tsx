'use client';

import { IntentLink } from './intent-link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { isFailure } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import type { PriceTable } from '@/lib/generation/schema';
import type { ManageQueueAction } from './queue-controls';
import type { SweepAction } from './sweep-form';
import { StudioForm, type CreateGenerationAction } from './studio-form';
import type { StudioFormValues } from './studio-form-values';
import { ClipCard } from './clip-card';
import { useClipFileRecipe } from './clip-file-recipe';
import type { PresetActions } from './presets/types';

/** The studio: the form on the left, this session's clips live on the right. */
export function StudioWorkspace({
  initialValues,
  parentId,
  recent,
  action,
  manage,
  remixOf,
  webhookAvailable,
  uploadsAvailable,
  canCreate,
  manageReach,
  userId,
  sweep,
  presetActions,
  continuing,
}: {
  /** The form starts the next shot of this chain (from the last frame of `after`). */
  continuing?: { chainId: string; after: string; position: number };
  canCreate: boolean;
  /** How far this member's queue controls reach: every clip, their own, or none (from can()). */
  manageReach: 'any' | 'own' | null;
  userId: string;
  sweep: { prices: PriceTable; budgetCents: number; createSweep: SweepAction };
  initialValues: StudioFormValues;
  parentId?: string;
  recent: GenerationView[];
  action: CreateGenerationAction;
  manage: ManageQueueAction;
  remixOf?: string;
  webhookAvailable: boolean;
  uploadsAvailable: boolean;
  presetActions?: PresetActions;
}) {
  const router = useRouter();
  const [views, setViews] = useState(recent);
  // A chain's next shot goes to its place; the chain's page then shows it among the others.
  const create: CreateGenerationAction = continuing ? (input, parentId) => action(input, parentId, { chainId: continuing.chainId, after: continuing.after }) : action;
  const created = (view: GenerationView) => {
    setViews((current) => [view, ...current]);
    if (continuing) router.push(`/chains/${continuing.chainId}`);
  };
  // Settings taken from a dropped clip file: the form starts again from them.
  const [fromFile, setFromFile] = useState<{ values: StudioFormValues; n: number }>();
  const clipFile = useClipFileRecipe({
    action,
    webhookAvailable,
    onCreated: (view) => setViews((current) => [view, ...current]),
    onUseSettings: (values) => setFromFile((current) => ({ values, n: (current?.n ?? 0) + 1 })),
  });
  // The newest clip that may have a video plays by itself (a failed one has none to play).
  const autoPlayId = views.find((view) => !isFailure(view.state))?.id;
  const mayManage = (view: GenerationView) => manageReach === 'any' || (manageReach === 'own' && view.authorId === userId);
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(320px,400px)_minmax(0,1fr)]">
      <section className="min-w-0 space-y-4 lg:sticky lg:top-20 lg:self-start">
        <header className="space-y-1">
          <div className="flex items-baseline justify-between gap-3">
            <h1 className="text-xl font-semibold tracking-tight">New clip</h1>
            {canCreate && (
              <span className="flex flex-wrap justify-end gap-x-4">
                {clipFile.trigger}
                <IntentLink href="/batch" className="text-sm text-muted underline-offset-2 hover:text-ink hover:underline" data-testid="batch-link">
                  Many from a file…
                </IntentLink>
              </span>
            )}
          </div>
          <p className="text-sm text-muted">
            {continuing ? (
              <span data-testid="continuing">
                Shot {continuing.position} of a chain: it starts from the last frame of shot {continuing.position - 1}, with the same settings. Change the prompt
                to say what happens next.
              </span>
            ) : remixOf ? (
              <>Remixing a clip: its settings are filled in and the new clip will remember where it came from.</>
            ) : (
              <>Text to video with Wan 2.5. Every setting and the seed are saved with the clip.</>
            )}
          </p>
        </header>
        {canCreate && clipFile.panel}
        <div className="rounded-card border border-line bg-surface p-5 shadow-sm">
          {canCreate ? (
            <StudioForm
              key={fromFile ? `file-${fromFile.n}` : 'page'}
              initialValues={fromFile?.values ?? initialValues}
              parentId={parentId}
              action={create}
              webhookAvailable={webhookAvailable}
              uploadsAvailable={uploadsAvailable}
              onCreated={created}
              sweep={continuing ? undefined : sweep}
              presetActions={presetActions}
            />
          ) : (
            <div className="space-y-2" data-testid="viewer-notice">
              <p className="text-sm font-medium">You are a viewer in this team</p>
              <p className="text-sm text-muted">You can watch and favourite the team’s clips. Generating spends the team’s API budget, so it needs an editor or owner role: ask an owner.</p>
            </div>
          )}
        </div>
      </section>

      <section aria-label="Recent clips" className="space-y-4">
        <h2 className="text-sm font-medium text-muted">Recent clips</h2>
        {views.length === 0 ? (
          <div className="grid min-h-80 place-items-center rounded-card border border-dashed border-line p-10 text-center">
            <div className="max-w-sm space-y-2">
              <p className="text-base font-medium">Your clips will appear here</p>
              <p className="text-sm text-muted">
                Write a prompt and press Generate. A clip takes about a minute; you can keep writing while it renders.
              </p>
            </div>
          </div>
        ) : (
          <div className="grid items-start gap-4 sm:grid-cols-2 2xl:grid-cols-3">
            {views.map((view) => (
              <ClipCard key={view.id} initial={view} manage={manage} mayManage={mayManage} start={view.id === autoPlayId ? 'idle' : 'hover'} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
