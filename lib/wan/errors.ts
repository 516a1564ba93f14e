/** The service answered with a non-success envelope (4xx/5xx, or code ≠ 200). */
export class WanApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    /** `data.error` of a 400: the reason in the service's words. */
    readonly detail?: string,
    readonly retryAfterMs?: number,
  ) {
    super(detail ? `${message}: ${detail}` : message);
    this.name = 'WanApiError';
  }
}

/** The request never got an answer: refused, reset, DNS, or timed out. */
export class WanNetworkError extends Error {
  constructor(
    message: string,
    /** True when the request may have reached the service (a create may have happened). */
    readonly outcomeUnknown: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WanNetworkError';
  }
}

/** The service answered 200 with a body we could not understand. */
export class WanProtocolError extends Error {
  constructor(
    message: string,
    readonly snippet: string,
  ) {
    super(message);
    this.name = 'WanProtocolError';
  }
}

export type WanError = WanApiError | WanNetworkError | WanProtocolError;
