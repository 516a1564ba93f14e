// The same values as lib/security/headers.ts (checked by its test), for the responses proxy.ts does not see:
// API and start-frame requests with a body. HSTS depends on the runtime env, so only proxy.ts sends it.
const everywhere = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];
const nonDocument = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; sandbox" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@ffmpeg-installer/ffmpeg'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/(api|i|a)/:path*', headers: nonDocument },
    ];
  },
};

export default nextConfig;
