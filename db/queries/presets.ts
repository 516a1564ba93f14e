import 'server-only';
import { and, asc, desc, eq, or } from 'drizzle-orm';
import { getDb } from '../index';
import { presets, users, type Preset, type PresetKind } from '../schema';

// Presets of one team: a member sees their personal ones and every shared one; nobody else's personal ones.

export type PresetWithAuthor = Preset & { authorName: string };

/** Shared with the team, or this member's own. */
const visibleTo = (teamId: string, userId: string) => and(eq(presets.teamId, teamId), or(eq(presets.shared, true), eq(presets.userId, userId)));

export async function listPresets({ teamId, userId }: { teamId: string; userId: string }): Promise<PresetWithAuthor[]> {
  return getDb()
    .select({ preset: presets, authorName: users.name })
    .from(presets)
    .innerJoin(users, eq(users.id, presets.userId))
    .where(visibleTo(teamId, userId))
    // Setups before negative prompts, shared before personal, then by name.
    .orderBy(desc(presets.kind), desc(presets.shared), asc(presets.name))
    .all()
    .map((row) => ({ ...row.preset, authorName: row.authorName }));
}

/** One preset the member can see, by id (another team's, or a colleague's personal one, is undefined). */
export async function getPresetById({ id, teamId, userId }: { id: string; teamId: string; userId: string }): Promise<Preset | undefined> {
  return getDb()
    .select()
    .from(presets)
    .where(and(eq(presets.id, id), visibleTo(teamId, userId)))
    .get();
}

type Owner = { teamId: string; userId: string };
type Named = Owner & { kind: PresetKind; name: string; shared: boolean };

/** The preset a save under this name would replace: the member's personal one, or the team's shared one. */
export async function findPresetByName({ teamId, userId, kind, name, shared }: Named): Promise<Preset | undefined> {
  return getDb()
    .select()
    .from(presets)
    .where(and(eq(presets.teamId, teamId), eq(presets.kind, kind), eq(presets.name, name), eq(presets.shared, shared), shared ? undefined : eq(presets.userId, userId)))
    .get();
}

/** Creates the preset, or replaces the settings of the one `replacing` names (found by findPresetByName). */
export async function savePreset(input: Named & { settings: Record<string, unknown>; replacing?: string; now: Date }): Promise<Preset> {
  const db = getDb();
  if (input.replacing) {
    const updated = db
      .update(presets)
      .set({ settings: input.settings, updatedAt: input.now })
      .where(and(eq(presets.id, input.replacing), eq(presets.teamId, input.teamId)))
      .returning()
      .get();
    if (updated) return updated;
  }
  const { teamId, userId, kind, name, shared, settings, now } = input;
  return db.insert(presets).values({ id: crypto.randomUUID(), teamId, userId, kind, name, shared, settings, updatedAt: now }).returning().get();
}

/** Renames a preset of the team; `taken` when the member (or the team, for a shared one) already has that name. */
export async function renamePreset({ id, teamId, name, now }: { id: string; teamId: string; name: string; now: Date }): Promise<'renamed' | 'missing' | 'taken'> {
  try {
    const changed = getDb()
      .update(presets)
      .set({ name, updatedAt: now })
      .where(and(eq(presets.id, id), eq(presets.teamId, teamId)))
      .run().changes;
    return changed === 1 ? 'renamed' : 'missing';
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'taken';
    throw error;
  }
}

export async function deletePreset({ id, teamId }: { id: string; teamId: string }): Promise<boolean> {
  return getDb()
    .delete(presets)
    .where(and(eq(presets.id, id), eq(presets.teamId, teamId)))
    .run().changes === 1;
}
