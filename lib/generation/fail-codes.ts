export type FailExplanation = { title: string; advice: string };

const known: Record<string, FailExplanation> = {
  CONTENT_VIOLATION: {
    title: 'The prompt was refused by the safety filter',
    advice: 'Reword the prompt (or the image) to avoid the flagged content, then generate again.',
  },
  INVALID_IMAGE_URL: {
    title: 'The service could not use the start image',
    advice: 'The link may be private, expired or not a JPG, PNG or WebP under 10 MB. Uploading the image itself avoids this.',
  },
  PROMPT_TOO_LONG: { title: 'The prompt is too long', advice: 'Shorten the prompt to 800 characters or fewer.' },
  IMAGE_TOO_LARGE: { title: 'The start image is too large', advice: 'Use an image under 10 MB.' },
  UNSUPPORTED_FORMAT: { title: 'The start image format is not supported', advice: 'Use a JPG, PNG or WebP image.' },
  IMAGE_DOWNLOAD_FAILED: { title: 'The service could not download the image', advice: 'Make sure the link is reachable, then retry.' },
  PROCESSING_TIMEOUT: { title: 'The service took too long', advice: 'This is usually temporary: generate again.' },
  MODEL_UNAVAILABLE: { title: 'The model is unavailable right now', advice: 'Try again in a few minutes, or switch provider.' },
  GENERATION_FAILED: { title: 'The service could not generate this clip', advice: 'Generate again; a different seed may help.' },
  INSUFFICIENT_CREDITS: { title: 'The API account is out of credits', advice: 'Top up the account balance, then generate again.' },
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
  HTTP_402: { title: 'The API account has insufficient balance', advice: 'Top up the account, then generate again.' },
  HTTP_429: { title: 'The service is rate limiting us', advice: 'Wait a moment and generate again.' },
};

/** Plain words for a fail code; an unknown code is shown verbatim. */
export function explainFailure(code: string | null): FailExplanation {
  if (code && known[code]) return known[code];
  if (code?.startsWith('HTTP_5')) {
    return { title: 'The service had an internal error', advice: 'Nothing is lost: generate again in a moment.' };
  }
  return { title: code ? `The generation failed (${code})` : 'The generation failed', advice: 'Generate again; if it keeps failing, change the prompt or settings.' };
}
