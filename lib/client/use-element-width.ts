'use client';

import { type RefObject, useEffect, useState } from 'react';

/** Width buckets, so resizing a window by a few pixels does not refetch every panel. */
export const WIDTH_STEP_PX = 50;

/** The element's content width rounded to WIDTH_STEP_PX; null until measured. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.max(WIDTH_STEP_PX, Math.round(el.clientWidth / WIDTH_STEP_PX) * WIDTH_STEP_PX);
      setWidth((prev) => (prev === w ? prev : w));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
