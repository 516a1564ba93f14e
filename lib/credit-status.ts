/** What GET /api/wan/credit answers: the header's balance and the studio's paused-sending banner. */
export type CreditStatus = {
  /** USD; null when the balance endpoint answered nothing usable (the header then shows nothing). */
  balanceUsd: number | null;
  /** Sending waits: the service refused a send for lack of credit and the balance is not back yet. */
  sendingPaused: boolean;
  /** Epoch ms the pause began, when paused. */
  pausedSince: number | null;
};
