import 'server-only';
import crypto from 'node:crypto';
import { text } from 'node:stream/consumers';
import { getEnv } from '@/lib/env';
import { getVideoStore } from './video-storage';

type Check = { ok: boolean; detail?: string };

/** With STORAGE_URL set, readiness's storage check: a small object written, read back and removed; else undefined (the disk check). */
export function bucketProbe(): (() => Promise<Check>) | undefined {
  return getEnv().storage.kind === 's3' ? probe : undefined;
}

async function probe(): Promise<Check> {
  const store = getVideoStore();
  const key = `ready-${crypto.randomUUID()}.probe`;
  async function* body(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('ready');
  }
  try {
    await store.put(key, body(), { maxBytes: 16, accept: () => true });
    const back = await text(await store.read(key));
    return back === 'ready' ? { ok: true } : { ok: false, detail: 'storage gave back other bytes' };
  } catch {
    return { ok: false, detail: 'the storage bucket is not writable' };
  } finally {
    await store.remove(key).catch(() => undefined);
  }
}
