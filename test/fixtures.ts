import { insertGeneration } from '@/db/queries/generations';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import type { Generation, NewGeneration } from '@/db/schema';
import { requestDefaults } from '@/lib/generation/schema';

export type Owner = { userId: string; teamId: string };

/** A signed-up person with their personal team, in this test file's fresh database. */
export async function createOwner(email: string): Promise<Owner> {
  const created = await createUserWithPersonalTeam({ email, name: email.split('@')[0] ?? 'Test', passwordHash: 'not-used' });
  if ('conflict' in created) throw new Error(`${email} already exists`);
  return { userId: created.user.id, teamId: created.teamId };
}

/** A generation row as a test needs it: a plain 720p 5 s text-to-video request, plus `values`. */
export async function insertTestGeneration(owner: Owner, values: Partial<NewGeneration> = {}): Promise<Generation> {
  return insertGeneration({
    id: crypto.randomUUID(),
    ...owner,
    ...requestDefaults,
    prompt: 'a test clip',
    seed: 1,
    state: 'queued',
    ...values,
  });
}
