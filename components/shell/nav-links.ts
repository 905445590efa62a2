/** The views, in nav order. */
export const NAV_LINKS = [
  { href: '/', label: 'Status' },
  { href: '/hubs', label: 'Hubs' },
  { href: '/errors', label: 'Errors' },
  { href: '/system', label: 'System' },
  { href: '/deployments', label: 'Deployments' },
  { href: '/explore', label: 'Explore' },
] as const;
