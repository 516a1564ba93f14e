'use client';

import { useEffect, useState } from 'react';
import type { generationRequestSchema } from '@/lib/generation/schema';

export type RequestSchema = typeof generationRequestSchema;

let loaded: RequestSchema | undefined;
let loading: Promise<RequestSchema> | undefined;

function load(): Promise<RequestSchema> {
  // zod probes for eval while building an object schema; schema.ts imports zod-jitless first, so it is set in time.
  loading ??= import('@/lib/generation/schema').then((module) => (loaded = module.generationRequestSchema));
  return loading;
}

/**
 * The request's one zod schema for the studio form, loaded once someone starts editing (`wanted`) rather than
 * with the page: zod and the schema's construction were a tenth of the studio's start-up script. Until it is
 * there the form checks nothing itself, and the server action (same schema) answers with the field errors.
 */
export function useRequestSchema(wanted: boolean): RequestSchema | undefined {
  const [schema, setSchema] = useState(loaded);
  useEffect(() => {
    if (schema || !wanted) return;
    let live = true;
    void load().then((ready) => live && setSchema(() => ready));
    return () => {
      live = false;
    };
  }, [schema, wanted]);
  return schema;
}
