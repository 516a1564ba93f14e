import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { crashPoint } from '@/lib/crash-point';
import type { StorageConfig } from '@/lib/env';
import { checkedBody } from './checked-body';
import { ensureFreeSpace } from './disk-space';
import { checkedKey, MissingObjectError, type VideoStore } from './video-store';

export type S3StoreConfig = Extract<StorageConfig, { kind: 's3' }>;

// Parts of 8 MiB, two in flight: at most ~16 MiB of a clip in memory, whatever its size.
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export function s3ClientFor(config: S3StoreConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // SDK releases since early 2025 add checksums that several S3-compatible servers refuse or send wrong.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A stalled connection or body gives its socket back to the pool instead of holding it for good.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
  });
}

/**
 * Archived videos as objects `<prefix><key>` in one bucket. Uploads are atomic (an object appears only once
 * complete), so there are no partial objects to clean up; `tempDir` (local disk) holds copies made for ffmpeg.
 */
export function createS3VideoStore(config: S3StoreConfig, tempDir: string, client: S3Client = s3ClientFor(config)): VideoStore {
  const Bucket = config.bucket;
  const objectKey = (key: string) => `${config.prefix}${checkedKey(key)}`;

  async function get(key: string, range?: { start: number; end: number }) {
    try {
      // Always an explicit start-end: callers turn suffix and open-ended ranges into one from the stored size.
      const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
      const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key), Range }));
      if (!(object.Body instanceof Readable)) throw new Error(`S3 gave no stream for ${key}`);
      if (!range) return { body: object.Body, bytes: object.ContentLength };
      const answered = /^bytes (\d+)-(\d+)\//.exec(object.ContentRange ?? '');
      if (Number(answered?.[1]) !== range.start) {
        object.Body.destroy();
        throw new Error(`S3 answered ${key}'s range ${Range} with ${object.ContentRange ?? 'no Content-Range'}`);
      }
      // Never more than was asked for (s3rver, for one, answers bytes=0-0 with the whole object).
      const wanted = range.end - range.start + 1;
      return { body: Number(answered?.[2]) > range.end ? Readable.from(firstBytes(object.Body, wanted)) : object.Body, bytes: wanted };
    } catch (error) {
      throw isNotFound(error) ? new MissingObjectError(key) : error;
    }
  }

  return {
    async put(key, body, options) {
      const checked = checkedBody(body, options);
      let refused: unknown;
      async function* sent(): AsyncGenerator<Uint8Array> {
        try {
          for await (const chunk of checked.chunks) {
            yield chunk;
            crashPoint('mid-archive');
          }
        } catch (error) {
          refused = error;
          throw error;
        }
      }
      const stream = Readable.from(sent(), { objectMode: false });
      const upload = new Upload({
        client,
        params: { Bucket, Key: objectKey(key), Body: stream, ContentType: 'video/mp4' },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        // A refused or failed upload aborts its multipart upload: nothing is left in the bucket.
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        // The body's own refusal (too large, not a video) is the answer, not a failure aborting the upload after it.
        throw refused ?? error;
      } finally {
        // A failed upload may leave the body half read: stop it, so the source (a download) is let go too.
        stream.destroy();
      }
      return { key, ...checked.result() };
    },
    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return head.ContentLength;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async read(key, range) {
      return (await get(key, range)).body;
    },
    async remove(key) {
      // S3 answers 204 for a key that holds nothing.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async removePartials() {
      // Nothing to do, and nothing safe to do: another instance may be uploading into the same bucket.
      // Incomplete multipart uploads are cleared by the bucket's lifecycle rule (README).
      return 0;
    },
    async localCopy(key) {
      const object = await get(key).catch((error: unknown) => {
        if (error instanceof MissingObjectError) return undefined;
        throw error;
      });
      if (!object) return undefined;
      const file = path.join(tempDir, `copy-${crypto.randomBytes(8).toString('hex')}.mp4`);
      try {
        await fs.promises.mkdir(tempDir, { recursive: true });
        await ensureFreeSpace(tempDir, object.bytes ?? 0);
        await pipeline(object.body, fs.createWriteStream(file, { flags: 'wx' }));
      } catch (error) {
        object.body.destroy();
        await fs.promises.rm(file, { force: true });
        throw error;
      }
      return { path: file, release: () => fs.promises.rm(file, { force: true }) };
    },
    async ensureRoom() {
      // A bucket has no disk to fill; each team's share (disk-space.ts's checkTeamQuota) still applies.
    },
  };
}

async function* firstBytes(body: Readable, wanted: number): AsyncGenerator<Uint8Array> {
  let left = wanted;
  // Returning early ends the loop, which destroys the response stream.
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    if (chunk.byteLength >= left) {
      yield chunk.subarray(0, left);
      return;
    }
    left -= chunk.byteLength;
    yield chunk;
  }
}

/** S3's "no such object", however the server words it (GetObject's NoSuchKey, HeadObject's bare 404). */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}
