import 'server-only';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { createLocalVideoStore } from './local-video-store';
import { createS3VideoStore } from './s3-video-store';
import type { VideoStore } from './video-store';

let store: VideoStore | undefined;

/** The app's one video store: the STORAGE_URL bucket when set, else local disk under DATA_DIR/videos. */
export function getVideoStore(): VideoStore {
  if (store) return store;
  const { storage, dataDir } = getEnv();
  store = storage.kind === 's3' ? createS3VideoStore(storage, path.join(dataDir, 'tmp', 's3-copies')) : createLocalVideoStore(path.join(dataDir, 'videos'));
  return store;
}

/** Tests switch STORAGE_URL (after resetEnvForTests); this makes the next getVideoStore() follow it. */
export function resetVideoStoreForTests(): void {
  store = undefined;
}
