import { randomBytes, randomInt } from 'node:crypto';
import { CONTENT_VIOLATION, violatesContentPolicy } from './content-policy';
import { MAX_SEED, type CreateTaskRequest } from './create-task-schema';
import { PENDING_FRACTION, plannedGenerationMs } from './task-timing';
import type { VideoCache } from './video-cache';

export type TaskOutcome =
  | { state: 'success'; settledAt: number; videoName: string }
  | { state: 'failed'; settledAt: number; failCode: string; failMsg: string };

export interface Task {
  taskId: string;
  apiKey: string;
  request: CreateTaskRequest;
  seed: number;
  createTime: number;
  generationMs: number;
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
  videoUrl: (videoName: string) => string;
}

export function createTaskStore({ now, timeScale, videos, videoUrl }: TaskStoreOptions) {
  const tasks = new Map<string, Task>();

  function create(apiKey: string, request: CreateTaskRequest): Task {
    const taskId = `task_${randomBytes(16).toString('hex')}`;
    const { input } = request;
    const generationMs = plannedGenerationMs({ taskId, resolution: input.resolution, duration: input.duration, timeScale });
    const seed = input.seed ?? randomInt(0, MAX_SEED + 1);
    const task: Task = { taskId, apiKey, request, seed, createTime: now(), generationMs, settled: Promise.resolve() };
    task.settled = settle(task);
    tasks.set(taskId, task);
    return task;
  }

  async function settle(task: Task): Promise<void> {
    const { input } = task.request;
    if (violatesContentPolicy(input.prompt)) {
      task.outcome = { state: 'failed', settledAt: task.createTime, ...CONTENT_VIOLATION };
      return;
    }
    try {
      const videoName = await videos.ensureVideo({
        prompt: input.prompt,
        negativePrompt: input.negative_prompt ?? '',
        seed: task.seed,
        aspectRatio: input.aspect_ratio,
        duration: input.duration,
        resolution: input.resolution,
      });
      task.outcome = { state: 'success', settledAt: now(), videoName };
    } catch (error) {
      console.error(`[emulator] render failed for ${task.taskId}:`, error);
      task.outcome = { state: 'failed', settledAt: now(), failCode: 'GENERATION_FAILED', failMsg: 'Video generation failed' };
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

  return { create, describe, find, count: () => tasks.size };
}

export type TaskStore = ReturnType<typeof createTaskStore>;
