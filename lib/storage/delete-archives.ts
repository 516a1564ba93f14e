import 'server-only';
import { getVideoStore } from './index';
import { removePoster } from './poster';

/** Removes archived videos of clips deleted for good. */
export async function deleteArchives(keys: string[]): Promise<void> {
  const store = getVideoStore();
  for (const key of keys) {
    await store.remove(key);
    await removePoster(key);
  }
}
