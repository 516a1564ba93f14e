import 'server-only';
import { z } from 'zod';
import { getGenerationById, type GenerationWithAuthor } from '@/db/queries/generations';
import { denied, missing } from '@/lib/http';
import type { Action } from './authz';
import { authorize, type StudioContext } from './session';

const paramsSchema = z.object({ id: z.uuid() });

/**
 * The clip a `/api/generations/[id]/…` route names, when the caller may do `action` in its team. A refusal,
 * a malformed id and another team's clip all answer the same (401 signed out, else a plain 404).
 */
export async function teamClip(action: Action, params: unknown): Promise<{ ok: true; row: GenerationWithAuthor; context: StudioContext } | { ok: false; response: Response }> {
  const auth = await authorize(action);
  if (!auth.ok) return { ok: false, response: denied(auth.status) };
  const parsed = paramsSchema.safeParse(params);
  const row = parsed.success ? await getGenerationById({ id: parsed.data.id, teamId: auth.context.team.teamId }) : undefined;
  return row ? { ok: true, row, context: auth.context } : { ok: false, response: missing() };
}
