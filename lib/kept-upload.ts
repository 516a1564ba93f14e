// The one way a kept input (a start frame, a sound track) arrives: a file upload (multipart, field `file`) or a
// link (JSON {url}); the route says how to check and keep each, and answers with what it kept.
import 'server-only';
import { z } from 'zod';
import '@/lib/zod-jitless';
import { authorize } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { cannotGenerate, crossSite, problem, sameOrigin } from '@/lib/http';
import { bodyRefused, readForm, readJson } from '@/lib/read-body';

export type Kept<T> = { ok: true; value: T } | { ok: false; message: string; status?: 413 | 507 };

export type KeptUpload<T> = {
  maxBytes: number;
  /** Worded for the person: "The image is larger than 10 MB. …" */
  tooLarge: string;
  /** Why an upload cannot be used when the service cannot reach this studio. */
  needsPublicUrl: string;
  /** "Choose an image file to upload." / "Paste an image link" */
  chooseFile: string;
  pasteLink: string;
  keepFile: (bytes: Uint8Array, name: string) => Promise<Kept<T>>;
  keepLink: (url: string) => Promise<Kept<T>>;
};

const linkSchema = (pasteLink: string) => z.object({ url: z.string().trim().min(1, pasteLink).max(2_048, 'That link is too long') });

/** Reads the upload or link and keeps it; a refusal is already the route's answer (4xx with a message). */
export async function receiveKeptUpload<T>(request: Request, upload: KeptUpload<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const type = request.headers.get('content-type') ?? '';
  const refused = (response: Response) => ({ ok: false as const, response });
  let kept: Kept<T>;
  if (type.startsWith('multipart/form-data')) {
    if (!getEnv().reachableUrl) return refused(problem(400, upload.needsPublicUrl));
    // The file plus room for the multipart framing around it.
    const form = await readForm(request, { maxBytes: upload.maxBytes + 64 * 1024, tooLarge: upload.tooLarge });
    if (!form.ok) return refused(bodyRefused(form));
    const file = form.value.get('file');
    if (!(file instanceof File)) return refused(problem(400, upload.chooseFile));
    kept = await upload.keepFile(new Uint8Array(await file.arrayBuffer()), file.name);
  } else if (type.startsWith('application/json')) {
    const body = await readJson(request, { maxBytes: 16 * 1024, tooLarge: 'Send only {"url": "…"}: the body is too large.' });
    if (!body.ok) return refused(bodyRefused(body));
    const parsed = linkSchema(upload.pasteLink).safeParse(body.value);
    if (!parsed.success) return refused(problem(400, parsed.error.issues[0]?.message ?? upload.pasteLink));
    kept = await upload.keepLink(parsed.data.url);
  } else {
    return refused(problem(400, 'Send a file (multipart/form-data) or a link (application/json).'));
  }
  return kept.ok ? kept : refused(problem(kept.status ?? 400, kept.message));
}

export type Owner = { teamId: string; userId: string };

/**
 * A kept-upload route whole: from our own pages only, for a member who may generate, then the upload or link
 * kept for the member's team (`upload`), and the route's answer for what was kept (`answer`).
 */
export async function memberKeptUpload<T>(request: Request, upload: (owner: Owner) => KeptUpload<T>, answer: (value: T) => Response): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  const auth = await authorize('generation:create');
  if (!auth.ok) return cannotGenerate(auth.status);
  const kept = await receiveKeptUpload(request, upload({ teamId: auth.context.team.teamId, userId: auth.context.user.id }));
  return kept.ok ? answer(kept.value) : kept.response;
}
