/** A request body that keeps producing data (1.5 GB by default), counting what was pulled from it. */
export function countedStream({ chunkBytes = 64 * 1024, totalBytes = 1.5 * 1024 ** 3 } = {}) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled >= totalBytes) return controller.close();
        stats.pulled += chunkBytes;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x7b));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    // Nothing is read ahead: `pulled` is exactly what the handler asked for.
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

/** A POST whose body is `stream`, sent chunked (no Content-Length) unless headers say otherwise. */
export function streamingRequest(url: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', body: stream, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);
}
