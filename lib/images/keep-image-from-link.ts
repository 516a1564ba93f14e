import 'server-only';
import { getEnv } from '@/lib/env';
import { keepImage, type KeptImage } from './keep-image';
import { fetchPublicImage, ImageFetchError } from './safe-fetch';
import { MAX_IMAGE_BYTES } from './validate-image';

/** Fetches a start frame from a public link (SSRF-safe), checks it and keeps it for the team. */
export async function keepImageFromLink(url: string, owner: { teamId: string; userId: string }): Promise<KeptImage> {
  try {
    const { bytes, url: sourceUrl } = await fetchPublicImage(url, { maxBytes: MAX_IMAGE_BYTES, allowHosts: trustedHosts() });
    return keepImage(bytes, owner, sourceUrl);
  } catch (error) {
    if (error instanceof ImageFetchError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Our own addresses may be private in development: PUBLIC_URL's host and the local emulator. */
function trustedHosts(): Set<string> {
  const env = getEnv();
  const hosts = new Set<string>();
  if (env.publicUrl) hosts.add(new URL(env.publicUrl).host);
  if (env.wan.usingEmulator) hosts.add(new URL(env.wan.baseUrl).host);
  return hosts;
}
