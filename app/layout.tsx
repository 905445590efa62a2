import type { Metadata, Viewport } from 'next';
import { type ReactNode, Suspense } from 'react';
import { PartialBanner } from '@/components/shell/partial-banner';
import { SiteHeader, SiteHeaderFallback } from '@/components/shell/site-header';
import { StaleBanner } from '@/components/shell/stale-banner';
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
        <StaleProvider>
          {/* The header reads the URL (range, hub, kiosk); the fallback keeps a static shell valid. */}
          <Suspense fallback={<SiteHeaderFallback />}>
            <SiteHeader />
          </Suspense>
          <StaleBanner />
          <PartialBanner />
          <main id="main">{children}</main>
        </StaleProvider>
      </body>
    </html>
  );
}
