import 'server-only';
import crypto from 'node:crypto';
import { text } from 'node:stream/consumers';
import { getEnv } from '@/lib/env';
import { getVideoStore } from './video-storage';
import type { VideoStore } from './video-store';

type Check = { ok: boolean; detail?: string };

/** With STORAGE_URL set, readiness's storage check: a small object written, read back and removed; else undefined (the disk check). */
export function bucketProbe(): (() => Promise<Check>) | undefined {
  return getEnv().storage.kind === 's3' ? probe : undefined;
}

// Readiness is public and polled: one bucket round trip per few seconds, whatever the number of callers.
const FRESH_MS = 5_000;
let last: { store: VideoStore; at: number; check: Promise<Check> } | undefined;

function probe(): Promise<Check> {
  const store = getVideoStore();
  if (last?.store === store && Date.now() - last.at < FRESH_MS) return last.check;
  last = { store, at: Date.now(), check: probeNow(store) };
  return last.check;
}

async function probeNow(store: VideoStore): Promise<Check> {
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
