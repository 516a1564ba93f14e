/** One place for the e2e servers' settings: ports away from the defaults, compressed time, a key to hunt for. */
export const E2E = {
  port: 3100,
  baseUrl: 'http://localhost:3100',
  emulatorPort: 8788,
  emulatorUrl: 'http://127.0.0.1:8788',
  // Distinctive so a test can prove it never reaches a browser.
  apiKey: 'e2e-secret-wan-key-5f2c9a71d3',
  timeScale: 0.02,
  dir: '.e2e',
} as const;
