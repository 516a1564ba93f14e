import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../index';
import { generations, taskHistory, type Generation, type NewGeneration } from '../schema';

/** The lease a send holds on its row (`sending` until `leaseUntil`); only its holder may finish it. */
export type SendLease = { id: string; leaseUntil: Date };

const held = ({ id, leaseUntil }: SendLease) => and(eq(generations.id, id), eq(generations.state, 'sending'), eq(generations.leaseUntil, leaseUntil));

/** Moves the lease on while the create call is still running; false when it was lost meanwhile. */
export async function extendSendLease(lease: SendLease, until: Date): Promise<boolean> {
  return getDb().update(generations).set({ leaseUntil: until }).where(held(lease)).run().changes === 1;
}

/**
 * The send's outcome, written only while the lease is still held (and, with a task id, recorded in the
 * row's task history in the same transaction); false when the row has moved on without this send.
 */
export async function finishSend(lease: SendLease, values: Partial<NewGeneration>): Promise<boolean> {
  return getDb().transaction((tx) => {
    const changed = tx.update(generations).set(values).where(held(lease)).run().changes === 1;
    if (changed && values.taskId) tx.insert(taskHistory).values({ id: crypto.randomUUID(), generationId: lease.id, taskId: values.taskId, kind: 'sent' }).run();
    return changed;
  });
}

/**
 * A task the service created for a send that had lost its lease: paid for, so it is never dropped. A row
 * still waiting as `unknown` (nobody sent it again) takes it; otherwise a copy of the clip tracks it. Either
 * way the row's history records it. Returns the id of the clip now tracking the task.
 */
export async function keepLateTask({ row, taskId, values, now }: { row: Generation; taskId: string; values: Partial<NewGeneration>; now: Date }): Promise<string> {
  return getDb().transaction((tx) => {
    // A callback may have adopted this very task meanwhile: then the row already tracks it.
    const current = tx.select({ taskId: generations.taskId }).from(generations).where(eq(generations.id, row.id)).get();
    if (current?.taskId === taskId) {
      tx.insert(taskHistory).values({ id: crypto.randomUUID(), generationId: row.id, taskId, kind: 'late', trackedBy: row.id }).run();
      return row.id;
    }
    const adopted =
      tx
        .update(generations)
        .set({ ...values, taskId, failCode: null, failMsg: null, queueRank: null })
        .where(and(eq(generations.id, row.id), eq(generations.state, 'unknown'), isNull(generations.taskId)))
        .run().changes === 1;
    let trackedBy = row.id;
    if (!adopted) {
      trackedBy = crypto.randomUUID();
      const copy: NewGeneration = {
        ...row,
        ...values,
        id: trackedBy,
        parentId: row.id,
        taskId,
        // Its callback URL named the original row and a secret that was replaced: this copy polls.
        requestType: 'async',
        // This task is the original's first send, already counted on the original (Send again charged the second).
        costCents: 0,
        callbackSecret: null,
        queueRank: null,
        failCode: null,
        failMsg: null,
        favorite: false,
        shareToken: null,
        visibility: 'team',
        deletedAt: null,
        deletedBy: null,
        completedAt: null,
        pollCount: 0,
        pollErrors: 0,
        createdAt: now,
      };
      tx.insert(generations).values(copy).run();
    }
    tx.insert(taskHistory).values({ id: crypto.randomUUID(), generationId: row.id, taskId, kind: 'late', trackedBy }).run();
    return trackedBy;
  });
}

export async function listTaskHistory({ generationId }: { generationId: string }) {
  return getDb().select().from(taskHistory).where(eq(taskHistory.generationId, generationId)).all();
}
