'use client';

import { useEffect, useState } from 'react';
import type { generationRequestSchema } from '@/lib/generation/schema';

export type RequestSchema = typeof generationRequestSchema;

let loaded: RequestSchema | undefined;
let loading: Promise<RequestSchema> | undefined;

function load(): Promise<RequestSchema> {
  // One after the other: zod probes for eval while building an object schema, so jitless must be set before the
  // schema module runs (two parallel imports run in whichever order their chunks arrive).
  loading ??= import('@/lib/zod-jitless')
    .then(() => import('@/lib/generation/schema'))
    .then((module) => (loaded = module.generationRequestSchema));
  return loading;
}

/**
 * The request's one zod schema for the studio form, loaded once the page has settled rather than with it: zod
 * and the schema's construction were a tenth of the studio's start-up script. Until it is there the form checks
 * nothing itself and the server action (same schema) answers with the field errors.
 */
export function useRequestSchema(): RequestSchema | undefined {
  const [schema, setSchema] = useState(loaded);
  useEffect(() => {
    if (schema) return;
    let live = true;
    const begin = () => void load().then((ready) => live && setSchema(() => ready));
    const handle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(begin, { timeout: 2_000 }) : window.setTimeout(begin, 200);
    return () => {
      live = false;
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [schema]);
  return schema;
}
