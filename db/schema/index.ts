// The database schema, by area; drizzle-kit reads this file (drizzle.config.ts). Column helpers stay inside db/schema.
export { authThrottle, instanceInvites, invites, memberships, roles, teams, users } from './accounts';
export type { InstanceInvite, Invite, Membership, Role, Team, User } from './accounts';
export * from './generations';
export * from './curation';
export * from './presets';
