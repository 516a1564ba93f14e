import type { LimitRefusal } from '@/db/queries/spend';
import { formatUsd } from '@/lib/generation/request-fields';

/** "about 5 h 12 min" / "about 7 min": how long until a limit frees up. */
export function formatWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes <= 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `about ${hours} h ${rest} min` : `about ${hours} h`;
}

/** A refusal in the user's words: which limit, its value, what is used, and when it resets. */
export function refusalMessage(refusal: LimitRefusal, { clips, cents, now }: { clips: number; cents: number; now: Date }): string {
  const wait = formatWait(refusal.resetsAt.getTime() - now.getTime());
  const left = Math.max(0, refusal.limit - refusal.used);
  const resets = `It resets at 00:00 UTC, in ${wait}.`;
  const over = (whose: string) =>
    `This would cost about ${formatUsd(cents)}, over ${whose} daily budget of ${formatUsd(refusal.limit)} (${formatUsd(refusal.used)} spent today, ${formatUsd(left)} left). ${resets}`;
  switch (refusal.kind) {
    case 'member-hourly':
      return left > 0
        ? `This would start ${clips} clips, but you have ${left} of your ${refusal.limit} clips an hour left in this team. Try fewer, or wait ${wait}.`
        : `You have started ${refusal.limit} clips in the last hour, this team’s limit per member. The next one is possible in ${wait}.`;
    case 'person-hourly':
      return left > 0
        ? `This would start ${clips} clips, but you have ${left} of this studio’s ${refusal.limit} clips an hour per person left, counted across all your teams. Try fewer, or wait ${wait}.`
        : `You have started ${refusal.limit} clips in the last hour across all your teams, this studio’s limit per person. The next one is possible in ${wait}.`;
    case 'person-daily':
      return over('your');
    case 'team-daily':
      return over('this team’s');
    case 'studio-daily':
      return over('this studio’s');
  }
}

export type OverCap = { clips: number; costCents: number; capCents: number };

/** A sweep over the team's cap per sweep, naming the team. */
export function sweepOverCap({ clips, costCents, capCents }: OverCap, teamName: string): string {
  return `This sweep of ${clips} clips would cost about ${formatUsd(costCents)}, over ${teamName}’s cap of ${formatUsd(capCents)} per sweep. Use fewer seeds, 5 s or 720p.`;
}

/** A recipes import over the team's cap per sweep (one import is one batch). */
export function importOverCap({ clips, costCents, capCents }: OverCap): string {
  return `Re-running ${clips} clips would cost about ${formatUsd(costCents)}, over this team’s cap of ${formatUsd(capCents)} per batch. Import fewer clips at a time.`;
}

/** A batch file over the team's cap per sweep (one file is one batch). */
export function batchOverCap({ clips, costCents, capCents }: OverCap): string {
  return `This batch of ${clips} clips would cost about ${formatUsd(costCents)}, over this team’s cap of ${formatUsd(capCents)} per batch. Split the file, or use 5 s or 720p.`;
}
