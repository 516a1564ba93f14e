// A real S3-compatible server for tests: s3rver in this process, on a free loopback port, over a temp
// directory, with one empty bucket. It does not check signatures and answers suffix ranges wrongly
// (the store always sends explicit ones), so those two things cannot be tested against it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StoreConfig } from '@/lib/storage/s3-video-store';

export type TestS3 = { config: S3StoreConfig; env: Record<string, string>; dir: string; stop(): Promise<void> };

export async function startS3(bucket = 'studio-test', prefix = 'archive/'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-studio-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    dir,
    config: { kind: 's3', bucket, prefix, endpoint, region: 'us-east-1', forcePathStyle: true, credentials },
    env: { STORAGE_URL: `s3://${bucket}/${prefix}`, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey },
    async stop() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
