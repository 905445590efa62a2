import type { ReactNode } from 'react';

export interface ScrollRegionProps {
  /** Says whose content scrolls here ("Measures", "Hub up: legend"). */
  label: string;
  className: string;
  children: ReactNode;
}

/**
 * A box whose wide table scrolls sideways on a phone. It is a named, focusable region so that the
 * keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable): without a focusable
 * element inside, arrow keys cannot reach what lies past its right edge.
 */
export function ScrollRegion({ label, className, children }: ScrollRegionProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className={className} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
