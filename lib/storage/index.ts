import 'server-only';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { createLocalVideoStore } from './local-video-store';
import type { VideoStore } from './video-store';

let store: VideoStore | undefined;

export function getVideoStore(): VideoStore {
  store ??= createLocalVideoStore(path.join(getEnv().dataDir, 'videos'));
  return store;
}
