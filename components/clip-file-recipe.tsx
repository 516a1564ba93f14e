'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import type { ClipTag } from '@/lib/export/clip-tag';
import { models } from '@/lib/generation/models';
import type { GenerationView } from '@/lib/generation/view';
import { announceClipsStarted } from './activity-events';
import { shownPrompt } from './format';
import type { CreateGenerationAction } from './studio-form';
import type { StudioFormValues } from './studio-form-values';
import { Button } from './ui/button';

type Found = { fileName: string; tag: ClipTag } | { fileName: string; message: string };

/** The form's values for a recipe read from a file: every setting, the seed locked. */
function valuesOf(recipe: ClipTag['recipe'], webhookAvailable: boolean): StudioFormValues {
  return {
    model: recipe.model,
    mode: recipe.mode,
    prompt: recipe.prompt,
    negativePrompt: recipe.negativePrompt ?? '',
    seed: String(recipe.seed),
    seedLocked: true,
    resolution: recipe.resolution,
    aspectRatio: recipe.aspectRatio,
    duration: recipe.duration,
    enablePromptExpansion: recipe.enablePromptExpansion,
    provider: recipe.provider,
    requestType: webhookAvailable ? recipe.requestType : 'async',
    startImage: null,
    soundTrack: null,
  };
}

/**
 * A clip file dropped anywhere on the studio (or picked): the recipe our MP4s carry in their metadata, read in
 * the browser, with Reproduce (the identical request, seed included) and Use these settings (into the form).
 * Gives the trigger (for the header) and the panel (under it) for the caller to place.
 */
export function useClipFileRecipe({
  action,
  webhookAvailable,
  onCreated,
  onUseSettings,
}: {
  action: CreateGenerationAction;
  webhookAvailable: boolean;
  onCreated: (view: GenerationView) => void;
  onUseSettings: (values: StudioFormValues) => void;
}) {
  const [found, setFound] = useState<Found>();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const read = (file: File) =>
    startTransition(async () => {
      setError(undefined);
      const { readClipFile } = await import('@/lib/export/read-clip-file');
      const result = await readClipFile(file);
      setFound(result.ok ? { fileName: file.name, tag: result.tag } : { fileName: file.name, message: result.message });
      requestAnimationFrame(() => panelRef.current?.focus());
    });

  // Files dragged over the page: the whole window is the drop target while they hover.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) read(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const reproduce = (tag: ClipTag) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action(tag.recipe);
      if (!result.ok) return setError(result.message);
      onCreated(result.data);
      announceClipsStarted();
      setFound(undefined);
    });

  const trigger = (
    <>
      <button type="button" className="text-sm text-muted underline-offset-2 hover:text-ink hover:underline" onClick={() => input.current?.click()} data-testid="clip-file-open">
        Open a clip file…
      </button>
      <input
        ref={input}
        type="file"
        accept="video/mp4,.mp4"
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        data-testid="clip-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) read(file);
          event.target.value = '';
        }}
      />
      {dragging && (
        <div aria-hidden className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-canvas/70 backdrop-blur-sm">
          <p className="rounded-card border-2 border-dashed border-accent bg-surface px-8 py-6 text-base font-medium text-ink">Drop a clip to read its recipe</p>
        </div>
      )}
    </>
  );
  const panel = found && (
        <div ref={panelRef} tabIndex={-1} role="region" aria-label="Recipe from a file" className="space-y-3 rounded-card border border-line bg-surface p-4 text-sm shadow-sm outline-none" data-testid="clip-file-recipe">
          {'tag' in found ? (
            <>
              <p className="text-xs text-muted">
                {found.fileName} · made with Wan Studio{found.tag.taskId ? ` · task ${found.tag.taskId}` : ''}
              </p>
              <p className="line-clamp-3 text-base leading-relaxed" data-testid="clip-file-prompt">
                {shownPrompt(found.tag.recipe.prompt)}
              </p>
              <p className="text-muted" data-testid="clip-file-settings">
                Seed {found.tag.recipe.seed} · {models[found.tag.recipe.model].label} · {found.tag.recipe.resolution} · {found.tag.recipe.duration} s
                {found.tag.recipe.mode === 'image-to-video' ? ' · from a start image' : ''}
              </p>
              {found.tag.recipe.mode === 'image-to-video' && <p className="text-muted">Its start image is not in the file: choose it again in the form.</p>}
              <div className="flex flex-wrap gap-2">
                {found.tag.recipe.mode === 'text-to-video' && (
                  <Button variant="primary" disabled={pending} onClick={() => reproduce(found.tag)} data-testid="clip-file-reproduce">
                    Reproduce
                  </Button>
                )}
                <Button disabled={pending} onClick={() => (onUseSettings(valuesOf(found.tag.recipe, webhookAvailable)), setFound(undefined))} data-testid="clip-file-use">
                  Use these settings
                </Button>
                <Button variant="ghost" onClick={() => setFound(undefined)}>
                  Dismiss
                </Button>
              </div>
            </>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p>
                <span className="font-medium">{found.fileName}</span>: <span data-testid="clip-file-message">{found.message}</span>
              </p>
              <Button variant="ghost" onClick={() => setFound(undefined)}>
                Dismiss
              </Button>
            </div>
          )}
          {error && (
            <p role="alert" className="text-danger">
              {error}
            </p>
          )}
        </div>
  );
  return { trigger, panel };
}
