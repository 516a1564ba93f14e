// Why uploads and webhooks are off: only with a real key and no PUBLIC_URL (the emulator reaches us on
// loopback, see lib/env.ts reachableUrl). Shared by the routes, the start service and the form.

export const UPLOADS_NEED_PUBLIC_URL =
  'Uploads need PUBLIC_URL: the Wan service fetches the image from this studio, and it cannot reach localhost. Paste a public image link instead, or set PUBLIC_URL.';

export const TRACKS_NEED_PUBLIC_URL =
  'Uploaded sound tracks need PUBLIC_URL: the Wan service fetches the track from this studio, and it cannot reach localhost. Paste a public link to the track instead, or set PUBLIC_URL.';

export const WEBHOOK_NEEDS_PUBLIC_URL =
  'Webhook delivery needs PUBLIC_URL: the Wan service calls this studio back there, and it cannot reach localhost. Choose polling, or set PUBLIC_URL.';
