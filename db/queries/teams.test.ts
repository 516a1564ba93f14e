import { describe, expect, it } from 'vitest';
import { createOwner } from '@/test/fixtures';
import { acceptInvite, createInvite, listActiveInvites, previewInvite, revokeInvite } from './invites';
import { changeMembership, createTeam, getMembership, listMembershipsForUser } from './teams';

const day = 24 * 60 * 60_000;

describe('memberships', () => {
  it('never leaves a team without an owner', async () => {
    const ada = await createOwner('ada-owner@example.test');
    const bo = await createOwner('bo-owner@example.test');
    const teamId = await createTeam({ name: 'Two owners', ownerId: ada.userId });
    expect(await changeMembership({ teamId, userId: ada.userId, role: 'editor' })).toEqual({ ok: false, reason: 'last-owner' });
    expect(await changeMembership({ teamId, userId: ada.userId, role: null })).toEqual({ ok: false, reason: 'last-owner' });

    const { token } = await createInvite({ teamId, role: 'owner', expiresAt: new Date(Date.now() + day), maxUses: 1, createdBy: ada.userId });
    expect(await acceptInvite({ token, userId: bo.userId, now: new Date() })).toMatchObject({ ok: true, joined: true });
    // With a second owner, the first may step down.
    expect(await changeMembership({ teamId, userId: ada.userId, role: 'viewer' })).toEqual({ ok: true });
    expect((await getMembership({ teamId, userId: ada.userId }))?.role).toBe('viewer');
    expect(await changeMembership({ teamId, userId: bo.userId, role: null })).toEqual({ ok: false, reason: 'last-owner' });
  });
});

describe('invites', () => {
  it('admits up to its use limit with its role, and a member rejoining uses nothing', async () => {
    const owner = await createOwner('inviter@example.test');
    const a = await createOwner('joiner-a@example.test');
    const b = await createOwner('joiner-b@example.test');
    const { token } = await createInvite({ teamId: owner.teamId, role: 'editor', expiresAt: new Date(Date.now() + day), maxUses: 1, createdBy: owner.userId });
    expect(await previewInvite({ token, now: new Date() })).toMatchObject({ teamId: owner.teamId, role: 'editor' });
    expect(await acceptInvite({ token, userId: a.userId, now: new Date() })).toEqual({ ok: true, teamId: owner.teamId, joined: true });
    expect(await acceptInvite({ token, userId: a.userId, now: new Date() })).toEqual({ ok: false }); // used up, even for the same person
    expect(await acceptInvite({ token, userId: b.userId, now: new Date() })).toEqual({ ok: false });
    expect(await previewInvite({ token, now: new Date() })).toBeUndefined();
    expect((await listMembershipsForUser({ userId: a.userId })).map((m) => [m.teamId, m.role])).toContainEqual([owner.teamId, 'editor']);
  });

  it('refuses expired and revoked invites, and unknown tokens alike', async () => {
    const owner = await createOwner('revoker@example.test');
    const joiner = await createOwner('late@example.test');
    const expired = await createInvite({ teamId: owner.teamId, role: 'viewer', expiresAt: new Date(Date.now() - 1), maxUses: 5, createdBy: owner.userId });
    const revoked = await createInvite({ teamId: owner.teamId, role: 'viewer', expiresAt: new Date(Date.now() + day), maxUses: 5, createdBy: owner.userId });
    expect(await revokeInvite({ id: revoked.invite.id, teamId: owner.teamId, now: new Date() })).toBe(true);
    for (const token of [expired.token, revoked.token, 'not-a-token']) {
      expect(await acceptInvite({ token, userId: joiner.userId, now: new Date() })).toEqual({ ok: false });
    }
    expect(await listActiveInvites({ teamId: owner.teamId, now: new Date() })).toEqual([]);
  });
});
