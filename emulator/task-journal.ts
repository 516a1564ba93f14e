import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createTaskRequestSchemaFor } from './create-task-schema';
import { ASPECT_RATIOS, DEFAULT_MODEL, MODEL_IDS } from './models';

/** Tasks older than this are forgotten at the next start, like their 15-day result links. */
export const TASK_RETENTION_MS = 15 * 24 * 60 * 60 * 1000;
export const JOURNAL_FILE = 'tasks.jsonl';

const servingProvider = z.enum(['value', 'official']);
const failureSchema = z.object({ failCode: z.string(), failMsg: z.string() });

const storedTaskSchema = z
  .object({
    taskId: z.string(),
    apiKey: z.string(),
    // Lines written before the second model existed are the first model's.
    model: z.enum(MODEL_IDS).default(DEFAULT_MODEL),
    request: z.unknown(),
    seed: z.number().int(),
    provider: servingProvider,
    createTime: z.number(),
    generationMs: z.number(),
    plan: z.object({
      provider: z.union([
        z.object({ available: z.literal(true), provider: servingProvider, failedOver: z.boolean() }),
        z.object({ available: z.literal(false), provider: servingProvider }),
      ]),
      injectedFailure: failureSchema.optional(),
    }),
  })
  // Each model's request is read back with that model's own schema.
  .transform((task, ctx) => {
    const request = createTaskRequestSchemaFor(task.model).safeParse(task.request);
    if (request.success) return { ...task, request: request.data };
    ctx.addIssue({ code: 'custom', message: `not a ${task.model} request` });
    return z.NEVER;
  });

const savedSourceSchema = z.object({
  path: z.string(),
  format: z.enum(['jpeg', 'png', 'webp', 'bmp']),
  sha256: z.string(),
  aspectRatio: z.enum(ASPECT_RATIOS),
});

const savedAudioSchema = z.object({ path: z.string(), format: z.enum(['wav', 'mp3']), sha256: z.string(), seconds: z.number() });

const outcomeSchema = z.union([
  z.object({ state: z.literal('success'), settledAt: z.number(), videoName: z.string() }),
  z.object({ state: z.literal('failed'), settledAt: z.number(), failCode: z.string(), failMsg: z.string() }),
]);

const pendingCallbackSchema = z.object({ url: z.string(), attempt: z.number().int().min(0), dueAt: z.number() });

const recordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), task: storedTaskSchema }),
  z.object({ kind: z.literal('source'), taskId: z.string(), source: savedSourceSchema }),
  z.object({ kind: z.literal('audio'), taskId: z.string(), audio: savedAudioSchema }),
  z.object({ kind: z.literal('outcome'), taskId: z.string(), outcome: outcomeSchema }),
  z.object({ kind: z.literal('callback'), taskId: z.string(), callback: pendingCallbackSchema.nullable() }),
]);

/** What a task was at creation: everything needed to finish it the same way after a restart. */
export type StoredTask = z.output<typeof storedTaskSchema>;
/** The downloaded image-to-video source, kept so a resumed render does not fetch it again. */
export type SavedSource = z.output<typeof savedSourceSchema>;
/** The downloaded sound track of a `wan-2-5-video` task, with its measured length. */
export type SavedAudio = z.output<typeof savedAudioSchema>;
export type SavedOutcome = z.output<typeof outcomeSchema>;
/** The next delivery attempt of a task's callback and when it is due. */
export type PendingCallback = z.output<typeof pendingCallbackSchema>;
type JournalRecord = z.output<typeof recordSchema>;

export interface SavedTask {
  task: StoredTask;
  source?: SavedSource;
  audio?: SavedAudio;
  outcome?: SavedOutcome;
  callback?: PendingCallback;
}

/**
 * An append-only JSON Lines file of task events in the data folder. Each event is one synchronous write, so a
 * killed process loses nothing it answered; opening folds the events, skips a torn line and rewrites the file
 * compacted (temp file + rename). When the folder is unusable the emulator keeps working, in memory only.
 */
export function createTaskJournal(dataDir: string) {
  const path = join(dataDir, JOURNAL_FILE);
  let fd: number | undefined;

  function append(record: JournalRecord): void {
    if (fd === undefined) return;
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
    } catch (error) {
      console.error(`[emulator] could not write ${path}; this change will not survive a restart:`, error);
    }
  }

  return {
    /** Reads the tasks kept by earlier runs (dropping those past retention) and starts appending. */
    open(now: number): SavedTask[] {
      const saved = [...fold(readLines(path)).values()].filter(({ task }) => now - task.createTime <= TASK_RETENTION_MS);
      try {
        mkdirSync(dataDir, { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        const compacted = saved.flatMap(recordsOf).map((record) => `${JSON.stringify(record)}\n`).join('');
        const tempFd = openSync(temporary, 'w');
        try {
          writeSync(tempFd, compacted);
        } finally {
          closeSync(tempFd);
        }
        renameSync(temporary, path);
        fd = openSync(path, 'a');
      } catch (error) {
        console.error(`[emulator] cannot keep tasks in ${path}; they will not survive a restart:`, error);
      }
      return saved;
    },
    task: (task: StoredTask) => append({ kind: 'task', task }),
    source: (taskId: string, source: SavedSource) => append({ kind: 'source', taskId, source }),
    audio: (taskId: string, audio: SavedAudio) => append({ kind: 'audio', taskId, audio }),
    outcome: (taskId: string, outcome: SavedOutcome) => append({ kind: 'outcome', taskId, outcome }),
    callback: (taskId: string, callback: PendingCallback | null) => append({ kind: 'callback', taskId, callback }),
    close(): void {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

export type TaskJournal = ReturnType<typeof createTaskJournal>;

function readLines(path: string): JournalRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const records: JournalRecord[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = recordSchema.safeParse(parseJson(line));
    if (parsed.success) records.push(parsed.data);
    else unreadable += 1;
  }
  // A line cut short by a crash mid-write is expected; anything else is worth a look.
  if (unreadable > 0) console.warn(`[emulator] skipped ${unreadable} unreadable line(s) of ${path}`);
  return records;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function fold(records: JournalRecord[]): Map<string, SavedTask> {
  const tasks = new Map<string, SavedTask>();
  for (const record of records) {
    if (record.kind === 'task') {
      tasks.set(record.task.taskId, { task: record.task });
      continue;
    }
    const saved = tasks.get(record.taskId);
    if (!saved) continue;
    if (record.kind === 'source') saved.source = record.source;
    else if (record.kind === 'audio') saved.audio = record.audio;
    else if (record.kind === 'outcome') saved.outcome = record.outcome;
    else saved.callback = record.callback ?? undefined;
  }
  return tasks;
}

function recordsOf({ task, source, audio, outcome, callback }: SavedTask): JournalRecord[] {
  const { taskId } = task;
  const records: JournalRecord[] = [{ kind: 'task', task }];
  if (source) records.push({ kind: 'source', taskId, source });
  if (audio) records.push({ kind: 'audio', taskId, audio });
  if (outcome) records.push({ kind: 'outcome', taskId, outcome });
  if (callback) records.push({ kind: 'callback', taskId, callback });
  return records;
}
