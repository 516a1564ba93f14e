/** `link`: where the fix is (the out-of-credit failures link to our top-up redirect, /api/wan/top-up). */
export type FailExplanation = { title: string; advice: string; link?: { href: string; label: string } };

/** Our redirect to the service's top-up page (WAN_TOP_UP_URL); the browser never needs the configuration. */
export const TOP_UP_HREF = '/api/wan/top-up';

const outOfCredit: FailExplanation = {
  title: 'The API key is out of credit',
  advice: 'Top up the balance. Queued clips wait and go once it is back; this one needs Generate again.',
  link: { href: TOP_UP_HREF, label: 'Top up the balance' },
};
const refusedContent: FailExplanation = {
  title: 'The prompt was refused by the safety filter',
  advice: 'Reword the prompt (or the image) to avoid the flagged content, then generate again.',
};

const known: Record<string, FailExplanation> = {
  // Keys are UPPER_SNAKE: the docs' other spelling (SensitiveContentDetected) is looked up as SENSITIVE_CONTENT_DETECTED.
  CONTENT_VIOLATION: refusedContent,
  SENSITIVE_CONTENT_DETECTED: refusedContent,
  INPUT_IMAGE_SENSITIVE_CONTENT_DETECTED: {
    title: 'The start image was refused by the safety filter',
    advice: 'Use a different start image (the prompt was not the problem), then generate again.',
  },
  INVALID_IMAGE_URL: {
    title: 'The service could not use the start image',
    advice: 'The link may be private, expired or not a JPG, PNG or WebP under 10 MB. Uploading the image itself avoids this.',
  },
  PROMPT_TOO_LONG: promptTooLong(),
  PROMPT_LENGTH_EXCEEDED: promptTooLong(),
  INVALID_AUDIO_URL: {
    title: 'The service could not use the sound track',
    advice: 'The track must be a WAV or MP3 file of 3–30 s under 15 MB, at a link the service can reach. Uploading the file itself avoids link problems.',
  },
  IMAGE_TOO_LARGE: { title: 'The start image is too large', advice: 'Use an image under 10 MB.' },
  UNSUPPORTED_FORMAT: { title: 'The start image format is not supported', advice: 'Use a JPG, PNG or WebP image.' },
  IMAGE_DOWNLOAD_FAILED: { title: 'The service could not download the image', advice: 'Make sure the link is reachable, then retry.' },
  PROCESSING_TIMEOUT: { title: 'The service took too long', advice: 'This is usually temporary: generate again.' },
  MODEL_UNAVAILABLE: { title: 'The model is unavailable right now', advice: 'Try again in a few minutes, or switch provider.' },
  GENERATION_FAILED: { title: 'The service could not generate this clip', advice: 'Generate again; a different seed may help.' },
  INSUFFICIENT_CREDITS: outOfCredit,
  TASK_NOT_FOUND: {
    title: 'The service no longer knows this task',
    advice: 'Nothing of the request is lost: Send again asks for the identical clip, seed included, as a new task; Dismiss sets it aside.',
  },
  UNREACHABLE: { title: 'The Wan API could not be reached', advice: 'Nothing was created or charged. Check the connection and generate again.' },
  OUTCOME_UNKNOWN: {
    title: 'We could not confirm the task was created',
    advice: 'It may still have been created. Generate again if no clip appears.',
  },
  HTTP_400: { title: 'The service rejected the request', advice: 'Fix the setting named below and try again.' },
  HTTP_401: { title: 'The API key was refused', advice: 'Check WAN_API_KEY in the server configuration.' },
  HTTP_402: outOfCredit,
  HTTP_429: { title: 'The service is rate limiting us', advice: 'Wait a moment and generate again.' },
};

// A Map: a code such as `constructor` is free text too, never a prototype's property.
const knownCodes = new Map(Object.entries(known));

function promptTooLong(): FailExplanation {
  return { title: 'The prompt is too long', advice: 'Shorten the prompt: 800 characters at most on wan-2-5, 1 500 on wan-2-5-video.' };
}

/** `SensitiveContentDetected` → `SENSITIVE_CONTENT_DETECTED`; an UPPER_SNAKE code stays as it is. */
function upperSnake(code: string): string {
  return code
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
}

/**
 * Plain words and a fix for a fail code, in either spelling the docs use. Fail codes are free text: an unknown
 * one is named verbatim in the title (and shown beside the service's own message wherever a failure is shown).
 */
export function explainFailure(code: string | null): FailExplanation {
  const found = code ? (knownCodes.get(code) ?? knownCodes.get(upperSnake(code))) : undefined;
  if (found) return found;
  if (code?.startsWith('HTTP_5')) {
    return { title: 'The service had an internal error', advice: 'Nothing is lost: generate again in a moment.' };
  }
  return { title: code ? `The generation failed (${code})` : 'The generation failed', advice: 'Generate again; if it keeps failing, change the prompt or settings.' };
}
