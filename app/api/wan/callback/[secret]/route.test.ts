import { beforeAll, describe, expect, it } from 'vitest';
import { getGenerationForWorker } from '@/db/queries/tracker';
import { newCallbackSecret } from '@/lib/tasks/callback';
import { createOwner, insertTestGeneration } from '@/test/fixtures';
import { countedStream, streamingRequest } from '@/test/streams';
import { POST } from './route';

const CHUNK = 64 * 1024;
let generationId: string;
let secret: string;

const deliver = (token: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  POST(streamingRequest(`http://localhost:3000/api/wan/callback/${token}`, stream, headers), { params: Promise.resolve({ secret: token }) });

beforeAll(async () => {
  const owner = await createOwner('webhook@example.test');
  secret = newCallbackSecret();
  const row = await insertTestGeneration(owner, { requestType: 'callback', callbackSecret: secret, taskId: 'task_webhook', state: 'processing' });
  generationId = row.id;
});

describe('POST /api/wan/callback/[secret]', () => {
  it('answers a 1.5 GB chunked body with a wrong secret 404, having read none of it', async () => {
    const { stream, stats } = countedStream({ chunkBytes: CHUNK });
    const response = await deliver(`${generationId}.${newCallbackSecret()}`, stream);
    expect(response.status).toBe(404);
    expect(stats.pulled).toBe(0);
  });

  it('stops a 1.5 GB chunked body with the right secret at 64 KiB and one chunk: 413, the task untouched', async () => {
    const { stream, stats } = countedStream({ chunkBytes: CHUNK });
    const response = await deliver(`${generationId}.${secret}`, stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'A callback body is at most 64 KiB.' });
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024 + CHUNK);
    expect(stats.cancelled).toBe(true);
    expect((await getGenerationForWorker({ id: generationId }))?.state).toBe('processing');
  });

  it('refuses a body announced over 64 KiB before reading it, and answers malformed JSON 400', async () => {
    const announced = countedStream({ chunkBytes: CHUNK });
    expect((await deliver(`${generationId}.${secret}`, announced.stream, { 'content-length': String(1.5 * 1024 ** 3) })).status).toBe(413);
    expect(announced.stats.pulled).toBe(0);
    const malformed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":200,'));
        controller.close();
      },
    });
    const response = await deliver(`${generationId}.${secret}`, malformed);
    expect(response.status).toBe(400);
    expect((await getGenerationForWorker({ id: generationId }))?.state).toBe('processing');
  });
});
