/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@ffmpeg-installer/ffmpeg'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
