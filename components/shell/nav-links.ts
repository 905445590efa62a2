/** The views, in nav order. */
export const NAV_LINKS = [
  { href: '/', label: 'Status' },
  { href: '/hubs', label: 'Hubs' },
  { href: '/errors', label: 'Errors' },
  { href: '/system', label: 'System' },
  { href: '/explore', label: 'Explore' },
] as const;
