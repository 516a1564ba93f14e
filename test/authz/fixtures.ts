import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { createInvite } from '@/db/queries/invites';
import { createShare } from '@/db/queries/shares';
import { createTeam } from '@/db/queries/teams';
import { generations, memberships, type Generation, type NewGeneration, type Role } from '@/db/schema';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';

// 'admin' is the instance's administrator (the first account), a member of no team but their own: the
// admin pages are theirs alone, and being admin opens nothing of a team they are not in.
export const personas = ['owner', 'editor', 'viewer', 'other team', 'admin', 'anonymous'] as const;
export type Persona = (typeof personas)[number];

/** Everything of team T carries this marker, so any leak into a refusal is caught by one regex. */
export const SECRET = 'SECRET-T';

export type World = {
  teamId: string;
  users: Record<Exclude<Persona, 'anonymous'>, Owner>;
  /** A finished, archived clip of T made by the editor. */
  clip: Generation;
  video: Buffer;
};

const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/** A real, tiny MP4, so video and poster routes have something true to serve. */
function makeVideo(file: string) {
  execFileSync(ffmpegPath, ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=navy:s=160x90:d=1:r=10', '-pix_fmt', 'yuv420p', '-y', file]);
}

export async function buildWorld(): Promise<World> {
  // The first account of a fresh studio is its administrator.
  const admin = await createOwner('admin@t.test');
  const owner = await createOwner('owner@t.test');
  const editor = await createOwner('editor@t.test');
  const viewer = await createOwner('viewer@t.test');
  const other = await createOwner('other@x.test');
  const teamId = await createTeam({ name: `${SECRET} team`, ownerId: owner.userId });
  getDb()
    .insert(memberships)
    .values([
      { teamId, userId: editor.userId, role: 'editor' },
      { teamId, userId: viewer.userId, role: 'viewer' },
    ])
    .run();
  const inT = (user: Owner): Owner => ({ userId: user.userId, teamId });

  const videos = path.join(process.env.DATA_DIR ?? '', 'videos');
  fs.mkdirSync(videos, { recursive: true });
  const sample = path.join(videos, 'sample.mp4');
  makeVideo(sample);
  const video = fs.readFileSync(sample);

  const clip = await archivedClip(inT(editor), video);
  return { teamId, users: { owner: inT(owner), editor: inT(editor), viewer: inT(viewer), 'other team': other, admin }, clip, video };
}

/** A clip of T by `author`, finished and archived (a copy of the sample video). */
export async function archivedClip(author: Owner, video: Buffer, values: Partial<NewGeneration> = {}): Promise<Generation> {
  const id = crypto.randomUUID();
  fs.writeFileSync(path.join(process.env.DATA_DIR ?? '', 'videos', `${id}.mp4`), video);
  return insertTestGeneration(author, {
    id,
    prompt: `${SECRET} clip ${id.slice(0, 6)}`,
    state: 'success',
    archivePath: `${id}.mp4`,
    archiveSha256: crypto.createHash('sha256').update(video).digest('hex'),
    archivedAt: new Date(),
    ...values,
  });
}

export function getRow(id: string): Generation | undefined {
  return getDb().select().from(generations).where(eq(generations.id, id)).get();
}

export function countRows(teamId: string): number {
  return getDb().select().from(generations).where(eq(generations.teamId, teamId)).all().length;
}

export async function invite(world: World, role: Role, { expiresInMs = 86_400_000, maxUses = 5 } = {}) {
  return createInvite({ teamId: world.teamId, role, expiresAt: new Date(Date.now() + expiresInMs), maxUses, createdBy: world.users.owner.userId });
}

export async function share(world: World, clip: Generation) {
  return createShare({ teamId: world.teamId, generationId: clip.id, showRecipe: true, createdBy: world.users.owner.userId });
}
