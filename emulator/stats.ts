import { z } from 'zod';
import type { FaultRoute } from './faults';
import type { ServingProvider } from './providers';

const counter = z.number().int().min(0);

export const emulatorStatsSchema = z.object({
  tasksCreated: counter,
  /** Requests that reached each route, whatever was answered (401, 429, injected faults included). */
  createCalls: counter,
  statusCalls: counter,
  balanceCalls: counter,
  fileCalls: counter,
  callbacksDelivered: counter,
  callbackAttempts: counter,
  callbacksSuppressed: counter,
  connectionsDropped: counter,
  /** HTTP status → count, over every answered API and file request. */
  responsesByStatus: z.record(z.string(), counter),
  tasksByKey: z.record(z.string(), counter),
  /** taskId → the provider that actually served it. */
  providerByTask: z.record(z.string(), z.enum(['value', 'official'])),
});

export type EmulatorStats = z.infer<typeof emulatorStatsSchema>;

const CALL_COUNTERS = { create: 'createCalls', status: 'statusCalls', balance: 'balanceCalls', files: 'fileCalls' } as const;

function emptyStats(): EmulatorStats {
  return {
    tasksCreated: 0,
    createCalls: 0,
    statusCalls: 0,
    balanceCalls: 0,
    fileCalls: 0,
    callbacksDelivered: 0,
    callbackAttempts: 0,
    callbacksSuppressed: 0,
    connectionsDropped: 0,
    responsesByStatus: {},
    tasksByKey: {},
    providerByTask: {},
  };
}

export function createStatsRecorder() {
  let stats = emptyStats();
  return {
    call(route: FaultRoute | undefined): void {
      if (route) stats[CALL_COUNTERS[route]] += 1;
    },
    response(status: number): void {
      stats.responsesByStatus[status] = (stats.responsesByStatus[status] ?? 0) + 1;
    },
    drop(): void {
      stats.connectionsDropped += 1;
    },
    taskCreated(taskId: string, apiKey: string, provider: ServingProvider): void {
      stats.tasksCreated += 1;
      stats.tasksByKey[apiKey] = (stats.tasksByKey[apiKey] ?? 0) + 1;
      stats.providerByTask[taskId] = provider;
    },
    callbackAttempt(delivered: boolean): void {
      stats.callbackAttempts += 1;
      if (delivered) stats.callbacksDelivered += 1;
    },
    callbackSuppressed(): void {
      stats.callbacksSuppressed += 1;
    },
    snapshot: (): EmulatorStats => structuredClone(stats),
    reset(): void {
      stats = emptyStats();
    },
  };
}

export type StatsRecorder = ReturnType<typeof createStatsRecorder>;
