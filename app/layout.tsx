import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { themeAttribute } from '@/lib/theme';
import { pageTheme } from '@/lib/theme-cookie';
import './globals.css';

const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-sans',
  display: 'swap',
});

export const metadata: Metadata = {
  title: { default: 'Wan Studio', template: '%s · Wan Studio' },
  description: 'Write prompts, generate videos with Wan 2.5, and keep every clip reproducible.',
  // public/: icon.svg is drawn by hand, the rest is rendered from it by scripts/make-icons.mjs.
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
  },
  manifest: '/manifest.webmanifest',
};

const canvas = { light: '#f6f5f3', dark: '#0d0d10' } as const;

/** The browser's chrome in the page's canvas colour: the person's theme, or both for the device to pick. */
export async function generateViewport(): Promise<Viewport> {
  const theme = themeAttribute(await pageTheme());
  if (theme) return { themeColor: canvas[theme], colorScheme: theme };
  return {
    themeColor: [
      { media: '(prefers-color-scheme: light)', color: canvas.light },
      { media: '(prefers-color-scheme: dark)', color: canvas.dark },
    ],
    colorScheme: 'light dark',
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce on its scripts (a prerendered page has none).
  await connection();
  return (
    <html lang="en" className={inter.variable} data-theme={themeAttribute(await pageTheme())}>
      <body className="min-h-dvh font-sans">
        {children}
      </body>
    </html>
  );
}
