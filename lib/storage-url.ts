import { z } from 'zod';

export type S3Location = { bucket: string; prefix: string };

// S3's bucket naming rules (3–63 lowercase letters, digits, dots, hyphens; a letter or digit at each end).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[\w.-]+$/;

/** `s3://bucket` or `s3://bucket/some/prefix` (a trailing slash is fine): the bucket, and the prefix with a trailing slash (or ''). */
export const storageUrlSchema = z.string().transform((url, context): S3Location => {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(url);
  if (!match) {
    context.addIssue({ code: 'custom', message: 'STORAGE_URL must look like s3://bucket/prefix (unset: videos stay on local disk)' });
    return z.NEVER;
  }
  const [, bucket = '', path = ''] = match;
  if (!BUCKET.test(bucket)) {
    context.addIssue({ code: 'custom', message: `STORAGE_URL names an invalid bucket "${bucket}" (3–63 lowercase letters, digits, dots or hyphens)` });
    return z.NEVER;
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => !PREFIX_SEGMENT.test(segment) || segment === '.' || segment === '..')) {
    context.addIssue({ code: 'custom', message: 'STORAGE_URL: the prefix may hold letters, digits, _ . - and / only' });
    return z.NEVER;
  }
  return { bucket, prefix: segments.map((segment) => `${segment}/`).join('') };
});
