/**
 * The generation state machine's vocabulary, in one place: the states, the groups the tracker, the queue,
 * the gallery and the browser reason about, and the predicates over them. The database column, every
 * query and every component take their lists from here.
 *
 *   queued → sending → pending → processing → success | failed
 *                 ↘ unknown (the send's answer was lost)      processing → timed_out (still asked about)
 *   queued | unknown → cancelled
 */
export const generationStates = ['queued', 'sending', 'pending', 'processing', 'success', 'failed', 'unknown', 'timed_out', 'cancelled'] as const;
export type GenerationState = (typeof generationStates)[number];

type States = readonly GenerationState[];

/** Sent and not finished: the tracker asks the service about these at their due times. */
export const openStates = ['pending', 'processing', 'timed_out'] as const satisfies States;

/** Hold one of the service's concurrent-task slots. */
export const inFlightStates = ['sending', 'pending', 'processing'] as const satisfies States;

/** A send with no task id we know of yet (in progress, or its answer lost): the task's own callback may adopt it. */
export const unconfirmedSendStates = ['sending', 'unknown'] as const satisfies States;

/** What a person may still call off: a queued clip is cancelled, an unconfirmed one dismissed. */
export const cancellableStates = ['queued', 'unknown'] as const satisfies States;

/** Nothing more will happen to it by itself. */
export const terminalStates = ['success', 'failed', 'unknown', 'cancelled'] as const satisfies States;

/** State filter groups as people think of them, not the tracker's nine states. */
export const stateGroups = {
  done: ['success'],
  running: ['queued', 'sending', 'pending', 'processing', 'timed_out'],
  failed: ['failed', 'unknown'],
  cancelled: ['cancelled'],
} as const satisfies Record<string, States>;
export type StateGroup = keyof typeof stateGroups;

const isIn = (states: States, state: GenerationState) => states.includes(state);

export const isOpen = (state: GenerationState): boolean => isIn(openStates, state);
export const isTerminal = (state: GenerationState): boolean => isIn(terminalStates, state);
export const isCancellable = (state: GenerationState): boolean => isIn(cancellableStates, state);
export const isUnconfirmedSend = (state: GenerationState): boolean => isIn(unconfirmedSendStates, state);

/** Ended without a clip: failed at the service, or never confirmed. */
export const isFailure = (state: GenerationState): boolean => isIn(stateGroups.failed, state);

/** Done enough to compare: finished, or taking so long that waiting on it helps nobody. */
export function settled(state: GenerationState): boolean {
  return isTerminal(state) || state === 'timed_out';
}

/** Worth watching: not finished, or finished but our archived copy is not there yet. */
export function needsWatching({ state, archived }: { state: GenerationState; archived: boolean }): boolean {
  return !isTerminal(state) || (state === 'success' && !archived);
}
