import type { Metadata, Viewport } from 'next';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { type ReactNode, Suspense } from 'react';
import { PartialBanner } from '@/components/shell/partial-banner';
import { SiteHeader, SiteHeaderFallback } from '@/components/shell/site-header';
import { StaleProvider } from '@/lib/client/stale-context';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'hubwatch', template: '%s · hubwatch' },
  description: 'Is the JupyterHub working? Status, student errors and system state from Graphite.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0d1117' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <NuqsAdapter>
          <StaleProvider>
            {/* The header reads the URL (range, hub, kiosk); the fallback keeps a static shell valid. */}
            <Suspense fallback={<SiteHeaderFallback />}>
              <SiteHeader />
            </Suspense>
            <PartialBanner />
            <main id="main">{children}</main>
          </StaleProvider>
        </NuqsAdapter>
      </body>
    </html>
  );
}
