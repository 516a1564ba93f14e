import { createHash, randomBytes, randomInt } from 'node:crypto';
import { CONTENT_VIOLATION, violatesContentPolicy } from './content-policy';
import { MAX_SEED, type CreateTaskRequest } from './create-task-schema';
import { PROVIDER_UNAVAILABLE, type ProviderPlan, type ServingProvider } from './providers';
import { fetchSourceImage, INVALID_IMAGE_URL } from './source-image';
import type { SourceImageStore } from './source-image-store';
import { frameAspectFor, type FrameAspect, type SourceImageRef } from './scene';
import type { SavedSource, SavedTask, TaskJournal } from './task-journal';
import { PENDING_FRACTION, plannedGenerationMs } from './task-timing';
import { exists, type VideoCache } from './video-cache';

export type TaskOutcome =
  | { state: 'success'; settledAt: number; videoName: string }
  | { state: 'failed'; settledAt: number; failCode: string; failMsg: string };

export interface TaskFailure {
  failCode: string;
  failMsg: string;
}

const GENERATION_FAILED: TaskFailure = { failCode: 'GENERATION_FAILED', failMsg: 'Video generation failed' };

export interface Task {
  taskId: string;
  apiKey: string;
  request: CreateTaskRequest;
  seed: number;
  provider: ServingProvider;
  createTime: number;
  generationMs: number;
  plan: TaskPlan;
  /** Where the downloaded image-to-video source was kept. */
  sourceImagePath?: string;
  outcome?: TaskOutcome;
  /** Resolves once `outcome` is known (the render finished or failed). */
  settled: Promise<void>;
}

export interface TaskStatus {
  taskId: string;
  state: 'pending' | 'processing' | 'success' | 'failed';
  resultJson?: string;
  failCode?: string;
  failMsg?: string;
  createTime: number;
  completeTime?: number;
  costTime?: number;
}

export interface TaskStoreOptions {
  now: () => number;
  timeScale: number;
  videos: VideoCache;
  sourceImages: SourceImageStore;
  videoUrl: (videoName: string) => string;
  journal: TaskJournal;
}

/** What the service decided about a task at creation, before any work. */
export interface TaskPlan {
  provider: ProviderPlan;
  injectedFailure?: TaskFailure;
}

export function createTaskStore({ now, timeScale, videos, sourceImages, videoUrl, journal }: TaskStoreOptions) {
  const tasks = new Map<string, Task>();

  function create(apiKey: string, request: CreateTaskRequest, plan: TaskPlan): Task {
    const taskId = `task_${randomBytes(16).toString('hex')}`;
    const { input } = request;
    const { provider } = plan.provider;
    const failedOver = plan.provider.available && plan.provider.failedOver;
    const timing = { taskId, resolution: input.resolution, duration: input.duration, timeScale, provider, failedOver };
    const generationMs = plannedGenerationMs(timing);
    const seed = input.seed ?? randomInt(0, MAX_SEED + 1);
    const task: Task = { taskId, apiKey, request, seed, provider, createTime: now(), generationMs, plan, settled: Promise.resolve() };
    journal.task({ taskId, apiKey, request, seed, provider, createTime: task.createTime, generationMs, plan });
    start(task);
    return task;
  }

  /** Takes back a task kept by an earlier run; one that had not settled is worked on again, to the same result. */
  function restore({ task: stored, source, outcome }: SavedTask): Task {
    const task: Task = { ...stored, sourceImagePath: source?.path, outcome, settled: Promise.resolve() };
    if (outcome) tasks.set(task.taskId, task);
    else start(task, source);
    return task;
  }

  function start(task: Task, source?: SavedSource): void {
    task.settled = settle(task, task.plan, source).then(() => {
      if (task.outcome) journal.outcome(task.taskId, task.outcome);
    });
    tasks.set(task.taskId, task);
  }

  function fail(task: Task, failure: TaskFailure, settledAt = now()): void {
    task.outcome = { state: 'failed', settledAt, failCode: failure.failCode, failMsg: failure.failMsg };
  }

  async function settle(task: Task, plan: TaskPlan, saved?: SavedSource): Promise<void> {
    const { input } = task.request;
    if (!plan.provider.available) return fail(task, PROVIDER_UNAVAILABLE, task.createTime);
    if (plan.injectedFailure) return fail(task, plan.injectedFailure, task.createTime);
    if (violatesContentPolicy(input.prompt)) return fail(task, CONTENT_VIOLATION, task.createTime);
    const imageUrl = input.mode === 'image-to-video' ? input.image_urls?.[0] : undefined;
    let source: SavedSource | undefined;
    if (imageUrl !== undefined) {
      const kept = saved && (await exists(saved.path)) ? saved : undefined;
      const fetched = kept ?? (await keepSourceImage(task, imageUrl));
      if ('failCode' in fetched) return fail(task, fetched);
      source = fetched;
    }
    const sourceImage: SourceImageRef | undefined = source && { path: source.path, format: source.format, sha256: source.sha256 };
    const aspectRatio: FrameAspect = source?.aspectRatio ?? input.aspect_ratio;
    try {
      const videoName = await videos.ensureVideo({
        prompt: input.prompt,
        negativePrompt: input.negative_prompt ?? '',
        seed: task.seed,
        aspectRatio,
        duration: input.duration,
        resolution: input.resolution,
        sourceImage,
      });
      task.outcome = { state: 'success', settledAt: now(), videoName };
    } catch (error) {
      console.error(`[emulator] render failed for ${task.taskId}:`, error);
      fail(task, GENERATION_FAILED);
    }
  }

  async function keepSourceImage(task: Task, imageUrl: string): Promise<SavedSource | TaskFailure> {
    const image = await fetchSourceImage(imageUrl);
    if (!image.ok) return { failCode: INVALID_IMAGE_URL, failMsg: image.failMsg };
    const sha256 = createHash('sha256').update(image.bytes).digest('hex');
    try {
      task.sourceImagePath = await sourceImages.save(task.taskId, image.format, image.bytes);
    } catch (error) {
      console.error(`[emulator] could not keep the source image of ${task.taskId}:`, error);
      return GENERATION_FAILED;
    }
    const source: SavedSource = { path: task.sourceImagePath, format: image.format, sha256, aspectRatio: frameAspectFor(image.width, image.height) };
    journal.source(task.taskId, source);
    return source;
  }

  /** The state is a pure function of elapsed time and the render outcome, so no timers are needed. */
  function describe(task: Task, at: number = now()): TaskStatus {
    const { taskId, createTime, outcome } = task;
    const dueAt = createTime + task.generationMs;
    const completeTime = outcome ? Math.max(dueAt, outcome.settledAt) : Number.POSITIVE_INFINITY;
    if (!outcome || at < completeTime) {
      const isPending = at - createTime < task.generationMs * PENDING_FRACTION;
      return { taskId, state: isPending ? 'pending' : 'processing', createTime };
    }
    const costTime = completeTime - createTime;
    if (outcome.state === 'failed') {
      const { failCode, failMsg } = outcome;
      return { taskId, state: 'failed', failCode, failMsg, createTime, completeTime, costTime };
    }
    const resultJson = JSON.stringify({ resultUrls: [videoUrl(outcome.videoName)] });
    return { taskId, state: 'success', resultJson, createTime, completeTime, costTime };
  }

  function find(taskId: string, apiKey: string): Task | undefined {
    const task = tasks.get(taskId);
    return task?.apiKey === apiKey ? task : undefined;
  }

  /** Tasks of this key still pending or processing: what the concurrency limit counts. */
  function openCount(apiKey: string, at: number = now()): number {
    let open = 0;
    for (const task of tasks.values()) {
      if (task.apiKey !== apiKey) continue;
      const { state } = describe(task, at);
      if (state === 'pending' || state === 'processing') open += 1;
    }
    return open;
  }

  return { create, restore, describe, find, openCount, count: () => tasks.size };
}

export type TaskStore = ReturnType<typeof createTaskStore>;
