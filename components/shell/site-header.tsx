'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useHydrated } from '@/lib/client/use-hydrated';
import { useViewParams } from '@/lib/client/use-view-params';
import { sharedQuery } from '@/lib/shared/view-params';
import { CopyLinkButton } from './copy-link-button';
import { HubSelect } from './hub-select';
import { NAV_LINKS } from './nav-links';
import { RefreshSelect } from './refresh-select';
import { TimePicker } from './time-picker';

/**
 * Navigation and the view controls shared by every page. With `?kiosk=1` it renders only a
 * marker: the stylesheet enlarges type when the marker is present (`:root:has(...)`), so a
 * projected or embedded page needs no other change.
 */
export function SiteHeader() {
  const { params, search } = useViewParams();
  const pathname = usePathname();
  const hydrated = useHydrated();
  if (params.kiosk) return <span data-kiosk-mode hidden />;
  const query = sharedQuery(search);
  return (
    <header className="site-header">
      <div className="site-header-row">
        <Link className="brand" href={query ? `/?${query}` : '/'} prefetch={false}>
          hubwatch
        </Link>
        <nav aria-label="Views" className="site-nav">
          {NAV_LINKS.map((link) => (
            <Link
              key={link.href}
              href={query ? `${link.href}?${query}` : link.href}
              // Views are rendered per request from Graphite; prefetching every nav link would
              // multiply Graphite load by the number of open dashboards.
              prefetch={false}
              aria-current={pathname === link.href ? 'page' : undefined}
            >
              {link.label}
            </Link>
          ))}
        </nav>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Time range and refresh">
        {/* One disabled fieldset: no control takes a click before the page can act on it. */}
        <fieldset className="toolbar-controls" disabled={!hydrated} data-hydrated={hydrated ? '' : undefined}>
          <HubSelect />
          <TimePicker />
          <RefreshSelect />
          <CopyLinkButton />
        </fieldset>
      </div>
    </header>
  );
}

/** Server-rendered stand-in while the URL is read (static shell); same layout, no controls. */
export function SiteHeaderFallback() {
  return (
    <header className="site-header">
      <div className="site-header-row">
        <Link className="brand" href="/" prefetch={false}>
          hubwatch
        </Link>
        <nav aria-label="Views" className="site-nav">
          {NAV_LINKS.map((link) => (
            <Link key={link.href} href={link.href} prefetch={false}>
              {link.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
