// A request against its model's row in models.ts: what the schema refuses (`modelProblems`) and what the
// studio form changes when the model or resolution changes (`fitToModel`). Plain code, no zod: the form
// runs it on every switch without loading the schema.

import { type AspectRatio, aspectRatiosFor, listOf, type ModelId, models, modelsWith, type Resolution, resolutionsWith } from './models';

type Fitted = { model: ModelId; mode: string; prompt: string; resolution: Resolution; aspectRatio: AspectRatio; duration: number; audioId?: string; audioUrls?: string[] };

export type ModelProblem = { path: 'prompt' | 'resolution' | 'aspectRatio' | 'duration' | 'audioId'; message: string };

const labels = (list: { label: string }[]) => listOf(list.map((model) => model.label));

function resolutionProblem(model: ModelId, resolution: Resolution): string | undefined {
  const row = models[model];
  if (row.resolutions.includes(resolution)) return undefined;
  return `${resolution} is only on ${labels(modelsWith(resolution))}; ${row.label} offers ${listOf(row.resolutions)}`;
}

function aspectRatioProblem(model: ModelId, resolution: Resolution, aspectRatio: AspectRatio): string | undefined {
  const row = models[model];
  if (aspectRatiosFor(model, resolution).includes(aspectRatio)) return undefined;
  const elsewhere = resolutionsWith(model, aspectRatio);
  if (elsewhere.length) return `${aspectRatio} is only at ${listOf(elsewhere)} on ${row.label}`;
  const others = Object.values(models).filter((other) => other.resolutions.some((at) => aspectRatiosFor(other.id, at).includes(aspectRatio)));
  return `${aspectRatio} is only on ${labels(others)}; ${row.label} offers ${listOf(aspectRatiosFor(model, resolution))}`;
}

/** Every field of the request its model does not take, with a sentence that says what it does take. */
export function modelProblems(request: Fitted): ModelProblem[] {
  const row = models[request.model];
  const problems: ModelProblem[] = [];
  if (request.prompt.length > row.promptMax) problems.push({ path: 'prompt', message: `Prompt must be at most ${row.promptMax} characters` });
  const resolution = resolutionProblem(request.model, request.resolution);
  if (resolution) problems.push({ path: 'resolution', message: resolution });
  // Image-to-video sends no aspect ratio: the clip follows the image.
  const aspect = request.mode === 'text-to-video' && !resolution ? aspectRatioProblem(request.model, request.resolution, request.aspectRatio) : undefined;
  if (aspect) problems.push({ path: 'aspectRatio', message: aspect });
  if (!(row.durations as readonly number[]).includes(request.duration)) {
    problems.push({ path: 'duration', message: `Duration must be ${listOf(row.durations)} seconds on ${row.label}` });
  }
  if (!row.audio && (request.audioId || request.audioUrls?.length)) {
    problems.push({ path: 'audioId', message: `Sound tracks are only on ${labels(Object.values(models).filter((other) => other.audio))}; ${row.label} makes silent clips` });
  }
  return problems;
}

/**
 * The same values on `model`: every value the model still takes is kept; a resolution or frame it does not
 * take becomes the nearest one it does, and each change is said in a sentence. A prompt over the model's
 * limit is never cut (that would lose words): it is named so the person can shorten it.
 */
export function fitToModel<T extends Omit<Fitted, 'model' | 'audioId' | 'audioUrls'> & { model: string; soundTrack?: object | null }>(
  values: T,
  model: ModelId,
): { values: T & { model: ModelId }; changes: string[] } {
  const row = models[model];
  const changes: string[] = [];
  let { resolution, aspectRatio } = values;
  if (!row.resolutions.includes(resolution)) {
    const next = row.resolutions.includes('720p') ? '720p' : (row.resolutions[0] ?? resolution);
    changes.push(`Resolution is now ${next}: ${row.label} has no ${resolution}.`);
    resolution = next;
  }
  const frames = aspectRatiosFor(model, resolution);
  if (values.mode === 'text-to-video' && !frames.includes(aspectRatio)) {
    const next = frames[0] ?? aspectRatio;
    changes.push(`Aspect ratio is now ${next}: ${row.label} has no ${aspectRatio} at ${resolution}.`);
    aspectRatio = next;
  }
  let duration = values.duration;
  if (!(row.durations as readonly number[]).includes(duration)) {
    const next = row.durations[0] ?? duration;
    changes.push(`Duration is now ${next} s: ${row.label} has no ${duration} s.`);
    duration = next;
  }
  let soundTrack = values.soundTrack;
  if (soundTrack && !row.audio) {
    changes.push(`The sound track is removed: ${row.label} makes silent clips.`);
    soundTrack = null;
  }
  if (values.prompt.length > row.promptMax) changes.push(`The prompt is over ${row.label}’s ${row.promptMax} characters: shorten it before generating.`);
  return { values: { ...values, model, resolution, aspectRatio, duration, ...(soundTrack === undefined ? {} : { soundTrack }) }, changes };
}
