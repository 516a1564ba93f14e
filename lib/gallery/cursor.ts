import { z } from 'zod';

export type Cursor = { createdAt: number; id: string };

const cursorSchema = z.string().regex(/^\d{1,15}\.[0-9a-f-]{36}$/);

/** The keyset cursor as one opaque URL-safe string: `<created_at ms>.<id>`. */
export function encodeCursor(cursor: Cursor): string {
  return `${cursor.createdAt}.${cursor.id}`;
}

export function decodeCursor(raw: string | null | undefined): Cursor | undefined {
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const [createdAt = '', id = ''] = parsed.data.split('.');
  return { createdAt: Number(createdAt), id };
}
