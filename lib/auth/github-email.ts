import 'server-only';
import { z } from 'zod';

const githubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

/** The primary address, only when GitHub has verified it; a primary or listed address may be unverified. */
export function pickVerifiedGithubEmail(body: unknown): string | undefined {
  const parsed = githubEmails.safeParse(body);
  return parsed.success ? parsed.data.find((entry) => entry.primary && entry.verified)?.email : undefined;
}

/** Asks GitHub (scope user:email) for the account's verified primary email; undefined when it has none or the call fails. */
export async function fetchVerifiedGithubEmail(accessToken: string, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  const response = await fetchImpl('https://api.github.com/user/emails', {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.github+json', 'User-Agent': 'wan-studio' },
    signal: AbortSignal.timeout(10_000),
  });
  return response.ok ? pickVerifiedGithubEmail(await response.json()) : undefined;
}
