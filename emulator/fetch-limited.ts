/** Real time: a slow host is slow regardless of the emulator's time scale. */
export const SOURCE_FETCH_TIMEOUT_MS = 10_000;

export type FetchFailure = 'timedOut' | 'unreachable' | 'tooLarge' | { httpStatus: number };
export type FetchLimitedResult = { ok: true; bytes: Buffer } | { ok: false; failure: FetchFailure };

/**
 * Downloads a task's source (a start image, a sound track) the way the service does: redirects followed,
 * a deadline, and stopping as soon as the body passes `maxBytes` (declared or streamed).
 */
export async function fetchLimited(url: string, maxBytes: number, timeoutMs = SOURCE_FETCH_TIMEOUT_MS): Promise<FetchLimitedResult> {
  const aborter = new AbortController();
  const timer = setTimeout(() => aborter.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: aborter.signal, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, failure: { httpStatus: response.status } };
    }
    const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declaredLength > maxBytes) {
      await response.body?.cancel();
      return { ok: false, failure: 'tooLarge' };
    }
    const bytes = await readAtMost(response, maxBytes);
    return bytes ? { ok: true, bytes } : { ok: false, failure: 'tooLarge' };
  } catch {
    return { ok: false, failure: aborter.signal.aborted ? 'timedOut' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** "could not be downloaded (…)" reasons, shared by images and tracks; undefined for tooLarge (each says its limit). */
export function downloadProblem(failure: FetchFailure): string | undefined {
  if (failure === 'timedOut') return `could not be downloaded (timed out after ${SOURCE_FETCH_TIMEOUT_MS / 1000} s)`;
  if (failure === 'unreachable') return 'could not be downloaded (connection failed)';
  if (failure === 'tooLarge') return undefined;
  return `could not be downloaded (HTTP ${failure.httpStatus})`;
}

/** The whole body, or undefined (and the download cancelled) once it passes `limit` bytes. */
async function readAtMost(response: Response, limit: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}
