import { randomBytes, randomInt } from 'node:crypto';
import { CONTENT_VIOLATION, violatesContentPolicy } from './content-policy';
import { MAX_SEED, type CreateTaskRequest } from './create-task-schema';
import { MODELS, type ModelId } from './models';
import { PROVIDER_UNAVAILABLE, type ProviderPlan, type ServingProvider } from './providers';
import type { RenderParams } from './scene';
import type { SavedTask, TaskJournal } from './task-journal';
import { GENERATION_FAILED, type SourceKeeper, type TaskFailure, type TaskSources } from './task-sources';
import { PENDING_FRACTION, plannedGenerationMs } from './task-timing';
import type { VideoCache } from './video-cache';

export type { TaskFailure } from './task-sources';

export type TaskOutcome =
  | { state: 'success'; settledAt: number; videoName: string }
  | { state: 'failed'; settledAt: number; failCode: string; failMsg: string };

export interface Task {
  taskId: string;
  apiKey: string;
  model: ModelId;
  request: CreateTaskRequest;
  seed: number;
  provider: ServingProvider;
  createTime: number;
  generationMs: number;
  plan: TaskPlan;
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
  sources: SourceKeeper;
  videoUrl: (videoName: string) => string;
  journal: TaskJournal;
}

/** What the service decided about a task at creation, before any work. */
export interface TaskPlan {
  provider: ProviderPlan;
  injectedFailure?: TaskFailure;
}

export function createTaskStore({ now, timeScale, videos, sources, videoUrl, journal }: TaskStoreOptions) {
  const tasks = new Map<string, Task>();

  function create(apiKey: string, model: ModelId, request: CreateTaskRequest, plan: TaskPlan): Task {
    const taskId = `task_${randomBytes(16).toString('hex')}`;
    const { input } = request;
    const { provider } = plan.provider;
    const failedOver = plan.provider.available && plan.provider.failedOver;
    const timing = { taskId, model, resolution: input.resolution, duration: input.duration, timeScale, provider, failedOver };
    const generationMs = plannedGenerationMs(timing);
    const seed = input.seed ?? randomInt(0, MAX_SEED + 1);
    const stored = { taskId, apiKey, model, request, seed, provider, createTime: now(), generationMs, plan };
    journal.task(stored);
    const task: Task = { ...stored, settled: Promise.resolve() };
    start(task);
    return task;
  }

  /** Takes back a task kept by an earlier run; one that had not settled is worked on again, to the same result. */
  function restore({ task: stored, source, audio, outcome }: SavedTask): Task {
    const task: Task = { ...stored, outcome, settled: Promise.resolve() };
    if (outcome) tasks.set(task.taskId, task);
    else start(task, { image: source, audio });
    return task;
  }

  function start(task: Task, saved?: TaskSources): void {
    task.settled = settle(task, task.plan, saved).then(() => {
      if (task.outcome) journal.outcome(task.taskId, task.outcome);
    });
    tasks.set(task.taskId, task);
  }

  function fail(task: Task, failure: TaskFailure, settledAt = now()): void {
    task.outcome = { state: 'failed', settledAt, failCode: failure.failCode, failMsg: failure.failMsg };
  }

  async function settle(task: Task, plan: TaskPlan, saved?: TaskSources): Promise<void> {
    const { input } = task.request;
    if (!plan.provider.available) return fail(task, PROVIDER_UNAVAILABLE, task.createTime);
    if (plan.injectedFailure) return fail(task, plan.injectedFailure, task.createTime);
    if (violatesContentPolicy(input.prompt)) return fail(task, CONTENT_VIOLATION, task.createTime);
    const prepared = await sources.prepare(task.taskId, task.model, input, saved);
    if ('failCode' in prepared) return fail(task, prepared);
    try {
      const videoName = await videos.ensureVideo(renderParamsOf(task, prepared));
      task.outcome = { state: 'success', settledAt: now(), videoName };
    } catch (error) {
      console.error(`[emulator] render failed for ${task.taskId}:`, error);
      fail(task, GENERATION_FAILED);
    }
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

/** What to draw: the request, the task's seed, its sources; a model with sound gets the track or a tone. */
function renderParamsOf({ request: { input }, seed, model }: Task, { image, audio }: TaskSources): RenderParams {
  return {
    prompt: input.prompt,
    negativePrompt: input.negative_prompt ?? '',
    seed,
    aspectRatio: image?.aspectRatio ?? input.aspect_ratio,
    duration: input.duration,
    resolution: input.resolution,
    sourceImage: image && { path: image.path, format: image.format, sha256: image.sha256 },
    sound: !MODELS[model].audio ? undefined : audio ? { kind: 'track', path: audio.path, format: audio.format, sha256: audio.sha256 } : { kind: 'tone' },
  };
}

export type TaskStore = ReturnType<typeof createTaskStore>;
