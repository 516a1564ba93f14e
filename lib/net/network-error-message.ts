// Low-level network failures in words a person can act on: no error code, host name or address leaks out.

const byCode: Record<string, string> = {
  ENOTFOUND: 'That address could not be found — check the link.',
  EAI_AGAIN: 'That address could not be looked up right now — try again in a moment.',
  EAI_NONAME: 'That address could not be found — check the link.',
  ECONNREFUSED: 'The site behind that link refused the connection — check the link, or try again later.',
  ECONNRESET: 'The site behind that link closed the connection — try again in a moment.',
  EPIPE: 'The site behind that link closed the connection — try again in a moment.',
  ETIMEDOUT: 'The site behind that link took too long to answer — try again later.',
  ESOCKETTIMEDOUT: 'The site behind that link took too long to answer — try again later.',
  EHOSTUNREACH: 'The site behind that link cannot be reached from here.',
  ENETUNREACH: 'The site behind that link cannot be reached from here.',
  EHOSTDOWN: 'The site behind that link cannot be reached from here.',
  ABORT_ERR: 'The download was stopped before it finished.',
};

const TLS = 'The site behind that link has no valid secure (HTTPS) certificate, so it was not trusted.';
const tlsCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
]);
const SECURE_CONNECTION = 'A secure (HTTPS) connection to the site behind that link could not be made.';
const BROKEN_ANSWER = 'The site behind that link sent an answer that could not be read.';
const UNKNOWN = 'The link could not be downloaded — check it, or try again later.';

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // fetch (undici) wraps the socket's error as its cause.
  return codeOf((error as { cause?: unknown }).cause);
}

/** The plain sentence for a failed connection or download (Node's `error.code`, or its cause's). */
export function networkErrorMessage(error: unknown): string {
  const code = codeOf(error);
  if (!code) return UNKNOWN;
  const known = byCode[code];
  if (known) return known;
  if (tlsCodes.has(code) || code.startsWith('ERR_TLS_CERT') || code.includes('CERT')) return TLS;
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO') return SECURE_CONNECTION;
  if (code.startsWith('HPE_') || code === 'ERR_STREAM_PREMATURE_CLOSE') return BROKEN_ANSWER;
  return UNKNOWN;
}
