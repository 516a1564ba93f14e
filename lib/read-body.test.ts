import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countedStream, streamingRequest } from '@/test/streams';
import { readBytes, readForm, readJson, readText, saveBody } from './read-body';

const URL = 'http://localhost:3000/api/x';
const post = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) => new Request(URL, { method: 'POST', body, headers });
const limit = { maxBytes: 1024, tooLarge: 'At most 1 KiB.' };

describe('the capped body reader', () => {
  it('refuses a body announced larger than the limit without reading a byte', async () => {
    const { stream, stats } = countedStream();
    const read = await readBytes(streamingRequest(URL, stream, { 'content-length': String(1.5 * 1024 ** 3) }), limit);
    expect(read).toEqual({ ok: false, status: 413, message: 'At most 1 KiB.' });
    expect(stats.pulled).toBe(0);
  });

  it('stops an endless chunked body one chunk past the limit and cancels it', async () => {
    const { stream, stats } = countedStream({ chunkBytes: 300 });
    expect(await readText(streamingRequest(URL, stream), limit)).toEqual({ ok: false, status: 413, message: 'At most 1 KiB.' });
    expect(stats.pulled).toBeLessThanOrEqual(1024 + 300);
    expect(stats.cancelled).toBe(true);
  });

  it('refuses a body longer or shorter than its own Content-Length', async () => {
    const { stream, stats } = countedStream({ chunkBytes: 100, totalBytes: 10_000 });
    expect(await readBytes(streamingRequest(URL, stream, { 'content-length': '150' }), { maxBytes: 100_000 })).toMatchObject({ ok: false, status: 413 });
    expect(stats.pulled).toBe(200);
    const short = countedStream({ chunkBytes: 100, totalBytes: 100 });
    expect(await readBytes(streamingRequest(URL, short.stream, { 'content-length': '150' }), { maxBytes: 100_000 })).toEqual({ ok: false, status: 400, message: 'The upload ended after 100 of 150 bytes.' });
    expect(await readBytes(post('x', { 'content-length': 'lots' }), limit)).toMatchObject({ ok: false, status: 400 });
  });

  it('reads text, JSON and forms within the limit', async () => {
    expect(await readText(post('héllo'), limit)).toEqual({ ok: true, value: 'héllo' });
    expect(await readJson(post('{"a":[1,2]}'), limit)).toEqual({ ok: true, value: { a: [1, 2] } });
    const form = new FormData();
    form.set('ids', 'a,b');
    form.set('file', new File([new Uint8Array([1, 2, 3])], 'f.png', { type: 'image/png' }));
    const read = await readForm(new Request(URL, { method: 'POST', body: form }), limit);
    expect(read.ok && read.value.get('ids')).toBe('a,b');
    const file = read.ok ? read.value.get('file') : null;
    expect(file instanceof File && [...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await readBytes(new Request(URL, { method: 'POST' }), limit)).toEqual({ ok: true, value: new Uint8Array(0) });
  });

  it('answers malformed JSON, text, forms and a form over the limit with a 4xx', async () => {
    expect(await readJson(post('{"a":'), limit)).toEqual({ ok: false, status: 400, message: 'Expected a JSON body.' });
    expect(await readText(post(new Uint8Array([0xff, 0xfe, 0x00])), limit)).toMatchObject({ ok: false, status: 400 });
    expect(await readForm(post('not a form', { 'content-type': 'multipart/form-data; boundary=zzz' }), limit)).toEqual({ ok: false, status: 400, message: 'The form in the request body is malformed.' });
    expect(await readForm(post('{}', { 'content-type': 'application/json' }), limit)).toMatchObject({ ok: false, status: 400 });
    const big = new FormData();
    big.set('file', new File([new Uint8Array(5000)], 'f.png'));
    expect(await readForm(new Request(URL, { method: 'POST', body: big }), limit)).toMatchObject({ ok: false, status: 413 });
  });

  it('saves a body to a file chunk by chunk, and stops when a chunk check throws (a full disk)', async () => {
    const dir = process.env.DATA_DIR ?? '';
    const file = path.join(dir, 'saved.bin');
    const { stream } = countedStream({ chunkBytes: 1000, totalBytes: 3000 });
    expect(await saveBody(streamingRequest(URL, stream, { 'content-length': '3000' }), file, { maxBytes: 10_000, requireLength: true })).toEqual({ ok: true, value: 3000 });
    expect(fs.statSync(file).size).toBe(3000);

    const full = countedStream({ chunkBytes: 1000 });
    const aborted = saveBody(streamingRequest(URL, full.stream), path.join(dir, 'aborted.bin'), { maxBytes: 1e9 }, (_chunk, received) => {
      if (received > 2000) throw new Error('disk full');
    });
    await expect(aborted).rejects.toThrow('disk full');
    expect(full.stats.cancelled).toBe(true);
    expect(fs.statSync(path.join(dir, 'aborted.bin')).size).toBe(2000);
    expect(await saveBody(streamingRequest(URL, countedStream().stream), path.join(dir, 'chunked.bin'), { maxBytes: 1e9, requireLength: true })).toMatchObject({ ok: false, status: 411 });
  });
});
