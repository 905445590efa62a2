'use client';

import { useEffect, useState } from 'react';

/** Current time in epoch seconds, ticking every `everyMs` (resolves relative ranges for axes). */
export function useNowSeconds(everyMs = 10_000): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const id = setInterval(() => setNow(Math.floor(Date.now() / 1000)), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
