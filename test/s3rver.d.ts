// s3rver 3.7.1 ships no types: the part of its API the tests use.
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';

  type Options = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };

  export default class S3rver extends EventEmitter {
    constructor(options: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
