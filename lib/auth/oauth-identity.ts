import 'server-only';
import { z } from 'zod';

export type OAuthIdentity = { email: string; name: string };

const verifiedEmail = z.email().trim().toLowerCase().max(254);
// Google's ID token carries a boolean; older tokens sent the string.
const verified = z.union([z.literal(true), z.literal('true')]);

// For GitHub, email / email_verified come from our userinfo request (github-email.ts), not the public profile.
const profiles = {
  github: z
    .object({
      email: verifiedEmail,
      email_verified: verified,
      name: z.string().nullish().catch(undefined),
      login: z.string().optional().catch(undefined),
    })
    .transform(({ email, name, login }) => ({ email, name: name ?? login })),
  google: z
    .object({ email: verifiedEmail, email_verified: verified, name: z.string().nullish().catch(undefined) })
    .transform(({ email, name }) => ({ email, name })),
};

function displayName(name: string | null | undefined, email: string): string {
  const trimmed = name?.trim().slice(0, 80);
  return trimmed || email.split('@')[0] || 'New user';
}

/** The email and name an OAuth profile vouches for; undefined (refuse sign-in) without a verified email. */
export function verifiedOAuthIdentity(provider: string, profile: unknown): OAuthIdentity | undefined {
  if (provider !== 'github' && provider !== 'google') return undefined;
  const parsed = profiles[provider].safeParse(profile);
  if (!parsed.success) return undefined;
  return { email: parsed.data.email, name: displayName(parsed.data.name, parsed.data.email) };
}
